/**
 * Regexes and whether Prometheus accepts them as a matcher value: the cases people type and the ones JavaScript's
 * RegExp gets wrong. re2.int.test.ts checks every verdict against a real Prometheus; re2.test.ts checks ours.
 */
// [value, accepted by Prometheus?]
export const RE2_CASES: Array<[string, boolean]> = [
  ['istio-system|linkerd', true],
  ['kube-.*', true],
  ['(?i)Istio', true], // JavaScript's RegExp refuses inline flags
  ['(?P<ns>team)-.*', true], // and Python-style named groups
  ['(?-s:a.b)', true],
  ['\\pL+', true],
  ['\\p{Greek}', true],
  ['[[:alpha:]]+', true],
  ['\\Q1.2\\E', true],
  ['a{2,1000}', true],
  ['a{,5}', true], // not a repeat in RE2: literal text
  ['', true],
  ['a)|(b', false], // the defect: valid only once wrapped in ^(?:…)$
  ['(unclosed', false],
  ['a)', false],
  ['*a', false],
  ['a**', false],
  ['a{2}{3}', false],
  ['a{1001}', false], // JavaScript takes it
  ['(a{100}){100}', false],
  ['(?=a)', false],
  ['(?<!a)b', false],
  ['(a)\\1', false], // backreference
  ['\\i', false], // JavaScript takes it as "i"
  ['\\C', false],
  ['[z-a]', false],
  ['[[:nope:]]', false],
  ['\\p{Nope}', false],
  ['[a', false],
  ['a\\', false],
  ['(?i-)', false],
  ['(?<ns>a)', false], // Go before 1.22, which Prometheus 2.42 is built with
];
