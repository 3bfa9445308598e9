/**
 * What the shipped figures compute, away from the defaults: queries are evaluated (src/testing/instant.ts, checked
 * against a real Prometheus) over hand-made series whose expected values are worked out below by hand. Each test
 * names the mutant it exists to catch; an audit found that none of these failed the suite before.
 */
import { CATALOGUE, meshById } from './catalogue';
import { clusterFigures, meshFigures } from './figureSet';
import type { FigureOptions } from './figures';
import type { LatencyMethod } from './latency';
import { DEFAULT_PRICING, type Pricing } from './pricing';
import type { Basis } from './resources';
import type { Grouping, Selection } from './scope';
import { histogram, MiB, nodePriceSeries, PAUSE, podSeries, type FixturePod } from '../testing/fixture';
import { InstantEvaluator } from '../testing/instant';

const T = 1_704_073_800;
const GiB = 1024 * MiB;

// Two Istio pods on two nodes. Requests sit above usage for one resource and below it for the other.
const PODS: FixturePod[] = [
  {
    namespace: 'shop',
    pod: 'web-7d9f8b6c5d-x2x4q',
    node: 'n1',
    deployment: 'web',
    containers: [
      { name: 'app', cpu: 0.5, memory: 512 * MiB, cpuRequest: 0.25, memoryRequest: GiB },
      { name: 'istio-proxy', cpu: 0.1, memory: 128 * MiB, cpuRequest: 0.2, memoryRequest: 64 * MiB },
    ],
  },
  {
    namespace: 'shop',
    pod: 'api-5c6d7e8f9a-k8s9t',
    node: 'n2',
    deployment: 'api',
    containers: [{ name: 'istio-proxy', cpu: 0.3, memory: 256 * MiB, cpuRequest: 0.1, memoryRequest: 512 * MiB }],
  },
];
// CPU and RAM prices differ by node and from each other, so a swap or a wrong node shows.
const NODE_PRICES = { n1: { cpu: 0.03, ram: 0.004 }, n2: { cpu: 0.05, ram: 0.006 } };

// The client proxy's view of `web` (ms) and web's own server histogram (s): cumulative requests per second per le.
const CLIENT = histogram(
  'istio_request_duration_milliseconds_bucket',
  { reporter: 'source', destination_workload: 'web', destination_workload_namespace: 'shop', source_workload: 'api' },
  [
    ['10', 0],
    ['25', 50],
    ['50', 100],
    ['+Inf', 100],
  ]
);
const APP = histogram(
  'http_server_request_duration_seconds_bucket',
  { namespace: 'shop', pod: 'web-7d9f8b6c5d-x2x4q' },
  [
    ['0.01', 0],
    ['0.02', 100],
    ['+Inf', 100],
  ]
);

const ev = new InstantEvaluator([...podSeries(PODS), ...nodePriceSeries(NODE_PRICES), ...CLIENT, ...APP], T);

function options(
  { basis = 'usage', ...pricing }: Partial<Pricing> & { basis?: Basis },
  method: LatencyMethod = 'reporter-delta'
): FigureOptions {
  return {
    pricing: { ...DEFAULT_PRICING, ...pricing },
    basis,
    latency: { method, quantile: 0.99 },
    idleRps: 1,
    meshes: CATALOGUE,
  };
}

/** The one value of a figure of Istio (or of the cluster), grouped as asked. */
function value(id: string, o: FigureOptions, groupBy: Grouping = 'none') {
  const s: Selection = { window: '5m', groupBy };
  const all = [...clusterFigures(s, o), ...meshFigures(meshById('istio'), s, o)];
  const f = all.find((x) => x.id === id);
  if (!f) {
    throw new Error(`no figure ${id}`);
  }
  return ev.query(f.ast);
}

function only(id: string, o: FigureOptions, groupBy: Grouping = 'none'): number {
  const r = value(id, o, groupBy);
  expect(r).toHaveLength(1);
  return r[0].value;
}

