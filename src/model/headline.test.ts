/**
 * The headline against the demo's ground truth (demo/truth.ts) on the `migration` preset: the per-container pricing of
 * the truth (monthlyCost over every row) must equal the headline's cluster cost from the cluster's totals, and the
 * meshes' totals, idle cost and over-requests add up as the truth's rows do.
 */
import { expandCluster } from '../../demo/cluster';
import { FIXTURE_START, migration } from '../../demo/presets';
import { ARTICLE_PRICING, groundTruth, monthlyCost } from '../../demo/truth';
import { CATALOGUE } from './catalogue';
import { DEFAULT_FIGURE_OPTIONS, meshFigures } from './figureSet';
import { clusterMonthlyCost, headlineOf, overRequestedUsd, wholeMeshShare } from './headline';
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

test('the cluster cost from its totals equals the truth priced container by container', () => {
  expect(truth.meshes.length).toBeGreaterThan(1);
  const usd = clusterMonthlyCost(reportOf()).usd!;
  const expected = monthlyCost(cluster, truth.rows, 'usage', ARTICLE_PRICING);
  expect(Math.abs(usd - expected) / expected).toBeLessThan(EXACT);
  const requests = clusterMonthlyCost(reportOf('requests')).usd!;
  const expectedReq = monthlyCost(cluster, truth.rows, 'requests', ARTICLE_PRICING);
  expect(Math.abs(requests - expectedReq) / expectedReq).toBeLessThan(EXACT);
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
    const over =
      (Math.max(0, sum(dp.map((x) => x.reqCpu)) - sum(dp.map((x) => x.cpu))) * ARTICLE_PRICING.cpuHourUsd +
        (Math.max(0, sum(dp.map((x) => x.reqMem)) - sum(dp.map((x) => x.mem))) / GIB) * ARTICLE_PRICING.gibHourUsd) *
      ARTICLE_PRICING.hoursPerMonth;
    return [sum(m.idle.map((w) => w.monthlyCostUsd)), over];
  });
  const best = Math.max(...candidates);
  expect(best).toBeGreaterThan(0);
  expect(headlineOf(r).saving!.monthlyUsd).toBeCloseTo(best, 9);
  expect(overRequestedUsd(r.meshes[0], { ...r.pricing, source: 'opencost' })).toBeNull();
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
  expect(clusterMonthlyCost(reportOf('usage', 'opencost'))).toEqual({
    usd: null,
    reason: expect.stringMatching(/OpenCost/),
  });
  expect(clusterMonthlyCost(reportOf('max')).usd).toBeNull();
  const r = reportOf();
  (r.meshes[0].monthlyCostUsd as { total: number | null }).total = null;
  const h = headlineOf(r);
  expect(h.totalMonthlyUsd).toBeNull();
  expect(h.share).toBeNull();
  expect(h.missing).toEqual([r.meshes[0].name]);
});
