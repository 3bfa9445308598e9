/**
 * A test-only PromQL instant evaluator over the model's own AST, for unit tests that check what a query computes,
 * not how it is spelled. It covers exactly the AST the model builds; anything else throws, so a test can never pass
 * on an unsupported node. Its semantics follow Prometheus's engine (vector matching, name dropping, set operators,
 * histogram_quantile's interpolation) and are checked against a real Prometheus in instant.int.test.ts.
 *
 * Series are the demo's shape: a value as a pure function of time. rate(x[w]) at T is (x(T) - x(T - w)) / w, which is
 * what Prometheus returns when samples sit on both edges of the window and the counter does not reset.
 */
import type { Expr, Matcher, VectorMatching } from '../model/promql/ast';
import type { Series } from '../../demo/series';

export type Labels = Record<string, string>;
export interface Sample {
  labels: Labels;
  value: number;
}
type Value =
  { kind: 'vector'; samples: Sample[] } | { kind: 'scalar'; value: number } | { kind: 'string'; value: string };

const LOOKBACK = 300;
const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

export function seconds(d: string): number {
  const parts = [...d.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)];
  if (parts.map((p) => p[0]).join('') !== d || parts.length === 0) {
    throw new Error(`instant: bad duration ${d}`);
  }
  return parts.reduce((a, p) => a + Number(p[1]) * UNITS[p[2]], 0);
}

/** Prometheus regex matchers are fully anchored. */
function matches(m: Matcher, labels: Labels): boolean {
  const v = labels[m.label] ?? '';
  switch (m.op) {
    case '=':
      return v === m.value;
    case '!=':
      return v !== m.value;
    case '=~':
      return new RegExp(`^(?:${m.value})$`, 's').test(v);
    case '!~':
      return !new RegExp(`^(?:${m.value})$`, 's').test(v);
  }
}

const key = (l: Labels) =>
  JSON.stringify(
    Object.entries(l)
      .filter(([, v]) => v !== '')
      .sort(([a], [b]) => (a < b ? -1 : 1))
  );
const dropName = ({ __name__, ...rest }: Labels): Labels => rest;
const pick = (l: Labels, names: string[]) =>
  Object.fromEntries(names.filter((n) => l[n] !== undefined && l[n] !== '').map((n) => [n, l[n]]));
const omit = (l: Labels, names: string[]) => Object.fromEntries(Object.entries(l).filter(([k]) => !names.includes(k)));

function noDuplicates(samples: Sample[]): Sample[] {
  const seen = new Set<string>();
  for (const s of samples) {
    const k = key(s.labels);
    if (seen.has(k)) {
      throw new Error(`instant: vector cannot contain metrics with the same labelset ${k}`);
    }
    seen.add(k);
  }
  return samples;
}

export class InstantEvaluator {
  private readonly series: Array<{ labels: Labels; s: Series }>;

  constructor(
    series: Series[],
    readonly time: number
  ) {
    this.series = series.map((s) => ({ labels: { __name__: s.name, ...Object.fromEntries(s.labels) }, s }));
  }

  query(e: Expr): Sample[] {
    const v = this.eval(e, this.time);
    if (v.kind === 'string') {
      throw new Error('instant: a string is not a query result');
    }
    return v.kind === 'scalar' ? [{ labels: {}, value: v.value }] : v.samples;
  }

  private select(e: Extract<Expr, { kind: 'selector' }>, t: number) {
    const at = t - (e.offset ? seconds(e.offset) : 0);
    return this.series.filter(
      ({ labels, s }) =>
        labels.__name__ === e.metric &&
        e.matchers.every((m) => matches(m, labels)) &&
        (s.from ?? -Infinity) <= at &&
        (s.until ?? Infinity) >= at - LOOKBACK
    );
  }

  private vector(e: Expr, t: number): Sample[] {
    const v = this.eval(e, t);
    if (v.kind !== 'vector') {
      throw new Error(`instant: expected a vector, got a ${v.kind}`);
    }
    return v.samples;
  }

  private eval(e: Expr, t: number): Value {
    switch (e.kind) {
      case 'number':
        return { kind: 'scalar', value: e.value };
      case 'string':
        return { kind: 'string', value: e.value };
      case 'selector': {
        if (e.range) {
          throw new Error('instant: a range selector outside rate()');
        }
        const at = t - (e.offset ? seconds(e.offset) : 0);
        return { kind: 'vector', samples: this.select(e, t).map(({ labels, s }) => ({ labels, value: s.value(at) })) };
      }
      case 'call':
        return this.call(e.fn, e.args, t);
      case 'agg':
        return { kind: 'vector', samples: this.aggregate(e, t) };
      case 'binary':
        return this.binary(e, t);
      case 'subquery':
        throw new Error('instant: subqueries are not supported');
    }
  }

