import { createDataFrame, FieldType } from '@grafana/data';
import { latencyRows } from './latencyRows';

const frame = (refId: string, labels: Record<string, string>, value: number) =>
  createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [0] },
      { name: 'Value', type: FieldType.number, values: [value], labels },
    ],
  });

test('rows per workload, sorted by p99, with the bucket the client p99 fell in', () => {
  const w = (workload: string) => ({ namespace: 'shop', workload });
  const b = (workload: string, le: string, v: number) =>
    frame('buckets', { destination_workload_namespace: 'shop', destination_workload: workload, le }, v);
  const rows = latencyRows(
    [
      frame('p99', w('cart'), 3.27),
      frame('p50', w('cart'), 1.23),
      frame('p99', w('frontend'), 2.44),
      b('cart', '50', 90),
      b('cart', '100', 99.5),
      b('cart', '+Inf', 100),
    ],
    { namespace: 'destination_workload_namespace', workload: 'destination_workload' },
    1
  );
  expect(rows.map((r) => r.key)).toEqual(['shop/cart', 'shop/frontend']);
  expect(rows[0]).toEqual({ key: 'shop/cart', p50: 1.23, p90: null, p99: 3.27, bucket: { lowerMs: 50, upperMs: 100 } });
  expect(rows[1].bucket).toBeNull();
});
