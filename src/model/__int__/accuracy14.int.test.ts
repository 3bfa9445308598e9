/**
 * Issue #14 on a real Prometheus: every figure of the report, at every cost basis and price source, against the
 * generator's ground truth (computed from the spec, never from PromQL), on the presets that hold the shapes the
 * issue found mishandled (`shapes`: one-resource requests, every workload kind, pod names the name rule misreads,
 * nothing idle) and the older ones. A real zero must be reported as 0, not as null.
 *
 * Tolerance: 1e-6 relative. The demo's data is exact (rate windows sit on the scrape grid, so rate() needs no
 * extrapolation; memory is whole bytes; histogram_quantile's interpolation is reproduced by the truth), so the only
 * error left is float formatting in the OpenMetrics text.
 */
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import { groundTruth, type Basis } from '../../../demo/truth';
import type { ClusterSpec, WorkloadSpec } from '../../../demo/types';
import { CATALOGUE, meshById } from '../catalogue';
import { DEFAULT_FIGURE_OPTIONS, meshFigures } from '../figureSet';
import { DEFAULT_OPTIONS } from '../options/defaults';
import { DEFAULT_PRICING } from '../pricing';
import { buildReport, type Report } from '../report';
import { reportValue, truth14, within } from './truth14';

const EXACT = 1e-6;
/** The flat rates, as truth takes them (a `source` key would mean OpenCost there). */
const FLAT = {
  cpuHourUsd: DEFAULT_PRICING.cpuHourUsd,
  gibHourUsd: DEFAULT_PRICING.gibHourUsd,
  hoursPerMonth: DEFAULT_PRICING.hoursPerMonth,
};
const BASES: Basis[] = ['usage', 'requests', 'max'];

async function report(prom: PromHandle, basis: Basis, source: 'flat' | 'opencost'): Promise<Report> {
  return buildReport((e) => prom.query(e), {
    time: prom.evalTime,
    // The small preset's operator-defined proxy.
    options: { ...DEFAULT_OPTIONS, basis, pricingSource: source, custom: { container: 'envoy-legacy' } },
    figureSource: 'raw',
  });
}

/** Every figure of the report compared with truth; returns the failures and how many were compared. */
function compare(r: Report, prom: PromHandle, basis: Basis, source: 'flat' | 'opencost') {
  const pricing =
    source === 'opencost' ? { source: 'opencost' as const, hoursPerMonth: DEFAULT_PRICING.hoursPerMonth } : FLAT;
  const t = groundTruth(prom.cluster, prom.evalTime, 300, pricing, 1, basis);
  const ids = [
    ...['cpuCores', 'memoryBytes', 'cpuRequestCores', 'memoryRequestBytes', 'monthlyCostUsd'].map((k) => `cluster.${k}`),
    ...r.meshes.flatMap((m) => m.figures.map((f) => f.id)),
  ];
  const failures: string[] = [];
  let zeros = 0;
  for (const id of ids) {
    const want = truth14(t, id);
    const got = reportValue(r, id);
    if (want === undefined) {
      failures.push(`${id}: no truth`);
    } else if (want === null) {
      if (got !== null) {
        failures.push(`${id}: got ${got}, want null`);
      }
    } else if (!within(got, want, EXACT)) {
      const why = r.meshes.find((m) => id.startsWith(`${m.id}.`))?.reasons[id] ?? r.cluster.reasons[id] ?? '';
      failures.push(`${id}: got ${got}, want ${want} ${why}`);
    } else if (want === 0) {
      zeros++;
    }
  }
  expect(r.meshes.map((m) => m.id).sort()).toEqual(t.meshes.map((m) => m.id).sort());
  return { failures, compared: ids.length, zeros };
}

describe.each(['shapes', 'small', 'migration'])('preset %s', (name) => {
  let prom: PromHandle;
  beforeAll(async () => {
    prom = await startPrometheus({ preset: name });
  });
  afterAll(async () => {
    await prom?.stop();
  });

  const sources = (): Array<'flat' | 'opencost'> => (prom.cluster.spec.opencost ? ['flat', 'opencost'] : ['flat']);

  test.each(BASES)('every figure equals truth on the %s basis, for each price source', async (basis) => {
    for (const source of sources()) {
      const r = await report(prom, basis, source);
      expect(r.pricing.source).toBe(source);
      const { failures, compared } = compare(r, prom, basis, source);
      expect({ basis, source, failures }).toEqual({ basis, source, failures: [] });
      expect(compared).toBeGreaterThan(40);
    }
  });
});

