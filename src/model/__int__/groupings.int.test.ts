/**
 * Per-namespace and per-workload figures, every cost basis and price source, every latency method and idle
 * sidecars, against ground truth on the `migration` preset (Istio and Linkerd, cluster label, OpenCost).
 */
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import {
  ARTICLE_PRICING,
  groundTruth,
  isDataPlane,
  monthlyCost,
  sum,
  workloadLatency,
  type Row,
} from '../../../demo/truth';
import { meshById } from '../catalogue';
import { costExpr, idleCostExpr, latencyExpr, resourceExpr, roleMatchers } from '../figures';
import { DEFAULT_PRICING, type Pricing } from '../pricing';
import { render } from '../promql/render';
import type { Basis } from '../resources';
import type { Grouping, Selection } from '../scope';
import { close } from './truthOf';

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({ preset: 'migration' });
});
afterAll(async () => {
  await prom?.stop();
});

const keyOf = (g: Grouping, r: Row) => (g === 'namespace' ? r.pod.namespace : `${r.pod.namespace}/${r.pod.workload}`);
const keyOfSample = (g: Grouping, m: Record<string, string>) =>
  g === 'namespace' ? m.namespace : `${m.namespace}/${m.workload}`;

function groupTruth(rows: Row[], g: Grouping, f: (rs: Row[]) => number): Map<string, number> {
  const by = new Map<string, Row[]>();
  rows.forEach((r) => by.set(keyOf(g, r), [...(by.get(keyOf(g, r)) ?? []), r]));
  return new Map([...by].map(([k, rs]) => [k, f(rs)]));
}

