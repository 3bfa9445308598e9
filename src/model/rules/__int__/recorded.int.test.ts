/**
 * The rules in a real Prometheus over two demos: `migration` (Istio and Linkerd, a cluster label, OpenCost; rules
 * written with flat and with OpenCost prices) and `small` (every mesh shape, sidecar and ambient Istio sharing one
 * istiod, no cluster label). Backfilled by promtool, every recorded series equals the model's raw query for its
 * figure, meshes that are absent record nothing (a shared istiod alone does not make ambient Istio present), a
 * control plane is billed once, and a report built from the recorded series equals the one built from raw series.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrometheus, type PromHandle } from '../../../../demo/harness';
import { groundTruth } from '../../../../demo/truth';
import { CATALOGUE } from '../../catalogue';
import { meshFigureId, type ClusterFigureKey, type MeshFigureKey } from '../../figureKeys';
import { clusterFigures, DEFAULT_FIGURE_OPTIONS, meshFigures } from '../../figureSet';
import type { Figure, FigureOptions } from '../../figures';
import { eq, sel } from '../../promql/dsl';
import { render } from '../../promql/render';
import { DEFAULT_OPTIONS } from '../../options/defaults';
import type { MeshTaxOptions } from '../../options/types';
import { buildReport, BY_CLUSTER_FIGURES, resolveShared, type Report, type ReportInput } from '../../report';
import { close, RECORDED_LAG } from '../../__int__/truthOf';
import { ruleSelection } from '../config';
import { DEFAULT_FOR, DEFAULT_MONTHLY_COST_THRESHOLD_USD, ruleGroups } from '../generate';
import { isLatencyKey, meshKey, recordOf } from '../names';
import { rulesYaml } from '../yaml';

const rulesSelection = { window: '5m' };

const byCluster = (xs: Array<{ metric: Record<string, string>; value: number }>) =>
  Object.fromEntries(xs.map((x) => [x.metric.cluster ?? '', x.value]));

/** Every number in the report, by path; reasons and query texts differ by design and are left out. */
function numbers(x: unknown, path = '', out: Record<string, number | null> = {}): Record<string, number | null> {
  if (x === null || typeof x === 'number') {
    out[path] = x;
  } else if (Array.isArray(x)) {
    x.forEach((v, i) => numbers(v, `${path}[${i}]`, out));
  } else if (typeof x === 'object') {
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
      if (!['queries', 'figures', 'reasons', 'figureSource'].includes(k)) {
        numbers(v, `${path}.${k}`, out);
      }
    }
  }
  return out;
}

