/**
 * Issue #14's property, over random clusters from the demo generator on a real Prometheus: no figure of the report
 * is null unless an input it names is really absent (absent from every series the generator wrote), or it is a
 * figure that has no value over nothing (an average over no pods, a p99 of no requests) and the truth agrees.
 * Every absent input a reason names must really be absent. With kube-state-metrics present, every figure that has
 * a value equals the truth (1e-6 relative, as in accuracy14); without it the pod-name rule is a fallback whose
 * guesses the truth does not share, so only the null property is checked.
 */
import fc from 'fast-check';
import { startPrometheus } from '../../../demo/harness';
import { expandCluster } from '../../../demo/cluster';
import { allSeries } from '../../../demo/series';
import { groundTruth, type Basis } from '../../../demo/truth';
import type { ClusterSpec, NamespaceSpec, WorkloadSpec } from '../../../demo/types';
import { DEFAULT_OPTIONS } from '../options/defaults';
import { DEFAULT_PRICING } from '../pricing';
import { buildReport } from '../report';
import { emptyMeansZero } from '../unavailable';
import { reportValue, truth14, within } from './truth14';

const Mi = 2 ** 20;
const requestsArb = fc.constantFrom('both', 'cpu', 'memory', 'none');
const workloadArb = fc.record({
  kind: fc.constantFrom<WorkloadSpec['kind']>('Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'),
  podNames: fc.constantFrom<WorkloadSpec['podNames'] | undefined>(undefined, 'digits', 'hash-ordinal'),
  replicas: fc.integer({ min: 1, max: 2 }),
  rps: fc.constantFrom(0, 0.5, 5, 40),
  requests: requestsArb,
});
const namespaceArb = fc.record({
  mesh: fc.constantFrom<NamespaceSpec['mesh']>('istio', 'linkerd', 'kuma', 'istio-ambient', 'none'),
  proxyRequests: fc.constantFrom<NamespaceSpec['proxyRequests']>(undefined, 'cpu-only', 'memory-only'),
  workloads: fc.array(workloadArb, { minLength: 1, maxLength: 3 }),
});
const clusterArb = fc.record({
  nodes: fc.integer({ min: 1, max: 3 }),
  namespaces: fc.array(namespaceArb, { minLength: 1, maxLength: 3 }),
  cilium: fc.constantFrom<ClusterSpec['cilium']>(false, true, 'envoy-cpu-only'),
  opencost: fc.boolean(),
  noKsm: fc.boolean(),
  clusterLabel: fc.constantFrom<string | undefined>(undefined, 'c1'),
  basis: fc.constantFrom<Basis>('usage', 'requests', 'max'),
});

function specOf(c: {
  nodes: number;
  namespaces: Array<{ mesh: NamespaceSpec['mesh']; proxyRequests?: NamespaceSpec['proxyRequests']; workloads: any[] }>;
  cilium: ClusterSpec['cilium'];
  opencost: boolean;
  noKsm: boolean;
  clusterLabel?: string;
}): ClusterSpec {
  return {
    preset: 'property-14',
    clusterLabel: c.clusterLabel,
    nodes: c.nodes,
    nodeCpuCores: 4,
    nodeMemoryBytes: 16 * 2 ** 30,
    cilium: c.cilium,
    opencost: c.opencost ? { cpuHourlyUsd: 0.031611, ramGiBHourlyUsd: 0.004237 } : undefined,
    scrapeIntervalSec: 15,
    durationSec: 1800,
    faults: c.noKsm ? { noKsm: true } : undefined,
    namespaces: c.namespaces.map((n, i) => ({
      name: `ns${i}`,
      mesh: n.mesh,
      proxyRequests: n.proxyRequests,
      workloads: n.workloads.map((w, j): WorkloadSpec => ({
        name: `w${j}`,
        kind: w.kind,
        podNames: w.kind === 'Deployment' ? w.podNames : undefined,
        replicas: w.replicas,
        rps: w.rps,
        latency: w.rps > 0 ? { medianMs: 20 + 10 * j, sigma: 0.5 } : undefined,
        containers: [
          {
            name: `w${j}`,
            image: `ghcr.io/meshtax/w${j}:1`,
            cpuCores: 0.05 + 0.05 * j,
            memoryBytes: (100 + 50 * j) * Mi,
            cpuRequest: w.requests === 'both' || w.requests === 'cpu' ? 0.1 : undefined,
            memoryRequest: w.requests === 'both' || w.requests === 'memory' ? 128 * Mi : undefined,
          },
        ],
      })),
    })),
  };
}

