import {
  addedWithInterval,
  betweenText,
  fallsAsPRises,
  intervalSpan,
  finerBucketsHint,
  intervalText,
  isUnresolved,
  signedMs,
  unresolvedText,
} from './latencyText';

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

test.each([
  [2.44, [-150, 150], '2 ms (\u2212150 ms to +150 ms)'],
  [3.27, [0, 75], '3 ms (0 ms to +75 ms)'],
  [-1, [-5, -0.4], '-1 ms (\u22125 ms to \u22120 ms)'],
  [null, [-150, 150], 'unavailable'],
  [NaN, null, 'unavailable'],
  [2, null, '2 ms'],
] as const)('%s with %j reads %s', (v, range, want) => {
  expect(addedWithInterval(v, range as [number, number] | null, fmt)).toBe(want);
});

test('the sign is always shown, zero has none', () => {
  expect(signedMs(4, fmt)).toBe('+4 ms');
  expect(signedMs(-4, fmt)).toBe('\u22124 ms');
  expect(signedMs(-0, fmt)).toBe('0 ms');
  expect(intervalText(undefined, fmt)).toBeUndefined();
});

test.each([
  // small/shop/frontend: both p99s in (100, 250]: ±150 ms around a 2.44 ms value.
  [2.44, [-150, 150], true],
  // small/shop/cart: different buckets, still 75 ms wide around 3.27 ms.
  [3.27, [0, 75], true],
  [40, [30, 60], false],
  // About zero: judged against 1 ms, not against the value.
  [0, [-5, 5], false],
  [0, [-6, 6], true],
  [null, [-150, 150], false],
] as const)('%s in %j is unresolved: %s', (v, range, want) => {
  expect(isUnresolved(v, range as [number, number])).toBe(want);
});

test('unresolved text names the way to finer buckets for each mesh', () => {
  expect(unresolvedText('istio', 2.44, [-150, 150])).toMatch(
    /can't resolve.*sidecar\.istio\.io\/statsHistogramBuckets/
  );
  expect(unresolvedText('linkerd', 1, [-50, 50])).toMatch(/can't resolve.*Linkerd's proxy buckets are fixed/);
  expect(unresolvedText('istio', 40, [30, 60])).toBeUndefined();
  expect(finerBucketsHint('kuma')).toMatch(/finer histogram buckets/);
});

test('the interval bare, bracketed and inside a sentence ("between … and …", never "between … to …")', () => {
  expect(intervalSpan([-150, 150], fmt)).toBe('\u2212150 ms to +150 ms');
  expect(intervalText([-150, 150], fmt)).toBe('(\u2212150 ms to +150 ms)');
  expect(betweenText([-150, 150], fmt)).toBe('between \u2212150 ms and +150 ms');
  expect(betweenText(null, fmt)).toBeUndefined();
});

test.each([
  // The issue's row: p50 2.80, p90 5.82, p99 0.83 ms added.
  [[2.8, 5.82, 0.83], true],
  [[2.8, 5.82, 9.1], false],
  [[2.8, null, 0.83], true],
  [[null, 5.82, 9.1], false],
  [[3, 3, 3], false],
  [[], false],
] as const)('%j falls as p rises: %s', (values, want) => {
  expect(fallsAsPRises(values)).toBe(want);
});