  private call(fn: string, args: Expr[], t: number): Value {
    switch (fn) {
      case 'rate': {
        const sel = args[0];
        if (sel.kind !== 'selector' || !sel.range) {
          throw new Error('instant: rate() takes a range selector');
        }
        const w = seconds(sel.range);
        const at = t - (sel.offset ? seconds(sel.offset) : 0);
        const samples = this.select(sel, t).map(({ labels, s }) => {
          if (s.from !== undefined || s.until !== undefined) {
            throw new Error('instant: rate() over a series with gaps (extrapolation) is not supported');
          }
          return { labels: dropName(labels), value: (s.value(at) - s.value(at - w)) / w };
        });
        return { kind: 'vector', samples };
      }
      case 'vector': {
        const v = this.eval(args[0], t);
        if (v.kind !== 'scalar') {
          throw new Error('instant: vector() takes a scalar');
        }
        return { kind: 'vector', samples: [{ labels: {}, value: v.value }] };
      }
      case 'label_replace':
        return { kind: 'vector', samples: this.labelReplace(args, t) };
      case 'histogram_quantile':
        return { kind: 'vector', samples: this.histogramQuantile(args, t) };
      default:
        throw new Error(`instant: ${fn}() is not supported`);
    }
  }

  private labelReplace(args: Expr[], t: number): Sample[] {
    const [dst, repl, src, regex] = args.slice(1).map((a) => {
      if (a.kind !== 'string') {
        throw new Error('instant: label_replace takes string arguments');
      }
      return a.value;
    });
    const re = new RegExp(`^(?:${regex})$`, 's');
    const out = this.vector(args[0], t).map((x) => {
      const m = re.exec(x.labels[src] ?? '');
      if (!m) {
        return x;
      }
      const value = repl.replace(/\$(\d+)|\$\{(\d+)\}/g, (_, a, b) => m[Number(a ?? b)] ?? '');
      const labels = { ...x.labels, [dst]: value };
      if (value === '') {
        delete labels[dst];
      }
      return { labels, value: x.value };
    });
    return noDuplicates(out);
  }

  /** Prometheus's bucketQuantile (promql/quantile.go), for classic histograms. */
  private histogramQuantile(args: Expr[], t: number): Sample[] {
    const q = this.eval(args[0], t);
    if (q.kind !== 'scalar') {
      throw new Error('instant: histogram_quantile takes a scalar quantile');
    }
    const groups = new Map<string, { labels: Labels; buckets: Array<{ le: number; count: number }> }>();
    for (const x of this.vector(args[1], t)) {
      if (x.labels.le === undefined) {
        continue;
      }
      const labels = omit(dropName(x.labels), ['le']);
      const g = groups.get(key(labels)) ?? { labels, buckets: [] };
      g.buckets.push({ le: x.labels.le === '+Inf' ? Infinity : Number(x.labels.le), count: x.value });
      groups.set(key(labels), g);
    }
    return [...groups.values()].map(({ labels, buckets }) => ({ labels, value: quantile(q.value, buckets) }));
  }

  private aggregate(e: Extract<Expr, { kind: 'agg' }>, t: number): Sample[] {
    const input = this.vector(e.expr, t);
    const groups = new Map<string, { labels: Labels; xs: Sample[] }>();
    for (const x of input) {
      const labels = e.by ? pick(x.labels, e.by) : {};
      const g = groups.get(key(labels)) ?? { labels, xs: [] };
      g.xs.push(x);
      groups.set(key(labels), g);
    }
    const out: Sample[] = [];
    for (const { labels, xs } of groups.values()) {
      const vs = xs.map((x) => x.value);
      switch (e.op) {
        case 'sum':
          out.push({ labels, value: vs.reduce((a, b) => a + b, 0) });
          break;
        case 'avg':
          out.push({ labels, value: vs.reduce((a, b) => a + b, 0) / vs.length });
          break;
        case 'max':
        case 'min': {
          // NaN loses to any number, as in Prometheus; a group of NaNs stays NaN.
          const real = vs.filter((v) => !Number.isNaN(v));
          out.push({ labels, value: real.length ? (e.op === 'max' ? Math.max(...real) : Math.min(...real)) : NaN });
          break;
        }
        case 'count':
          out.push({ labels, value: vs.length });
          break;
        case 'group':
          out.push({ labels, value: 1 });
          break;
        case 'topk':
        case 'bottomk': {
          const k = this.eval(e.param!, t);
          if (k.kind !== 'scalar') {
            throw new Error('instant: topk/bottomk take a scalar k');
          }
          const sorted = [...xs].sort((a, b) => (e.op === 'topk' ? b.value - a.value : a.value - b.value));
          out.push(...sorted.slice(0, k.value));
          break;
        }
      }
    }
    return out;
  }

