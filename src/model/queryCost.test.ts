import { CATALOGUE } from './catalogue';
import { DEFAULT_FIGURE_OPTIONS, meshFigures } from './figureSet';
import { render } from './promql/render';
import { syntaxProblems } from './promql/validate';
import { likelyOverMaxSamples, selectorsOf, seriesTouchedExpr } from './queryCost';

const figures = meshFigures(CATALOGUE[0], { window: '5m', groupBy: 'none' }, DEFAULT_FIGURE_OPTIONS);
const byId = (id: string) => figures.find((f) => f.id === id)!;

test('the selectors of a share, without their range, each once', () => {
  const sels = selectorsOf(byId('istio.sidecars.cpuShare').ast).map(render);
  expect(sels).toHaveLength(2);
  expect(sels.every((s) => s.startsWith('container_cpu_usage_seconds_total{') && !s.includes('[5m]'))).toBe(true);
});

test.each(figures.map((f) => [f.id, f]))('%s: the series-count query parses', (_id, f) => {
  const expr = render(seriesTouchedExpr(f.ast));
  expect(syntaxProblems(expr)).toEqual([]);
  expect(expr).toContain('count (');
  expect(expr).not.toContain('[5m]');
});

test.each([
  [10_000, 1000, false],
  [25_001, 1000, true],
  [40_000, 1000, true],
  [40_000, 100, false],
])('%i series at %i points: likely over the default max-samples: %s', (series, points, want) => {
  expect(likelyOverMaxSamples(series, points)).toBe(want);
});
