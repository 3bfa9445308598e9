/**
 * Why a figure has no value. A figure is a finite number or null with a reason: Prometheus's NaN (0/0,
 * histogram_quantile without +Inf or without requests) and ±Inf (x/0) become null with the likely cause.
 * An empty answer is told apart from a real zero by probing the metrics the query reads (emptyExplainedBy).
 */
import type { Figure } from './figures';
import { metricsOf } from './metrics';
import type { Expr } from './promql/ast';

/**
 * `missing`: the absent metrics that explain an empty answer (from emptyExplainedBy); an empty list means every
 * input is there and nothing qualified. Without it, the reason lists every metric the query reads.
 */
export function unavailableReason(
  f: Pick<Figure, 'unit' | 'ast'>,
  result: number | undefined,
  missing?: string[]
): string {
  const needs = [...metricsOf(f.ast)].join(', ');
  if (result === undefined) {
    if (missing === undefined) {
      return `no data: needs ${needs}`;
    }
    return missing.length
      ? `no data: needs ${missing.join(', ')}, absent from Prometheus`
      : `no data: nothing to measure (${needs} are present, but no series qualify)`;
  }
  if (f.unit === 'ms' && (result === Infinity || result === -Infinity)) {
    // Only the bucket-bound figures give ±Inf: histogram_quantile and _sum/_count give NaN.
    return `unbounded: the quantile fell in the +Inf bucket, above the highest finite bucket bound, so the buckets bound it on one side only (${needs})`;
  }
  if (f.unit === 'ms') {
    return `unavailable: histogram_quantile gave ${result}, because there were no requests in the window or the histogram has no le="+Inf" bucket (${needs})`;
  }
  if (f.unit === 'vcpuPer1kRps') {
    return `unavailable: no requests in the window, so CPU per 1000 requests is undefined (${result} from ${needs})`;
  }
  return `unavailable: the query gave ${result}, a division by zero (${needs} are 0 in the window)`;
}

/**
 * Which absent metrics make `e` empty; [] when none do (the inputs are there and nothing qualified). A selector is
 * empty when its metric is absent; `a or b` only when both are; `a unless b` when a is; any other operation
 * between two vectors (`and`, arithmetic, comparison) when either is.
 */
export function emptyExplainedBy(e: Expr, absent: Set<string>): string[] {
  const go = (x: Expr): Set<string> => {
    switch (x.kind) {
      case 'selector':
        return new Set(absent.has(x.metric) ? [x.metric] : []);
      case 'call':
        return union(x.args.map(go));
      case 'agg':
      case 'subquery':
        return go(x.expr);
      case 'binary': {
        const [l, r] = [go(x.lhs), go(x.rhs)];
        if (x.op === 'or') {
          return l.size && r.size ? union([l, r]) : new Set();
        }
        return x.op === 'unless' ? l : union([l, r]);
      }
      default:
        return new Set();
    }
  };
  return [...go(e)];
}

const union = (sets: Array<Set<string>>) => new Set(sets.flatMap((s) => [...s]));

/**
 * Figures that sum or count something (costs, cores, bytes, pods, requests, shares of a total): when every input is
 * present and nothing qualifies, their value is a measured 0. Averages, maxima, quantiles and rates per request
 * have no value over nothing.
 */
export function emptyMeansZero(figureId: string): boolean {
  // A share of requests, or a cost per request, has no value over no requests.
  return !/(PerPod(Avg|Max)|vcpuPer1kRps|\.latency\.|mtlsShare|costPerMillionRequests)/.test(figureId);
}
