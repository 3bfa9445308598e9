import { highlightSegments } from './highlight';

test('segments cover the text exactly, and a hostile label value stays one string token', () => {
  const expr = 'sum by (cluster) (rate(container_cpu_usage_seconds_total{cluster="\\"} or vector(1) #"}[5m]))';
  const segs = highlightSegments(expr);
  expect(segs.map((s) => s.text).join('')).toBe(expr);
  const strings = segs.filter((s) => s.className.includes('pq-string'));
  expect(strings.map((s) => s.text)).toEqual(['"\\"} or vector(1) #"']);
  expect(segs.find((s) => s.text === 'rate')?.className).toMatch(/pq-function/);
  expect(segs.find((s) => s.text === 'cluster')?.className).toMatch(/pq-label/);
});

test('line breaks are kept', () => {
  expect(
    highlightSegments('sum (\n  up\n)')
      .map((s) => s.text)
      .join('')
  ).toBe('sum (\n  up\n)');
});
