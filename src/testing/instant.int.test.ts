/**
 * The test-only evaluator (instant.ts) against a real Prometheus: every figure of the model, for every grouping, cost
 * basis and price source, on two demo presets, gives the same series and values. Unit tests that evaluate queries
 * with it (semantics.test.ts) are only as good as this agreement.
 */
import { startPrometheus, type PromHandle } from '../../demo/harness';
import { allSeries } from '../../demo/series';
import { CATALOGUE } from '../model/catalogue';
import { clusterFigures, DEFAULT_FIGURE_OPTIONS, meshFigures } from '../model/figureSet';
import type { FigureOptions } from '../model/figures';
import type { Basis } from '../model/resources';
import type { Grouping } from '../model/scope';
import { close } from '../model/__int__/truthOf';
import { InstantEvaluator, type Labels } from './instant';

const key = (l: Labels) =>
  Object.entries(l)
    .filter(([k]) => k !== '__name__')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

describe.each(['small', 'migration'])('the %s preset', (preset) => {
  let prom: PromHandle;
  let ev: InstantEvaluator;
  beforeAll(async () => {
    prom = await startPrometheus({ preset });
    ev = new InstantEvaluator(allSeries(prom.cluster), prom.evalTime);
  });
  afterAll(async () => {
    await prom?.stop();
  });

  const cases = (['none', 'cluster', 'namespace', 'workload'] as Grouping[]).flatMap((g) =>
    (['usage', 'requests', 'max'] as Basis[]).flatMap((basis) =>
      (['flat', 'opencost'] as const).map((source) => [g, basis, source] as const)
    )
  );
  test.each(cases)('grouped by %s, basis %s, %s prices: every figure agrees', async (groupBy, basis, source) => {
    const o: FigureOptions = {
      ...DEFAULT_FIGURE_OPTIONS,
      pricing: { ...DEFAULT_FIGURE_OPTIONS.pricing, source },
      basis,
      latency: { method: groupBy === 'workload' ? 'app-vs-mesh' : 'reporter-delta', quantile: 0.99 },
    };
    const s = { window: '5m', groupBy };
    const figures = [...clusterFigures(s, o), ...CATALOGUE.flatMap((m) => meshFigures(m, s, o))];
    const off: object[] = [];
    let values = 0;
    for (const f of figures) {
      const want = new Map((await prom.query(f.expr)).map((x) => [key(x.metric), x.value]));
      const got = new Map(ev.query(f.ast).map((x) => [key(x.labels), x.value]));
      if ([...want.keys()].sort().join(';') !== [...got.keys()].sort().join(';')) {
        off.push({ id: f.id, prometheus: [...want.keys()], evaluator: [...got.keys()] });
        continue;
      }
      for (const [k, v] of want) {
        values++;
        if (!(close(got.get(k), v, 1e-9) || (Number.isNaN(v) && Number.isNaN(got.get(k)!)))) {
          off.push({ id: f.id, series: k, prometheus: v, evaluator: got.get(k) });
        }
      }
    }
    expect(off).toEqual([]);
    // One cluster in each preset: grouped by cluster gives as many series as ungrouped.
    expect(values).toBeGreaterThan(groupBy === 'none' || groupBy === 'cluster' ? 40 : 100);
  });
});
