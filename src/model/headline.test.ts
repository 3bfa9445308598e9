/**
 * The headline against the demo's ground truth (demo/truth.ts) on the `migration` preset: it divides the meshes'
 * totals by the cluster's own cost figure, and its biggest saving is the largest idle cost or over-request, computed
 * here from the truth's rows container by container. The figures themselves meet Prometheus in
 * `__int__/clusterCost.int.test.ts`.
 */
import { expandCluster } from '../../demo/cluster';
import { FIXTURE_START, migration } from '../../demo/presets';
import { ARTICLE_PRICING, groundTruth, monthlyCost } from '../../demo/truth';
import { CATALOGUE } from './catalogue';
import { DEFAULT_FIGURE_OPTIONS, meshFigures } from './figureSet';
import { clusterMonthlyCost, headlineOf, wholeMeshShare } from './headline';
import { GIB } from './pricing';
import type { Report } from './report';

const cluster = expandCluster(migration);
const truth = groundTruth(cluster, FIXTURE_START + 3600, 300);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const EXACT = 1e-9;

/** A report as buildReport files the truth's figures (flat article prices, usage basis). */
function reportOf(basis: 'usage' | 'requests' | 'max' = 'usage', source: 'flat' | 'opencost' = 'flat'): Report {
  const meshes = truth.meshes.map((m) => {
    const def = CATALOGUE.find((d) => d.id === m.id)!;
    const figures = meshFigures(def, { window: '5m', groupBy: 'none' }, DEFAULT_FIGURE_OPTIONS);
    return {
      id: m.id,
      name: def.name,
      sidecars: m.sidecars,
      controlPlane: m.controlPlane,
      nodeAgents: m.nodeAgents,
      monthlyCostUsd: { ...m.monthlyCostUsd, idleSidecars: sum(m.idle.map((w) => w.monthlyCostUsd)) },
      queries: Object.fromEntries(figures.map((f) => [f.id, f.expr])),
    };
  });
  return {
    pricing: { source, ...ARTICLE_PRICING, basis },
    cluster: { ...truth.cluster, reasons: {} },
    meshes,
  } as unknown as Report;
}

test("the cluster cost is the report's own figure, priced container by container as the truth prices it", () => {
  expect(truth.meshes.length).toBeGreaterThan(1);
  const usd = clusterMonthlyCost(reportOf()).usd!;
  const expected = monthlyCost(cluster, truth.rows, 'usage', ARTICLE_PRICING);
  expect(Math.abs(usd - expected) / expected).toBeLessThan(EXACT);
});

test('all meshes together, and their share of the cluster', () => {
  const h = headlineOf(reportOf());
  const total = sum(truth.meshes.map((m) => m.monthlyCostUsd.total));
  expect(h.totalMonthlyUsd).toBeCloseTo(total, 9);
  expect(h.share!).toBeCloseTo(total / monthlyCost(cluster, truth.rows, 'usage', ARTICLE_PRICING), 12);
  expect(h.missing).toEqual([]);
});

test('the biggest saving is the largest idle cost or over-request among the meshes', () => {
  const r = reportOf();
  const candidates = truth.meshes.flatMap((m) => {
    const dp = m.rows.dataPlane;
    // Per container: one that uses more than it requests gives nothing back, and cannot cancel another's excess.
    const over = sum(
      dp.map(
        (x) =>
          (Math.max(0, x.reqCpu - x.cpu) * ARTICLE_PRICING.cpuHourUsd +
            (Math.max(0, x.reqMem - x.mem) / GIB) * ARTICLE_PRICING.gibHourUsd) *
          ARTICLE_PRICING.hoursPerMonth
      )
    );
    return [sum(m.idle.map((w) => w.monthlyCostUsd)), over];
  });
  const best = Math.max(...candidates);
  expect(best).toBeGreaterThan(0);
  expect(headlineOf(r).saving!.monthlyUsd).toBeCloseTo(best, 9);
});

test('whole-mesh share counts sidecars, control plane and node agents; the sidecar share only the proxies', () => {
  for (const m of reportOf().meshes) {
    const t = truth.meshes.find((x) => x.id === m.id)!;
    const all = [...t.rows.dataPlane, ...t.rows.controlPlane, ...t.rows.nodeAgents];
    expect(wholeMeshShare(m, reportOf().cluster, 'cpuCores')).toBeCloseTo(
      sum(all.map((x) => x.cpu)) / truth.cluster.cpuCores,
      12
    );
    expect(wholeMeshShare(m, reportOf().cluster, 'memoryBytes')).toBeCloseTo(
      sum(all.map((x) => x.mem)) / truth.cluster.memoryBytes,
      12
    );
  }
});

test('what the totals cannot say is unavailable with a reason, never 0', () => {
  const failed = reportOf();
  failed.cluster.monthlyCostUsd = null;
  failed.cluster.reasons['cluster.monthlyCostUsd'] = 'error: query timed out';
  expect(clusterMonthlyCost(failed)).toEqual({ usd: null, reason: 'error: query timed out' });
  expect(headlineOf(failed).share).toBeNull();
  const r = reportOf();
  (r.meshes[0].monthlyCostUsd as { total: number | null }).total = null;
  const h = headlineOf(r);
  expect(h.totalMonthlyUsd).toBeNull();
  expect(h.share).toBeNull();
  expect(h.missing).toEqual([r.meshes[0].name]);
});
