/**
 * Escaping and validation for everything a user can type into a query: label values, regexes,
 * label and metric names, durations. Rejects what Prometheus would reject, with a message that says why.
 */
import { re2SyntaxError } from './re2';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const DURATION = /^([0-9]+(ms|s|m|h|d|w|y))+$/;
/** Grafana's interval macros, which Grafana substitutes before the query reaches Prometheus. */
const GRAFANA_INTERVAL = /^\$__(rate_interval|interval|range)$/;

export class QueryInputError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(message);
    this.name = 'QueryInputError';
  }
}

/**
 * Control characters, line separators and bidi overrides: legal inside a PromQL string, but they can hide or reorder
 * what a reader of the query sees, so they are written as \u escapes (which PromQL, like Go, reads back exactly).
 */
const INVISIBLE = /[\u0000-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A PromQL double-quoted string literal. */
export function quoteString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}

/** Quotes a literal for use inside a regex matcher (RE2 metacharacters). */
export function regexQuote(literal: string): string {
  return literal.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** A regex alternation of literals, e.g. container names. */
export function anyOf(literals: string[]): string {
  return literals.map(regexQuote).join('|');
}

export function assertLabelName(name: string, field = 'label'): string {
  if (!LABEL_NAME.test(name)) {
    throw new QueryInputError(field, `${field}: "${name}" is not a valid Prometheus label name`);
  }
  return name;
}

export function assertMetricName(name: string, field = 'metric'): string {
  if (!METRIC_NAME.test(name)) {
    throw new QueryInputError(field, `${field}: "${name}" is not a valid Prometheus metric name`);
  }
  return name;
}

/** Why `d` is neither a Prometheus duration nor one of Grafana's interval macros; undefined when it is one. */
export function durationProblem(d: string): string | undefined {
  return DURATION.test(d) || GRAFANA_INTERVAL.test(d)
    ? undefined
    : `"${d}" is not a Prometheus duration (for example 5m, 1h30m)`;
}

export function assertDuration(d: string, field = 'window'): string {
  const problem = durationProblem(d);
  if (problem) {
    throw new QueryInputError(field, `${field}: ${problem}`);
  }
  return d;
}

export function durationSeconds(d: string): number {
  const unit: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
  if (!DURATION.test(d)) {
    throw new QueryInputError('window', `window: "${d}" has no fixed length`);
  }
  let total = 0;
  for (const m of d.matchAll(/([0-9]+)(ms|s|m|h|d|w|y)/g)) {
    total += Number(m[1]) * unit[m[2]];
  }
  return total;
}

/**
 * Checks a user regex the way Prometheus does (labels.NewFastRegexMatcher): Go's RE2 parser reads the value on its own
 * and compiles it anchored as `^(?:value)$`, so both must pass. Testing only the anchored form let `a)|(b` through: it
 * is valid once wrapped, and Prometheus answers 400.
 */
export function regexProblem(re: string): string | undefined {
  const problem = re2SyntaxError(re) ?? re2SyntaxError(`^(?:${re})$`);
  return problem ? `invalid regular expression for Prometheus (RE2): ${hint(re, problem)}` : undefined;
}

export function assertRegex(re: string, field: string): string {
  const problem = regexProblem(re);
  if (problem) {
    throw new QueryInputError(field, `${field}: ${problem}`);
  }
  return re;
}

/** Names the two Perl features people reach for that RE2 lacks, since Go's own message does not. */
function hint(re: string, problem: string): string {
  if (/Perl syntax/.test(problem) && /\(\?<?[=!]/.test(re)) {
    return `lookaround is not supported: ${problem}`;
  }
  if (/escape sequence: `\\[1-9]`/.test(problem)) {
    return `backreferences are not supported: ${problem}`;
  }
  return problem;
}
