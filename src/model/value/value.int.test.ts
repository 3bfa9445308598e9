/**
 * The value figures (issue #17) against the demo's ground truth (demo/truth-value.ts) on a real Prometheus, at
 * every grouping each offers: requests served, over mTLS, mTLS share, plaintext workloads, split services,
 * resilience events per flag and cost per million requests. `small` has Istio (classic and native sidecars) and
 * Linkerd; `migration` has both with a cluster label and OpenCost prices.
 */
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import { ARTICLE_PRICING, groundTruth } from '../../../demo/truth';
import { costPerMillion, type ByGroup, type ValueGrouping } from '../../../demo/truth-value';
import { close } from '../__int__/truthOf';
import { meshById } from '../catalogue';
import { trafficExpr } from '../figures';
import { DEFAULT_PRICING } from '../pricing';
import type { Expr } from '../promql/ast';
import { render } from '../promql/render';
import { syntaxProblems } from '../promql/validate';
import type { Selection } from '../scope';
import { ENVOY_FLAGS, RESILIENCE } from './defs';
import {
  costPerMillionExpr,
  mtlsRpsExpr,
  mtlsShareExpr,
  plaintextRpsExpr,
  resilienceExpr,
  splitServicesExpr,
} from './queries';
import { DEFAULT_FIGURE_OPTIONS } from '../figureSet';
import { PLAINTEXT_ALERT, valueAlerts } from '../rules/valueAlerts';

const GROUPINGS: ValueGrouping[] = ['none', 'namespace', 'workload'];
const keyOf = (g: ValueGrouping, m: Record<string, string>) =>
  g === 'none' ? '' : g === 'namespace' ? m.namespace : `${m.namespace}/${m.workload}`;

