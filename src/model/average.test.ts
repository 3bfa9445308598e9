import { averaged } from './average';
import { CATALOGUE } from './catalogue';
import { clusterFigures, meshFigures } from './figureSet';
import type { Figure, FigureOptions } from './figures';
import { LATENCY_METHODS } from './latency';
import { DEFAULT_PRICING } from './pricing';
import type { Expr } from './promql/ast';
import { call, range, sel } from './promql/dsl';
import { render } from './promql/render';
import { syntaxProblems } from './promql/validate';
import type { Basis } from './resources';
import type { Grouping, Selection } from './scope';

const opts = (basis: Basis, source: 'flat' | 'opencost', method = LATENCY_METHODS[0]): FigureOptions => ({
  pricing: { ...DEFAULT_PRICING, source },
  basis,
  latency: { method, quantile: 0.99, baselineOffset: '1w' },
  idleRps: 1,
  meshes: CATALOGUE,
});

const all = (s: Selection, o: FigureOptions): Figure[] => [
  ...clusterFigures(s, o),
  ...o.meshes.flatMap((m) => meshFigures(m, s, o)),
];

/** Every selector with the function that reads it (undefined: read bare, at an instant). */
function reads(e: Expr, fn?: string, out: Array<{ fn?: string; metric: string; range?: string; offset?: string }> = []) {
  switch (e.kind) {
    case 'selector':
      out.push({ fn, metric: e.metric, range: e.range, offset: e.offset });
      break;
    case 'call':
      e.args.forEach((a) => reads(a, e.fn, out));
      break;
    case 'agg':
      reads(e.expr, undefined, out);
      break;
    case 'binary':
      reads(e.lhs, undefined, out);
      reads(e.rhs, undefined, out);
      break;
  }
  return out;
}

const GROUPINGS: Grouping[] = ['none', 'cluster', 'namespace', 'workload'];
// Basis max reads both usage and requests, so it covers the other two bases' inputs.
const cases = GROUPINGS.flatMap((g) =>
  (['flat', 'opencost'] as const).flatMap((src) => LATENCY_METHODS.map((m) => [g, 'max' as Basis, src, m] as const))
);

describe('averageOver on every figure', () => {
  test.each(cases)('group %s, basis %s, pricing %s, latency %s', (g, b, src, m) => {
    const s: Selection = { window: '5m', groupBy: g, cluster: 'prod' };
    const instant = all(s, opts(b, src, m));
    const mean = all({ ...s, averageOver: '7d' }, opts(b, src, m));
    expect(mean.map((f) => f.id)).toEqual(instant.map((f) => f.id));
    for (const f of mean) {
      expect({ id: f.id, problems: syntaxProblems(f.expr) }).toEqual({ id: f.id, problems: [] });
      // Every input is read exactly once over the whole span: counters by rate(), everything else by
      // avg_over_time(); no 5m window survives, no selector is read at an instant, nothing is averaged twice.
      // One counter is also read bare: idle cost asks whether the mesh's request counter exists at all
      // (group(), trafficPresenceExpr), which over a span means "existed during it".
      for (const r of reads(f.ast)) {
        // A histogram's _sum and _count are counters too (the mean latency added, issue #18).
        const counter = /_(total|bucket|sum|count)$/.test(r.metric);
        const presence = f.id.endsWith('.cost.idleSidecars') && r.fn === 'avg_over_time';
        expect({ id: f.id, ...r }).toEqual({
          id: f.id,
          metric: r.metric,
          fn: counter && !presence ? 'rate' : 'avg_over_time',
          range: '7d',
          offset: r.offset,
        });
      }
      expect(f.expr).not.toMatch(/over_time\([^)]*over_time/);
    }
  });

  test('no averageOver: the instant figures, unchanged', () => {
    const s: Selection = { window: '5m', groupBy: 'none' };
    const o = opts('usage', 'flat');
    const plain = all(s, o).map((f) => f.expr);
    expect(all({ ...s, averageOver: undefined }, o).map((f) => f.expr)).toEqual(plain);
    expect(plain.join('\n')).not.toMatch(/over_time/);
  });

  test('a baseline offset is kept: the mean over the same span a week earlier', () => {
    const o = opts('usage', 'flat', 'baseline');
    const istio = meshFigures(CATALOGUE[0], { window: '5m', groupBy: 'none', averageOver: '1d' }, o);
    const offsets = istio.flatMap((f) => reads(f.ast)).filter((r) => r.offset);
    expect(offsets.length).toBeGreaterThan(0);
    expect(offsets.every((r) => r.range === '1d' && r.offset === '1w' && r.fn === 'rate')).toBe(true);
  });

  test('a range function whose mean is not defined is refused, not guessed', () => {
    expect(() => averaged(call('irate', range(sel('x_total'), '5m')), '1d')).toThrow(/outside rate/);
    expect(render(averaged(call('rate', range(sel('x_total'), '5m')), '1d'))).toBe('rate(x_total[1d])');
  });
});