describe('sidecar cost on every basis and price source (hours per month 730)', () => {
  // proxy on n1: usage 0.1 cores, 0.125 GiB; requests 0.2 cores, 0.0625 GiB.
  // proxy on n2: usage 0.3 cores, 0.25 GiB; requests 0.1 cores, 0.5 GiB.
  test.each([
    // 0.04 * (0.1 + 0.3) + 0.005 * (0.125 + 0.25) = 0.016 + 0.001875
    ['usage', 'flat', (0.016 + 0.001875) * 730],
    // 0.04 * (0.2 + 0.1) + 0.005 * (0.0625 + 0.5) = 0.012 + 0.0028125
    ['requests', 'flat', (0.012 + 0.0028125) * 730],
    // max per container and resource: cpu 0.2 + 0.3, memory 0.125 + 0.5 GiB. Mutant "max flipped to min": 0.1 + 0.1.
    ['max', 'flat', (0.04 * 0.5 + 0.005 * 0.625) * 730],
    // per node: 0.1 * 0.03 + 0.125 * 0.004 on n1, 0.3 * 0.05 + 0.25 * 0.006 on n2. Mutant "CPU and RAM prices swapped".
    ['usage', 'opencost', (0.003 + 0.0005 + 0.015 + 0.0015) * 730],
    ['requests', 'opencost', (0.2 * 0.03 + 0.0625 * 0.004 + 0.1 * 0.05 + 0.5 * 0.006) * 730],
    ['max', 'opencost', (0.2 * 0.03 + 0.125 * 0.004 + 0.3 * 0.05 + 0.5 * 0.006) * 730],
  ] as const)('basis %s, %s prices', (basis, source, want) => {
    expect(only('istio.cost.sidecars', options({ basis, source }))).toBeCloseTo(want, 9);
  });

  test('the month is hoursPerMonth long, for flat and OpenCost prices alike (mutant: OpenCost drops the hours)', () => {
    for (const source of ['flat', 'opencost'] as const) {
      const a = only('istio.cost.sidecars', options({ source, hoursPerMonth: 730 }));
      const b = only('istio.cost.sidecars', options({ source, hoursPerMonth: 100 }));
      expect(a / b).toBeCloseTo(7.3, 12);
    }
  });

  test('max(usage, requests) is above both, per container, on each resource', () => {
    const at = (basis: Basis) => only('istio.cost.sidecars', options({ basis }));
    expect(at('max')).toBeGreaterThan(at('usage'));
    expect(at('max')).toBeGreaterThan(at('requests'));
  });

  test('grouped by workload, each workload gets its own proxy cost (no cost in the wrong group)', () => {
    const r = value('istio.cost.sidecars', options({ basis: 'usage', source: 'opencost' }), 'workload');
    const by = Object.fromEntries(r.map((x) => [`${x.labels.namespace}/${x.labels.workload}`, x.value]));
    expect(Object.keys(by).sort()).toEqual(['shop/api', 'shop/web']);
    expect(by['shop/web']).toBeCloseTo((0.003 + 0.0005) * 730, 9);
    expect(by['shop/api']).toBeCloseTo((0.015 + 0.0015) * 730, 9);
  });
});

describe('cluster totals count each container once', () => {
  test('CPU and memory: the containers, without the pod-level cgroup or the pause container', () => {
    const o = options({});
    // 0.5 + 0.1 + 0.3 cores; a pause container would add 0.001 per pod, the pod-level cgroup everything again.
    expect(only('cluster.cpuCores', o)).toBeCloseTo(0.9, 12);
    expect(only('cluster.memoryBytes', o)).toBe((512 + 128 + 256) * MiB);
    expect(PAUSE.cpu).toBeGreaterThan(0);
  });

  test('the sidecar CPU share is 0.4 of 0.9 cores', () => {
    expect(only('istio.sidecars.cpuShare', options({}))).toBeCloseTo(0.4 / 0.9, 12);
  });
});

describe('latency: app-vs-mesh', () => {
  test("the app's seconds become milliseconds before the subtraction (mutant: the x1000 lost)", () => {
    // Client p99: rank 99 of 100 falls in (25, 50] holding 50 from 50: 25 + 25 * 49/50 = 49.5 ms.
    // App p99: rank 99 of 100 falls in (0.01, 0.02] holding 100 from 0: 0.01 + 0.01 * 99/100 = 0.0199 s = 19.9 ms.
    const r = value('istio.latency.p99Added', options({}, 'app-vs-mesh'), 'workload');
    expect(r.map((x) => [x.labels.namespace, x.labels.workload])).toEqual([['shop', 'web']]);
    expect(r[0].value).toBeCloseTo(49.5 - 19.9, 9);
  });
});