describe.each(['small', 'migration'])('%s preset', (preset) => {
  let prom: PromHandle;
  beforeAll(async () => {
    prom = await startPrometheus({ preset });
  });
  afterAll(async () => {
    await prom?.stop();
  });
  const cluster = preset === 'migration' ? 'prod-eu-1' : undefined;
  const sel = (g: ValueGrouping): Selection => ({ window: '5m', groupBy: g, cluster });
  const truth = () => groundTruth(prom.cluster, prom.evalTime, 300);

  /** Every series of the answer matches a key of the truth and the other way round, each exactly. */
  async function expectGrouped(e: Expr | undefined, g: ValueGrouping, want: ByGroup) {
    expect(e).toBeDefined();
    const expr = render(e!);
    expect(syntaxProblems(expr)).toEqual([]);
    const got = await prom.query(expr);
    const map = new Map(got.map((x) => [keyOf(g, x.metric), x.value]));
    expect([...map.keys()].sort()).toEqual(Object.keys(want).sort());
    for (const [k, v] of Object.entries(want)) {
      expect({ k, got: map.get(k), ok: close(map.get(k), v) }).toEqual({ k, got: map.get(k), ok: true });
    }
  }

  test.each(['istio', 'linkerd'] as const)('%s: requests served, over mTLS, and the mTLS share', async (id) => {
    const v = truth().meshes.find((m) => m.id === id)!.value!;
    const mesh = meshById(id);
    for (const g of GROUPINGS) {
      await expectGrouped(trafficExpr(mesh, sel(g)), g, v.rps[g]);
      await expectGrouped(mtlsRpsExpr(mesh, sel(g)), g, v.mtlsRps[g]);
      await expectGrouped(mtlsShareExpr(mesh, sel(g)), g, v.mtlsShare[g]);
    }
    // The demo's mixes really are mixed: not everything over mTLS.
    expect(v.mtlsShare.none['']).toBeLessThan(0.999);
  });

  test.each(['istio', 'linkerd'] as const)(
    '%s: the workloads still served in plaintext, with their rate',
    async (id) => {
      const v = truth().meshes.find((m) => m.id === id)!.value!;
      expect(Object.keys(v.plaintext).length).toBeGreaterThan(0);
      await expectGrouped(plaintextRpsExpr(meshById(id), sel('workload')), 'workload', v.plaintext);
    }
  );

  test('meshtax rules: the plaintext alert at 0 req/s fires for exactly the plaintext workloads', async () => {
    const o = { ...DEFAULT_FIGURE_OPTIONS, meshes: [meshById('istio'), meshById('linkerd')] };
    const alerts = valueAlerts({ for: '15m', plaintextRpsAbove: 0 }, sel('none'), o).filter(
      (a) => a.alert === PLAINTEXT_ALERT
    );
    expect(alerts.map((a) => a.labels.mesh)).toEqual(['istio', 'linkerd']);
    for (const a of alerts) {
      expect(syntaxProblems(a.expr)).toEqual([]);
      const want = truth().meshes.find((m) => m.id === a.labels.mesh)!.value!.plaintext;
      const got = await prom.query(a.expr);
      expect(Object.fromEntries(got.map((x) => [keyOf('workload', x.metric), x.value]))).toEqual(
        Object.fromEntries(Object.entries(want).map(([k, v]) => [k, expect.closeTo(v, 9)]))
      );
    }
  });

  test('istio: split services, ungrouped and by namespace; none per workload', async () => {
    const v = truth().meshes.find((m) => m.id === 'istio')!.value!;
    expect(v.splitServices!.none['']).toBeGreaterThan(0);
    await expectGrouped(splitServicesExpr(meshById('istio'), sel('none')), 'none', v.splitServices!.none);
    await expectGrouped(
      splitServicesExpr(meshById('istio'), sel('namespace')),
      'namespace',
      v.splitServices!.namespace
    );
    expect(splitServicesExpr(meshById('istio'), sel('workload'))).toBeUndefined();
  });

  test('istio: requests ended by each resilience feature, at every grouping', async () => {
    const v = truth().meshes.find((m) => m.id === 'istio')!.value!;
    for (const r of RESILIENCE) {
      const flag = ENVOY_FLAGS[r] as keyof typeof v.resilience;
      for (const g of GROUPINGS) {
        await expectGrouped(resilienceExpr(meshById('istio'), r, sel(g)), g, v.resilience![flag]![g]);
      }
    }
    // UO, URX, UT and RL each fired somewhere in the demo.
    for (const f of ['UO', 'URX', 'UT', 'RL'] as const) {
      expect(v.resilience![f]!.none['']).toBeGreaterThan(0);
    }
  });

  test("linkerd: split services from its callers' route-backend counter, ungrouped and by namespace", async () => {
    const v = truth().meshes.find((m) => m.id === 'linkerd')!.value!;
    // migration's catalog namespace runs the shop's 90/10 canary of cart: one Service over two backends (small's
    // Linkerd namespace has no canary: a measured 0).
    expect(v.splitServices!.none[''] > 0).toBe(preset === 'migration');
    await expectGrouped(splitServicesExpr(meshById('linkerd'), sel('none')), 'none', v.splitServices!.none);
    await expectGrouped(
      splitServicesExpr(meshById('linkerd'), sel('namespace')),
      'namespace',
      v.splitServices!.namespace
    );
    expect(splitServicesExpr(meshById('linkerd'), sel('workload'))).toBeUndefined();
  });

  test('linkerd: retries exhausted and timeouts from its route metrics at every grouping; no UO or RL counter', async () => {
    const v = truth().meshes.find((m) => m.id === 'linkerd')!.value!;
    const events = { retriesExhausted: 'URX', timeouts: 'UT' } as const;
    for (const [r, flag] of Object.entries(events) as Array<[keyof typeof events, 'URX' | 'UT']>) {
      // migration has both (checkout's URX, invoices' UT); small's Linkerd only invoices' UT.
      expect(v.resilience![flag]!.none[''] > 0).toBe(preset === 'migration' || flag === 'UT');
      for (const g of GROUPINGS) {
        await expectGrouped(resilienceExpr(meshById('linkerd'), r, sel(g)), g, v.resilience![flag]![g]);
      }
    }
    const all = { '': v.resilience!.URX!.none[''] + v.resilience!.UT!.none[''] };
    await expectGrouped(resilienceExpr(meshById('linkerd'), 'all', sel('none')), 'none', all);
    expect(resilienceExpr(meshById('linkerd'), 'circuitBreaking', sel('none'))).toBeUndefined();
    expect(resilienceExpr(meshById('linkerd'), 'rateLimited', sel('none'))).toBeUndefined();
  });

  test.each(['istio', 'linkerd'] as const)('%s: cost per million requests served (flat article prices)', async (id) => {
    const t = groundTruth(prom.cluster, prom.evalTime, 300, ARTICLE_PRICING);
    const m = t.meshes.find((x) => x.id === id)!;
    const want = costPerMillion(m.monthlyCostUsd.total, m.value!.rps.none[''], ARTICLE_PRICING.hoursPerMonth)!;
    const o = { ...DEFAULT_FIGURE_OPTIONS, pricing: DEFAULT_PRICING, basis: 'usage' as const };
    await expectGrouped(costPerMillionExpr(meshById(id), sel('none'), o), 'none', { '': want });
  });
});