test('random clusters: a figure is null only when an input it names is really absent', async () => {
  // Random specs must not fill the backfill cache.
  const cache = process.env.MESHTAX_TSDB_CACHE;
  process.env.MESHTAX_TSDB_CACHE = 'off';
  let checked = 0;
  try {
    await fc.assert(
      fc.asyncProperty(clusterArb, async (drawn) => {
        const spec = specOf(drawn);
        const written = new Set(allSeries(expandCluster(spec)).map((s) => s.name));
        const prom = await startPrometheus({ spec });
        try {
          const r = await buildReport((e) => prom.query(e), {
            time: prom.evalTime,
            options: { ...DEFAULT_OPTIONS, basis: drawn.basis },
            figureSource: 'raw',
          });
          const pricing =
            r.pricing.source === 'opencost'
              ? { source: 'opencost' as const, hoursPerMonth: DEFAULT_PRICING.hoursPerMonth }
              : {
                  cpuHourUsd: DEFAULT_PRICING.cpuHourUsd,
                  gibHourUsd: DEFAULT_PRICING.gibHourUsd,
                  hoursPerMonth: DEFAULT_PRICING.hoursPerMonth,
                };
          const t = groundTruth(prom.cluster, prom.evalTime, 300, pricing, 1, drawn.basis);
          const problems: string[] = [];
          const check = (id: string, value: number | null | undefined, reason: string | undefined) => {
            checked++;
            // Every metric a reason says is absent must be absent from what the generator wrote.
            const named = [...(reason ?? '').matchAll(/[a-z_:]+_[a-z_:]+/g)].map((m) => m[0]);
            const absentNamed = named.filter(
              (m) => !written.has(m) && /^(kube|container|istio|request|response|node|http)_/.test(m)
            );
            if (reason?.includes('absent from Prometheus')) {
              const claimed = reason
                .replace(/^no data: needs /, '')
                .replace(/, absent from Prometheus$/, '')
                .split(', ');
              claimed.filter((m) => written.has(m)).forEach((m) => problems.push(`${id}: says ${m} is absent`));
            }
            const want = truth14(t, id);
            if (value === null) {
              const noValue = !emptyMeansZero(id) && want === null;
              if (absentNamed.length === 0 && !noValue) {
                problems.push(`${id}: null (${reason}) with every input present; truth ${want}`);
              }
            } else if (!drawn.noKsm && typeof want === 'number' && !within(value, want, 1e-6)) {
              problems.push(`${id}: got ${value}, want ${want}`);
            }
          };
          for (const k of ['cpuCores', 'memoryBytes', 'cpuRequestCores', 'memoryRequestBytes']) {
            const id = `cluster.${k}`;
            check(id, reportValue(r, id), r.cluster.reasons[id]);
          }
          for (const m of r.meshes) {
            m.figures.forEach((f) => check(f.id, reportValue(r, f.id), m.reasons[f.id]));
          }
          expect({ spec: drawn, problems }).toEqual({ spec: drawn, problems: [] });
        } finally {
          await prom.stop();
        }
      }),
      { numRuns: Number(process.env.MESHTAX_PROPERTY_RUNS ?? 6), seed: 14, endOnFailure: true }
    );
  } finally {
    if (cache === undefined) {
      delete process.env.MESHTAX_TSDB_CACHE;
    } else {
      process.env.MESHTAX_TSDB_CACHE = cache;
    }
  }
  expect(checked).toBeGreaterThan(20);
});
