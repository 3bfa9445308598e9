import { parsePromDuration } from './duration';

// The grammar of prometheus/common model.ParseDuration, which Grafana uses for `for` and a group's interval.
test.each([
  ['0', 0],
  ['15m', 900_000],
  ['1h30m', 5_400_000],
  ['1y2w3d4h5m6s7ms', 31_536_000_000 + 1_209_600_000 + 259_200_000 + 14_400_000 + 300_000 + 6000 + 7],
  ['90s', 90_000],
  ['0s', 0],
])('%s is %d ms', (text, ms) => {
  expect(parsePromDuration(text)).toEqual({ ms });
});

test.each([
  '',
  '5m1h',
  '1h1h',
  '1.5h',
  '-5m',
  '5 m',
  '5M',
  '$__interval',
  '${__rate_interval}',
  '1h30',
  'm',
  '300000y',
])('"%s" is refused with a reason', (text) => {
  const r = parsePromDuration(text);
  expect('error' in r && r.error.length > 10).toBe(true);
});

test('the message says what to do: macros and unit order get their own hint', () => {
  expect(parsePromDuration('$__interval')).toEqual({ error: expect.stringMatching(/does not expand variables/) });
  expect(parsePromDuration('5m1h')).toEqual({ error: expect.stringMatching(/largest to smallest/) });
});