describe('the shapes preset: real zeros and one-resource requests', () => {
  let prom: PromHandle;
  let r: Report;
  beforeAll(async () => {
    prom = await startPrometheus({ preset: 'shapes' });
    r = await report(prom, 'requests', 'flat');
  });
  afterAll(async () => {
    await prom?.stop();
  });
  const mesh = (id: string) => r.meshes.find((m) => m.id === id)!;

  test('nothing is idle: idle cost is a measured $0 for each mesh with a request counter, with no reason', () => {
    for (const id of ['istio', 'linkerd']) {
      expect(mesh(id).monthlyCostUsd.idleSidecars).toBe(0);
      expect(mesh(id).reasons[`${id}.cost.idleSidecars`]).toBeUndefined();
      // Busy, not absent: the proxies cost money.
      expect(mesh(id).monthlyCostUsd.sidecars).toBeGreaterThan(1);
    }
  });

  test("the idle figure's own query is 0, ungrouped and per cluster, as dashboards and recording rules read it", async () => {
    const o = { ...DEFAULT_FIGURE_OPTIONS, meshes: CATALOGUE };
    for (const groupBy of ['none', 'cluster'] as const) {
      for (const id of ['istio', 'linkerd'] as const) {
        const f = meshFigures(meshById(id), { window: '5m', groupBy }, o).find(
          (x) => x.id === `${id}.cost.idleSidecars`
        )!;
        const got = await prom.query(f.expr);
        expect({ groupBy, id, got: got.map((x) => x.value) }).toEqual({ groupBy, id, got: [0] });
      }
    }
  });

  test('proxies that request only CPU, or only memory: the other request is a real 0 and the cost counts the one', () => {
    expect(mesh('linkerd').sidecars.memoryRequestBytes).toBe(0);
    expect(mesh('linkerd').sidecars.cpuRequestCores).toBeGreaterThan(0);
    expect(mesh('kuma').sidecars.cpuRequestCores).toBe(0);
    expect(mesh('kuma').sidecars.memoryRequestBytes).toBeGreaterThan(0);
    // cilium-envoy requests 0.05 cores and no memory on each of the 8 nodes: 0.4 cores at $0.04 over 730 h is
    // $11.68 on top of the agents' CPU and memory.
    const t = groundTruth(prom.cluster, prom.evalTime, 300, FLAT, 1, 'requests');
    const envoy = t.meshes.find((m) => m.id === 'cilium')!.rows.nodeAgents.filter((x) => x.c.name === 'cilium-envoy');
    expect(envoy.map((x) => [x.reqCpu, x.reqMem])).toEqual(Array(8).fill([0.05, 0]));
    expect(
      within(
        mesh('cilium').monthlyCostUsd.nodeAgents,
        t.meshes.find((m) => m.id === 'cilium')!.monthlyCostUsd.nodeAgents,
        EXACT
      )
    ).toBe(true);
  });
});

/** An Istio namespace whose pods are all <name>-<5 chars>-<n>, the load generator's included. */
function hashOrdinal(noKsm: boolean): ClusterSpec {
  const w = (name: string, rps: number): WorkloadSpec => ({
    name,
    kind: 'Deployment',
    replicas: 2,
    rps,
    latency: { medianMs: 20, sigma: 0.5 },
    containers: [
      { name, image: `ghcr.io/meshtax/${name}:1`, cpuCores: 0.1, memoryBytes: 200 * 2 ** 20, cpuRequest: 0.2 },
    ],
  });
  return {
    preset: noKsm ? 'hash-ordinal-no-ksm' : 'hash-ordinal',
    nodes: 2,
    nodeCpuCores: 8,
    nodeMemoryBytes: 32 * 2 ** 30,
    scrapeIntervalSec: 15,
    durationSec: 1800,
    faults: noKsm ? { noKsm: true } : undefined,
    namespaces: [
      { name: 'shop', mesh: 'istio', podNames: 'hash-ordinal', workloads: [w('frontend', 100), w('cart', 50)] },
    ],
  };
}

describe.each([false, true])('pods named <name>-<5 chars>-<n>, kube-state-metrics absent: %s', (noKsm) => {
  let prom: PromHandle;
  let r: Report;
  beforeAll(async () => {
    prom = await startPrometheus({ spec: hashOrdinal(noKsm) });
    r = await report(prom, 'usage', 'flat');
  });
  afterAll(async () => {
    await prom?.stop();
  });

  test(
    noKsm
      ? 'the name rule misreads every pod: idle cost is unavailable, and the reason says no traffic matches a proxy'
      : 'owners give each pod its Deployment: nothing is idle, a measured $0',
    () => {
      const istio = r.meshes.find((m) => m.id === 'istio')!;
      expect(istio.traffic.rps).toBeGreaterThan(100);
      if (noKsm) {
        expect(istio.monthlyCostUsd.idleSidecars).toBeNull();
        expect(istio.reasons['istio.cost.idleSidecars']).toMatch(
          /istio_requests_total reports traffic for \d+ workloads, but none of their names \(destination_workload\) matches/
        );
        // Requests are missing for a reason that names kube-state-metrics' metric, and only because it is absent.
        expect(r.cluster.cpuRequestCores).toBeNull();
        expect(r.cluster.reasons['cluster.cpuRequestCores']).toBe(
          'no data: needs kube_pod_container_resource_requests, kube_pod_init_container_resource_requests, absent from Prometheus'
        );
      } else {
        expect(istio.monthlyCostUsd.idleSidecars).toBe(0);
        expect(istio.reasons['istio.cost.idleSidecars']).toBeUndefined();
        const t = groundTruth(prom.cluster, prom.evalTime, 300, FLAT, 1, 'usage');
        expect(within(r.cluster.cpuRequestCores, t.cluster.cpuRequestCores, EXACT)).toBe(true);
      }
    }
  );
});
