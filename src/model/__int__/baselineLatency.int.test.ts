/**
 * Issue #18: the baseline method (client side now minus the same `offset` earlier) on a real Prometheus, over the
 * `upgrade` preset whose client-side proxies get slower 40 minutes before the evaluation. Its figure must equal
 * Prometheus's interpolation of the generator's two distributions, its interval must hold the true added quantile
 * (the slowdown itself), and its mean added must be the slowdown exactly. On a preset whose latency never changes, a
 * query that ignored the offset would return 0 and pass; here it returns 0 against a truth of several ms.
 */
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import { upgrade } from '../../../demo/presets';
import { meshById } from '../catalogue';
import { latencyBoundExpr, latencyExpr, meanLatencyExpr } from '../figures';
import type { LatencyOptions } from '../latency';
import { render } from '../promql/render';
import type { Grouping, Selection } from '../scope';
import { baselineByGroup } from './baselineTruth';
import { sampleKey } from './groupTruth';
import { close } from './truthOf';

const GROUPINGS: Grouping[] = ['none', 'namespace', 'workload'];
const QUANTILES = [0.5, 0.9, 0.99];
// The slowdown is at 70 min, the evaluation at 110 min: 1h back, the 5m window (45–50 min) sees the old proxies.
const OFFSET = '1h';

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({ preset: 'upgrade' });
});
afterAll(async () => {
  await prom?.stop();
});

async function byGroup(expr: string, g: Grouping): Promise<Map<string, number>> {
  return new Map((await prom.query(expr)).map((r) => [sampleKey(g, r.metric), r.value]));
}

test('the fixture puts the slowdown between the baseline window and the evaluation window', () => {
  const at = prom.start + upgrade.proxySlowdown!.at;
  expect(prom.evalTime - 3600).toBeLessThan(at);
  expect(prom.evalTime - 300).toBeGreaterThan(at);
});

describe.each(GROUPINGS)('grouped by %s', (g) => {
  test.each(QUANTILES)('p%s: the baseline figure, its interval and the mean added match the truth', async (q) => {
    const o: LatencyOptions = { method: 'baseline', quantile: q, baselineOffset: OFFSET };
    const s: Selection = { window: '5m', groupBy: g };
    const failures: string[] = [];
    let checked = 0;
    for (const meshId of ['istio', 'linkerd'] as const) {
      const mesh = meshById(meshId)!;
      const truth = baselineByGroup(prom.cluster, meshId, g, q);
      const slowdown = upgrade.proxySlowdown!.addMs[meshId]!;
      const [added, lower, upper, mean] = await Promise.all([
        byGroup(render(latencyExpr(mesh, o, s)!), g),
        byGroup(render(latencyBoundExpr(mesh, o, s, 'lower')!), g),
        byGroup(render(latencyBoundExpr(mesh, o, s, 'upper')!), g),
        byGroup(render(meanLatencyExpr(mesh, o, s)!), g),
      ]);
      expect([...added.keys()].sort()).toEqual([...truth.keys()].sort());
      for (const [key, t] of truth) {
        const [v, l, u, m] = [added.get(key), lower.get(key), upper.get(key), mean.get(key)];
        // The generator's truth is the slowdown at every quantile; checked here so the truth itself can't drift.
        if (!close(t.trueAddedMs, slowdown, 1e-6, 1e-6) || !close(t.meanAddedMs, slowdown)) {
          failures.push(`${meshId} ${key}: truth ${t.trueAddedMs} / mean ${t.meanAddedMs}, want ${slowdown}`);
        }
        if (!close(v, t.promAddedMs)) {
          failures.push(`${meshId} ${key}: p${q} added ${v}, want ${t.promAddedMs}`);
        }
        if (!close(l, t.rangeMs[0]) || !close(u, t.rangeMs[1])) {
          failures.push(`${meshId} ${key}: interval [${l}, ${u}], want [${t.rangeMs.join(', ')}]`);
        }
        if (!(l !== undefined && u !== undefined && l <= t.trueAddedMs && t.trueAddedMs <= u)) {
          failures.push(`${meshId} ${key}: true added ${t.trueAddedMs} outside [${l}, ${u}]`);
        }
        if (!close(m, t.meanAddedMs)) {
          failures.push(`${meshId} ${key}: mean added ${m}, want ${t.meanAddedMs}`);
        }
        checked++;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});

test('a query that ignored the offset would fail: every group of the truth is clearly not 0', () => {
  for (const meshId of ['istio', 'linkerd'] as const) {
    for (const g of GROUPINGS) {
      for (const q of QUANTILES) {
        for (const [key, t] of baselineByGroup(prom.cluster, meshId, g, q)) {
          expect([meshId, g, q, key, Math.abs(t.promAddedMs) > 0.5]).toEqual([meshId, g, q, key, true]);
        }
      }
    }
  }
});