async function expectGrouped(expr: string, g: Grouping, want: Map<string, number>) {
  const got = await prom.query(expr);
  const gotMap = new Map(got.map((x) => [keyOfSample(g, x.metric), x.value]));
  expect([...gotMap.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [k, v] of want) {
    expect({ k, ok: close(gotMap.get(k)!, v) }).toEqual({ k, ok: true });
  }
  got.forEach((x) => expect(x.metric.cluster).toBe('prod-eu-1'));
}

describe.each<Grouping>(['namespace', 'workload'])('grouped by %s', (g) => {
  const s = (): Selection => ({ window: '5m', groupBy: g, cluster: 'prod-eu-1' });

  test.each(['istio', 'linkerd'] as const)('%s sidecar CPU, memory and cost', async (id) => {
    const t = groundTruth(prom.cluster, prom.evalTime, 300);
    const mesh = meshById(id);
    const dp = t.rows.filter((r) => isDataPlane(r, id));
    const who = roleMatchers(mesh, 'dataPlane')!;
    await expectGrouped(
      render(resourceExpr('cpu', who, s())),
      g,
      groupTruth(dp, g, (rs) => sum(rs.map((r) => r.cpu)))
    );
    await expectGrouped(
      render(resourceExpr('memory', who, s())),
      g,
      groupTruth(dp, g, (rs) => sum(rs.map((r) => r.mem)))
    );
    const cost = costExpr(mesh, ['dataPlane'], s(), { pricing: DEFAULT_PRICING, basis: 'usage' })!;
    await expectGrouped(
      render(cost),
      g,
      groupTruth(dp, g, (rs) => monthlyCost(prom.cluster, rs, 'usage', ARTICLE_PRICING))
    );
  });
});

describe('cost', () => {
  test.each<[Basis, Pricing['source']]>([
    ['usage', 'flat'],
    ['requests', 'flat'],
    ['max', 'flat'],
    ['usage', 'opencost'],
    ['requests', 'opencost'],
    ['max', 'opencost'],
  ])('basis %s, pricing %s: every role of every mesh', async (basis, source) => {
    const t = groundTruth(prom.cluster, prom.evalTime, 300);
    const p = { pricing: { source, cpuHourUsd: 0.05, gibHourUsd: 0.0061, hoursPerMonth: 720 }, basis };
    const truthPricing =
      source === 'opencost'
        ? { source, hoursPerMonth: 720 }
        : { cpuHourUsd: 0.05, gibHourUsd: 0.0061, hoursPerMonth: 720 };
    for (const m of t.meshes) {
      const mesh = meshById(m.id);
      const roles = [
        ['dataPlane', m.rows.dataPlane],
        ['controlPlane', m.rows.controlPlane],
      ] as const;
      for (const [role, rows] of roles) {
        const got = await prom.query(render(costExpr(mesh, [role], { window: '5m', groupBy: 'none' }, p)!));
        const want = monthlyCost(prom.cluster, rows, basis, truthPricing);
        expect({ mesh: m.id, role, ok: close(got[0].value, want) }).toEqual({ mesh: m.id, role, ok: true });
      }
    }
  });

  test('the max basis differs from both usage and requests on this data', () => {
    const t = groundTruth(prom.cluster, prom.evalTime, 300);
    const rows = t.meshes[0].rows.dataPlane;
    const [u, r, x] = (['usage', 'requests', 'max'] as const).map((b) =>
      monthlyCost(prom.cluster, rows, b, ARTICLE_PRICING)
    );
    expect(x).toBeGreaterThan(u);
    expect(x).toBeGreaterThanOrEqual(r);
  });
});

describe('latency per workload', () => {
  const s: Selection = { window: '5m', groupBy: 'workload' };

  test.each(['istio', 'linkerd'] as const)('%s reporter-delta and app-vs-mesh match ground truth', async (id) => {
    const mesh = meshById(id);
    const delta = await prom.query(render(latencyExpr(mesh, { method: 'reporter-delta', quantile: 0.99 }, s)!));
    const appVs = await prom.query(render(latencyExpr(mesh, { method: 'app-vs-mesh', quantile: 0.99 }, s)!));
    expect(delta.length).toBeGreaterThan(2);
    for (const x of delta) {
      const w = workloadLatency(prom.cluster, x.metric.namespace, x.metric.workload)!;
      expect({ w: x.metric.workload, ok: close(x.value, w.source.promMs - w.destination.promMs) }).toEqual({
        w: x.metric.workload,
        ok: true,
      });
    }
    expect(appVs.length).toBeGreaterThan(0);
    for (const x of appVs) {
      const w = workloadLatency(prom.cluster, x.metric.namespace, x.metric.workload)!;
      expect(w.app).not.toBeNull();
      expect(close(x.value, w.source.promMs - w.app!.promMs)).toBe(true);
    }
  });

  test('baseline: distributions are stationary in the demo, so now minus 1h ago is 0', async () => {
    const r = await prom.query(
      render(latencyExpr(meshById('istio'), { method: 'baseline', quantile: 0.99, baselineOffset: '1h' }, s)!)
    );
    expect(r.length).toBeGreaterThan(2);
    r.forEach((x) => expect(Math.abs(x.value)).toBeLessThan(1e-6));
  });
});

test('idle sidecars: exactly the workloads under the threshold, with their cost', async () => {
  const t = groundTruth(prom.cluster, prom.evalTime, 300);
  // The preset must have idle workloads, or the comparison below compares two empty lists.
  expect(t.meshes.filter((m) => m.id === 'istio' || m.id === 'linkerd').flatMap((m) => m.idle).length).toBeGreaterThan(
    0
  );
  for (const id of ['istio', 'linkerd'] as const) {
    const m = t.meshes.find((x) => x.id === id)!;
    const r = await prom.query(
      render(
        idleCostExpr(meshById(id), { window: '5m', groupBy: 'none' }, { pricing: DEFAULT_PRICING, basis: 'usage' }, 1)!
      )
    );
    const got = new Map(r.map((x) => [`${x.metric.namespace}/${x.metric.workload}`, x.value]));
    expect([...got.keys()].sort()).toEqual(m.idle.map((i) => i.workload).sort());
    const off = m.idle.filter((i) => !close(got.get(i.workload), i.monthlyCostUsd));
    expect(off).toEqual([]);
  }
});
