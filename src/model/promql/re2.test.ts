/** The RE2 syntax check on its own: the shared table (each verdict proven on Prometheus in re2.int.test.ts), Go's messages. */
import fc from 'fast-check';
import { re2SyntaxError } from './re2';
import { RE2_CASES } from './re2.cases';

test.each(RE2_CASES)('%j: accepted = %s', (value, accepted) => {
  expect(re2SyntaxError(value) === undefined).toBe(accepted);
});

test.each([
  ['a)|(b', 'unexpected ): `a)|(b`'],
  ['(unclosed', 'missing closing ): `(unclosed`'],
  ['a{1001}', 'invalid repeat count: `{1001}`'],
  ['a**', 'invalid nested repetition operator: `**`'],
  ['*a', 'missing argument to repetition operator: `*`'],
  ['\\i', 'invalid escape sequence: `\\i`'],
  ['[z-a]', 'invalid character class range: `z-a`'],
  ['[a', 'missing closing ]: `[a`'],
  ['a\\', 'trailing backslash at end of expression: ``'],
  ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
])("%j: Go's message", (value, message) => {
  expect(re2SyntaxError(value)).toBe(message);
});

test('a lone surrogate is not UTF-8, which Go refuses', () => {
  expect(re2SyntaxError('a\uD800')).toMatch(/^invalid UTF-8/);
});

test('any string gets a verdict: a Go-style message or undefined, never a crash or a hang', () => {
  // grammar characters often, any code point (surrogate halves included) sometimes
  const unit = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...'()[]{}*+?|\\^$.-:,<>=!PpQExdi0179a'.split('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.constantFrom('\uD800', '\uDC00') }
  );
  const seen = new Set<string>();
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 24 }), (s) => {
      const r = re2SyntaxError(s);
      expect(r === undefined || /^[a-z][^`]+: `/.test(r)).toBe(true);
      seen.add(r === undefined ? 'ok' : r.slice(0, r.indexOf(': `')));
    }),
    { numRuns: 5000, seed: 7 }
  );
  // the run reached most of Go's error kinds, not just one
  expect(seen.size).toBeGreaterThanOrEqual(10);
});