  private binary(e: Extract<Expr, { kind: 'binary' }>, t: number): Value {
    const l = this.eval(e.lhs, t);
    const r = this.eval(e.rhs, t);
    if (l.kind === 'string' || r.kind === 'string') {
      throw new Error('instant: no binary operators on strings');
    }
    const comparison = ['>', '<', '>=', '<=', '=='].includes(e.op);
    if (l.kind === 'scalar' && r.kind === 'scalar') {
      return { kind: 'scalar', value: arith(e.op, l.value, r.value) };
    }
    if (l.kind === 'scalar' || r.kind === 'scalar') {
      const vec = l.kind === 'vector' ? l.samples : (r as { samples: Sample[] }).samples;
      const out: Sample[] = [];
      for (const x of vec) {
        const [a, b] = l.kind === 'vector' ? [x.value, (r as { value: number }).value] : [l.value, x.value];
        const v = arith(e.op, a, b);
        const labels = comparison && !e.bool ? x.labels : dropName(x.labels);
        if (!comparison) {
          out.push({ labels, value: v });
        } else if (e.bool) {
          out.push({ labels, value: v });
        } else if (v === 1) {
          out.push({ labels, value: x.value });
        }
      }
      return { kind: 'vector', samples: out };
    }
    return { kind: 'vector', samples: vectorBinary(e.op, l.samples, r.samples, e.matching, e.bool, comparison) };
  }
}

function signature(l: Labels, m?: VectorMatching): string {
  if (m?.on) {
    return key(pick(l, m.on));
  }
  return key(omit(dropName(l), m?.ignoring ?? []));
}

function vectorBinary(
  op: string,
  lhs: Sample[],
  rhs: Sample[],
  m: VectorMatching | undefined,
  bool: boolean | undefined,
  comparison: boolean
): Sample[] {
  if (op === 'and' || op === 'or' || op === 'unless') {
    const rs = new Set(rhs.map((x) => signature(x.labels, m)));
    if (op === 'and') {
      return lhs.filter((x) => rs.has(signature(x.labels, m)));
    }
    if (op === 'unless') {
      return lhs.filter((x) => !rs.has(signature(x.labels, m)));
    }
    const ls = new Set(lhs.map((x) => signature(x.labels, m)));
    return [...lhs, ...rhs.filter((x) => !ls.has(signature(x.labels, m)))];
  }
  if (m?.groupRight) {
    throw new Error('instant: group_right is not supported');
  }
  const many = m?.groupLeft !== undefined;
  const bySig = new Map<string, Sample>();
  for (const x of rhs) {
    const s = signature(x.labels, m);
    if (bySig.has(s)) {
      throw new Error(`instant: many-to-many matching not allowed: duplicate series on the right side for ${s}`);
    }
    bySig.set(s, x);
  }
  const out: Sample[] = [];
  const matchedLeft = new Set<string>();
  for (const x of lhs) {
    const s = signature(x.labels, m);
    const y = bySig.get(s);
    if (!y) {
      continue;
    }
    if (!many) {
      if (matchedLeft.has(s)) {
        throw new Error(`instant: many-to-one matching must be explicit (group_left/group_right) for ${s}`);
      }
      matchedLeft.add(s);
    }
    const v = arith(op, x.value, y.value);
    if (comparison && !bool && v !== 1) {
      continue;
    }
    let labels = comparison && !bool ? { ...x.labels } : dropName(x.labels);
    if (!many) {
      labels = m?.on ? pick(labels, m.on) : omit(labels, m?.ignoring ?? []);
    } else {
      for (const n of m!.groupLeft!) {
        if (y.labels[n] !== undefined && y.labels[n] !== '') {
          labels[n] = y.labels[n];
        } else {
          delete labels[n];
        }
      }
    }
    out.push({ labels, value: comparison && !bool ? x.value : v });
  }
  return noDuplicates(out);
}

/** Arithmetic, or a comparison as 1/0. */
function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '>':
      return a > b ? 1 : 0;
    case '<':
      return a < b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
  }
  throw new Error(`instant: operator ${op} is not supported here`);
}

function quantile(q: number, raw: Array<{ le: number; count: number }>): number {
  if (q < 0) {
    return -Infinity;
  }
  if (q > 1) {
    return Infinity;
  }
  const buckets = [...raw].sort((a, b) => a.le - b.le);
  if (buckets.length < 2 || buckets[buckets.length - 1].le !== Infinity) {
    return NaN;
  }
  // Monotonic counts, as Prometheus forces them (ensureMonotonic).
  for (let i = 1; i < buckets.length; i++) {
    buckets[i].count = Math.max(buckets[i].count, buckets[i - 1].count);
  }
  const total = buckets[buckets.length - 1].count;
  if (total === 0 || Number.isNaN(total)) {
    return NaN;
  }
  let rank = q * total;
  const b = buckets.findIndex((x) => x.count >= rank);
  if (b === buckets.length - 1) {
    return buckets[buckets.length - 2].le;
  }
  if (b === 0 && buckets[0].le <= 0) {
    return buckets[0].le;
  }
  let start = 0;
  let count = buckets[b].count;
  if (b > 0) {
    start = buckets[b - 1].le;
    count -= buckets[b - 1].count;
    rank -= buckets[b - 1].count;
  }
  return start + (buckets[b].le - start) * (rank / count);
}
