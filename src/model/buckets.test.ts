import { bucketOf } from './buckets';

const les = ['5', '10', '25', '50', '100', '+Inf'];

test('the bucket holding rank q, from cumulative rates', () => {
  // Cumulative rates whose p99 falls in (25, 50]: histogram_quantile would interpolate to about 40 ms.
  const rates = [1, 20, 90, 99.5, 100, 100].map((value, i) => ({ le: les[i], value }));
  expect(bucketOf(rates, 0.99, 1)).toEqual({ lowerMs: 25, upperMs: 50 });
  expect(bucketOf(rates, 0.5, 1)).toEqual({ lowerMs: 10, upperMs: 25 });
});

test('bounds in seconds become ms; no traffic has no bucket', () => {
  const rates = [0, 10, 10].map((value, i) => ({ le: ['0.05', '0.1', '+Inf'][i], value }));
  expect(bucketOf(rates, 0.99, 1000)).toEqual({ lowerMs: 50, upperMs: 100 });
  expect(bucketOf([{ le: '+Inf', value: 0 }], 0.99, 1)).toBeNull();
});
