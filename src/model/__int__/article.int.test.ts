/**
 * The article's method on the same data: what it returns is exactly what its selectors sum in the generator
 * (pod-level and node-root cgroups included), and it is far from the ground truth that Mesh Tax matches.
 */
import { compareArticle } from '../../../bench/articleComparison';
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import { allSeries } from '../../../demo/series';
import { close } from './truthOf';

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({ preset: 'article' });
});
afterAll(async () => {
  await prom?.stop();
});

test('Mesh Tax matches ground truth; the article method is off, by exactly what its selectors over-count', async () => {
  const rows = await compareArticle(prom);
  expect(rows.length).toBeGreaterThanOrEqual(2);
  for (const r of rows) {
    expect({ f: r.figure, ok: close(r.meshTax, r.truth) }).toEqual({ f: r.figure, ok: true });
    expect(Math.abs(r.article / r.truth - 1)).toBeGreaterThan(0.5);
  }
  // What `sum(rate(container_cpu_usage_seconds_total{container!="POD"}[5m]))` covers, from the generator's own series.
  const t = prom.evalTime;
  const series = allSeries(prom.cluster).filter(
    (s) => s.name === 'container_cpu_usage_seconds_total' && s.labels.find(([k]) => k === 'container')?.[1] !== 'POD'
  );
  const expected = series.reduce((a, s) => a + (s.value(t) - s.value(t - 300)) / 300, 0);
  expect(close(rows[0].article, expected)).toBe(true);
});
