import { bucketHolding, bucketOf } from './buckets';

const les = ['5', '10', '25', '50', '100', '+Inf'];

test.each([
  [3, { lowerMs: 0, upperMs: 5 }],
  [10, { lowerMs: 5, upperMs: 10 }],
  [10.5, { lowerMs: 10, upperMs: 25 }],
  [99, { lowerMs: 50, upperMs: 100 }],
  [null, null],
  [NaN, null],
])('a quantile of %s ms lies in %j', (v, want) => {
  expect(bucketHolding(les, v, 1)).toEqual(want);
});

test('from bucket bounds in seconds', () => {
  expect(bucketHolding(['0.05', '0.1', '+Inf'], 70, 1000)).toEqual({ lowerMs: 50, upperMs: 100 });
});

test('agrees with the bucket found from the rates', () => {
  // Cumulative rates whose p99 falls in (25, 50]: histogram_quantile would interpolate to about 40 ms.
  const rates = [1, 20, 90, 99.5, 100, 100].map((value, i) => ({ le: les[i], value }));
  expect(bucketHolding(les, 40, 1)).toEqual(bucketOf(rates, 0.99, 1));
});
