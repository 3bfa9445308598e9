/** Constructors for the AST, so query code reads like PromQL without being text. */
import type { AggOp, BinOp, Expr, Matcher, VectorMatching } from './ast';

export const eq = (label: string, value: string): Matcher => ({ label, op: '=', value });
export const neq = (label: string, value: string): Matcher => ({ label, op: '!=', value });
export const re = (label: string, value: string): Matcher => ({ label, op: '=~', value });
export const nre = (label: string, value: string): Matcher => ({ label, op: '!~', value });

export function sel(metric: string, ...matchers: Matcher[]): Expr {
  return { kind: 'selector', metric, matchers };
}

export function range(e: Expr, window: string, offset?: string): Expr {
  if (e.kind !== 'selector') {
    throw new Error('range() takes a selector');
  }
  return { ...e, range: window, offset: offset ?? e.offset };
}

export function withOffset(e: Expr, offset: string): Expr {
  if (e.kind !== 'selector') {
    throw new Error('withOffset() takes a selector');
  }
  return { ...e, offset };
}

export const num = (value: number): Expr => ({ kind: 'number', value });
const str = (value: string): Expr => ({ kind: 'string', value });
export const call = (fn: string, ...args: Expr[]): Expr => ({ kind: 'call', fn, args });
export const rate = (s: Expr, window: string): Expr => call('rate', range(s, window));

export function agg(op: AggOp, expr: Expr, by?: string[], param?: Expr): Expr {
  return { kind: 'agg', op, expr, by, param };
}
export const sum = (expr: Expr, by?: string[]) => agg('sum', expr, by);

export function bin(op: BinOp, lhs: Expr, rhs: Expr, matching?: VectorMatching, bool?: boolean): Expr {
  return { kind: 'binary', op, lhs, rhs, matching, bool };
}
export const add = (a: Expr, b: Expr, m?: VectorMatching) => bin('+', a, b, m);
export const sub = (a: Expr, b: Expr, m?: VectorMatching) => bin('-', a, b, m);
export const mul = (a: Expr, b: Expr, m?: VectorMatching) => bin('*', a, b, m);
export const div = (a: Expr, b: Expr, m?: VectorMatching) => bin('/', a, b, m);

export const labelReplace = (e: Expr, dst: string, replacement: string, src: string, regex: string) =>
  call('label_replace', e, str(dst), str(replacement), str(src), str(regex));

/** label_join(e, dst, separator, src...): one label from the values of several. */
export const labelJoin = (e: Expr, dst: string, separator: string, ...src: string[]) =>
  call('label_join', e, str(dst), str(separator), ...src.map(str));

/** vector(n): one sample with no labels, the fallback side of an `or on()`. */
export const vector = (n: number) => call('vector', num(n));

/** Reads `metric` only while `gate` (a regex over metric names, usually a dashboard variable) matches its name. */
export function gated(e: Expr, gate: string): Expr {
  if (e.kind !== 'selector') {
    throw new Error('gated() takes a selector');
  }
  return { ...e, nameGate: gate };
}

export const histogramQuantile = (q: number, buckets: Expr) => call('histogram_quantile', num(q), buckets);
