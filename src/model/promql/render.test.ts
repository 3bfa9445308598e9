import type { Expr } from './ast';
import {
  agg,
  bin,
  div,
  eq,
  histogramQuantile,
  labelReplace,
  neq,
  nre,
  num,
  rate,
  re,
  sel,
  sum,
  withOffset,
} from './dsl';
import { anyOf, assertRegex, durationSeconds, quoteString, regexQuote } from './escape';
import { render } from './render';
import { syntaxProblems } from './validate';

describe('render', () => {
  test.each<[string, Expr, string]>([
    ['selector', sel('up'), 'up'],
    [
      'matchers',
      sel('m', eq('a', 'b'), neq('c', ''), re('d', 'x|y'), nre('e', 'z.*')),
      'm{a="b", c!="", d=~"x|y", e!~"z.*"}',
    ],
    ['rate', rate(sel('c_total', eq('job', 'k')), '5m'), 'rate(c_total{job="k"}[5m])'],
    ['offset', withOffset(sel('m'), '1h'), 'm offset 1h'],
    ['sum by', sum(sel('m'), ['a', 'b']), 'sum by (a, b) (m)'],
    ['sum', sum(sel('m')), 'sum (m)'],
    ['topk', agg('topk', sel('m'), ['a'], num(5)), 'topk by (a) (5, m)'],
    ['binary parenthesised', div(bin('+', sel('a'), sel('b')), sel('c')), '(a + b) / c'],
    ['matching', div(sel('a'), sel('b'), { on: ['cluster'], groupLeft: [] }), 'a / on(cluster) group_left() b'],
    ['ignoring', bin('-', sel('a'), sel('b'), { ignoring: ['x'] }), 'a - ignoring(x) b'],
    ['comparison bool', bin('>', sel('a'), num(1), undefined, true), 'a > bool 1'],
    ['negative number', bin('*', sel('a'), num(-1)), 'a * (-1)'],
    [
      'label_replace',
      labelReplace(sel('m'), 'w', '$1', 'pod', '(.+)-x'),
      'label_replace(m, "w", "$1", "pod", "(.+)-x")',
    ],
    [
      'histogram_quantile',
      histogramQuantile(0.99, sum(rate(sel('h_bucket'), '1m'), ['le'])),
      'histogram_quantile(0.99, sum by (le) (rate(h_bucket[1m])))',
    ],
  ])('%s', (_name, e, want) => {
    expect(render(e)).toBe(want);
    expect(syntaxProblems(render(e))).toEqual([]);
  });

  test.each([
    ['quote', 'a"b', '"a\\"b"'],
    ['backslash', 'a\\b', '"a\\\\b"'],
    ['newline', 'a\nb', '"a\\nb"'],
  ])('quoteString %s', (_n, v, want) => {
    expect(quoteString(v)).toBe(want);
  });

  test('hostile label values stay inside their string', () => {
    const hostile = ['"} or vector(1) #', 'x\\"}', '\n', '${1}', "'", '`'];
    for (const h of hostile) {
      const q = render(sum(sel('m', eq('namespace', h))));
      expect(syntaxProblems(q)).toEqual([]);
      // The whole query is one aggregation over one selector: nothing escaped into PromQL.
      expect(q.startsWith('sum (m{namespace=')).toBe(true);
      expect(q.endsWith('"})')).toBe(true);
    }
  });

  test('regexQuote makes literals match themselves', () => {
    expect(regexQuote('a.b+c')).toBe('a\\.b\\+c');
    expect(new RegExp(`^${anyOf(['istio-proxy', 'x.y'])}$`).test('x.y')).toBe(true);
    expect(new RegExp(`^${anyOf(['x.y'])}$`).test('xzy')).toBe(false);
  });

  test('invalid names and durations are rejected', () => {
    expect(() => render(sel('bad-name'))).toThrow(/metric name/);
    expect(() => render(sel('m', eq('bad-label', 'x')))).toThrow(/label name/);
    expect(() => render(rate(sel('m'), '5x'))).toThrow(/duration/);
  });

  test.each([
    ['(?=x)', /lookaround/],
    ['(a', /invalid regular expression/],
    ['\\1', /backreferences/],
  ])('assertRegex rejects %s', (r, msg) => {
    expect(() => assertRegex(r, 'namespace')).toThrow(msg);
  });

  test('durationSeconds', () => {
    expect(durationSeconds('1h30m')).toBe(5400);
    expect(durationSeconds('5m')).toBe(300);
  });
});