describe.each<[string, 'flat' | 'opencost', string[]]>([
  ['migration', 'flat', ['istio', 'linkerd']],
  ['migration', 'opencost', ['istio', 'linkerd']],
  ['small', 'flat', ['istio', 'istio-ambient', 'linkerd', 'cilium', 'consul', 'kuma']],
])('rules backfilled over the %s demo, %s prices', (preset, pricingSource, meshIds) => {
  const o: FigureOptions = {
    ...DEFAULT_FIGURE_OPTIONS,
    pricing: { ...DEFAULT_FIGURE_OPTIONS.pricing, source: pricingSource },
  };
  let prom: PromHandle;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'meshtax-recorded-'));
    const groups = ruleGroups({
      selection: rulesSelection,
      figures: o,
      monthlyCostThresholdUsd: DEFAULT_MONTHLY_COST_THRESHOLD_USD,
      for: DEFAULT_FOR,
    });
    const path = join(dir, 'meshtax-rules.yml');
    writeFileSync(path, rulesYaml(groups, 'prometheus', 'integration test'));
    prom = await startPrometheus({ preset, recordingRules: path });
  });
  afterAll(async () => {
    await prom?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every recorded series equals its raw figure query; absent meshes record nothing', async () => {
    const t = groundTruth(prom.cluster, prom.evalTime, 300);
    const present = CATALOGUE.filter((m) => t.meshes.some((x) => x.id === m.id));
    expect(present.map((m) => m.id)).toEqual(meshIds);
    const s = ruleSelection(rulesSelection);
    const pairs: Array<{ f: Figure; mesh?: string; recorded: string }> = [
      ...clusterFigures(s, o).map((f) => ({ f, recorded: render(sel(recordOf(f.id as ClusterFigureKey))) })),
      ...CATALOGUE.flatMap((m) =>
        meshFigures(m, s, o).map((f) => {
          const key = meshKey(m.id, f.id)!;
          const matchers = [eq('mesh', m.id), ...(isLatencyKey(key) ? [eq('quantile', '0.99')] : [])];
          return { f, mesh: m.id, recorded: render(sel(recordOf(key), ...matchers)) };
        })
      ),
    ];
    // Raw figures as the report runs them: a shared control plane billed to its owner only.
    const raw = new Map(
      [...clusterFigures(s, o), ...present.flatMap((m) => meshFigures(resolveShared(m, present), s, o))].map((f) => [
        f.id,
        f.expr,
      ])
    );
    let compared = 0;
    for (const { f, recorded } of pairs) {
      const got = byCluster(await prom.query(recorded));
      const expr = raw.get(f.id);
      const want = expr ? byCluster(await prom.query(expr)) : {};
      expect({ id: f.id, clusters: Object.keys(got) }).toEqual({ id: f.id, clusters: Object.keys(want) });
      for (const [cluster, v] of Object.entries(want)) {
        expect({ id: f.id, cluster, ok: close(got[cluster], v, RECORDED_LAG) }).toEqual({
          id: f.id,
          cluster,
          ok: true,
        });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(15 * meshIds.length);
  });

  // The options the rules above were generated with, as the report takes them.
  const options: MeshTaxOptions = { ...DEFAULT_OPTIONS, pricingSource, idleRps: o.idleRps };
  const input = (over: Partial<ReportInput> = {}): ReportInput => ({ time: prom.evalTime, options, ...over });

  test('the report from recorded series equals the report from raw series', async () => {
    const q = (expr: string) => prom.query(expr);
    const raw = await buildReport(q, input({ figureSource: 'raw' }));
    const recorded = await buildReport(q, input());
    expect(raw.figureSource.kind).toBe('raw');
    expect([raw.pricing.source, recorded.pricing.source]).toEqual([pricingSource, pricingSource]);
    expect(recorded.figureSource).toMatchObject({ kind: 'recorded', probe: expect.stringContaining('meshtax:') });
    expect(recorded.meshes.map((m) => m.id)).toEqual(meshIds);
    expect(recorded.meshes[0].queries['istio.cost.total']).toContain('meshtax:monthly_cost_usd:sum');
    // rangeCost estimates what raw queries cost; over recorded series there is nothing to estimate (null).
    const a = numbers({ ...raw, rangeCost: null });
    const b = numbers({ ...recorded, rangeCost: null });
    expect(Object.keys(b)).toEqual(Object.keys(a));
    expect(Object.values(a).filter((v) => v !== null).length).toBeGreaterThan(20 * meshIds.length);
    for (const [path, want] of Object.entries(a)) {
      const got = b[path];
      const ok = want === null ? got === null : got !== null && close(got, want, RECORDED_LAG);
      expect({ path, got, want, ok }).toEqual({ path, got, want, ok: true });
    }
  });

  test('rangeCost: raw reports count the series the widest figure reads; recorded ones need no estimate', async () => {
    const q = (expr: string) => prom.query(expr);
    const raw = await buildReport(q, input({ figureSource: 'raw' }));
    const expr = raw.meshes.find((m) => m.id === raw.rangeCost?.figure.split('.')[0])!.queries[raw.rangeCost!.figure];
    // At a 15 s scrape a 5m rate window holds 20 or 21 samples of each series it reads.
    const samples = (await prom.queryRaw(expr)).data.stats.samples.totalQueryableSamples as number;
    expect(raw.rangeCost!.seriesTouched).toBeGreaterThan(0);
    expect(raw.rangeCost!.seriesTouched).toBeLessThanOrEqual(samples);
    expect(raw.rangeCost!.seriesTouched * 21).toBeGreaterThanOrEqual(samples);
    expect(raw.rangeCost!.likelyOverMaxSamples).toBe(false); // a small demo is nowhere near 50M
    expect((await buildReport(q, input())).rangeCost).toBeNull();
  });

  test('per-cluster rows (byCluster): with one cluster, its row equals the report total, raw and recorded', async () => {
    const total: Record<string, (m: Report['meshes'][number]) => number | null> = {
      'cost.total': (m) => m.monthlyCostUsd.total,
      'sidecars.cpuShare': (m) => m.sidecars.cpuShare,
      'sidecars.memoryShare': (m) => m.sidecars.memoryShare,
      'latency.pNAdded': (m) => m.latency.addedMs,
    };
    expect(Object.keys(total).sort()).toEqual([...BY_CLUSTER_FIGURES].sort());
    let compared = 0;
    for (const figureSource of ['raw', 'auto'] as const) {
      const report = await buildReport((expr) => prom.query(expr), input({ figureSource, byCluster: true }));
      for (const m of report.meshes) {
        const rows = Object.values(m.byCluster ?? {});
        expect({ mesh: m.id, clusters: rows.length }).toEqual({ mesh: m.id, clusters: 1 });
        for (const [k, get] of Object.entries(total)) {
          const want = get(m);
          const got = rows[0][meshFigureId(m.id, k as MeshFigureKey)];
          expect({ mesh: m.id, k, ok: want === null ? got === undefined : close(got, want) }).toEqual({
            mesh: m.id,
            k,
            ok: true,
          });
          compared += want === null ? 0 : 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(4 * meshIds.length);
  });

  test.each<[string, Partial<ReportInput>]>([
    ['other prices', { options: { ...options, prices: { ...options.prices, hoursPerMonth: 720 } } }],
    ['another window', { options: { ...options, window: '10m' } }],
    ['a namespace filter', { scope: { namespaceInclude: 'shop' } }],
  ])('with %s the report reads raw series', async (_name, over) => {
    const report = await buildReport((expr) => prom.query(expr), input(over));
    expect(report.figureSource.kind).toBe('raw');
    expect(report.meshes.length).toBeGreaterThan(0);
  });
});
