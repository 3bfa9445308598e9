/** The RE2 syntax check on its own: the shared table (each verdict proven on Prometheus in re2.int.test.ts), Go's messages. */
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
