import { createDataFrame, FieldType } from '@grafana/data';
import { latencyRows } from './latencyRows';

const frame = (refId: string, workload: string, value: number) =>
  createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [0] },
      { name: 'Value', type: FieldType.number, values: [value], labels: { namespace: 'shop', workload } },
    ],
  });

test('rows per workload, sorted by p99 added, each quantile with its interval and the mean beside it', () => {
  const rows = latencyRows([
    frame('p99', 'cart', 3.27),
    frame('p99_low', 'cart', 0),
    frame('p99_high', 'cart', 75),
    frame('p50', 'cart', 1.23),
    frame('mean', 'cart', 1.61),
    frame('p99', 'frontend', 2.44),
    frame('p99_low', 'frontend', -150),
  ]);
  expect(rows.map((r) => r.key)).toEqual(['shop/cart', 'shop/frontend']);
  expect(rows[0].added[0.99]).toEqual({ value: 3.27, range: [0, 75] });
  expect(rows[0].added[0.5]).toEqual({ value: 1.23, range: null });
  expect(rows[0].added[0.9]).toEqual({ value: null, range: null });
  expect(rows[0].mean).toBe(1.61);
  // One end missing is no interval: never an interval made up from one bound.
  expect(rows[1].added[0.99].range).toBeNull();
  expect(rows[1].mean).toBeNull();
});

test('a row whose p99 added is below its p50 added is flagged for its explanation (the issue #18 row)', () => {
  const rows = latencyRows([
    frame('p50', 'frontend', 2.8),
    frame('p90', 'frontend', 5.82),
    frame('p99', 'frontend', 0.83),
    frame('p50', 'cart', 1),
    frame('p90', 'cart', 2),
    frame('p99', 'cart', 3),
  ]);
  expect(rows.map((r) => [r.key, r.fallsAsPRises])).toEqual([
    ['shop/cart', false],
    ['shop/frontend', true],
  ]);
});
