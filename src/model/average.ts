/**
 * `averageOver`: a figure as its mean over [time - span, time] instead of its value at one instant. "Monthly"
 * from a 5-minute rate swings with the hour; the mean over a week does not.
 *
 * One rewrite of the figure's finished AST, so every figure (cost, shares, pods, latency, idle) averages the same way
 * and no builder can forget to:
 * - a counter's rate takes the whole span as its window: rate(x[span]) is the exact mean of the per-second rate over
 *   the span (the counter's increase divided by the span), not a mean of 5-minute rates;
 * - a gauge read at an instant (working set, requests, allocatable, OpenCost's node prices, kube-state-metrics'
 *   info series) becomes avg_over_time(x[span]), the mean of its samples in the span.
 * Each input series is averaged once, where it is read, and the figure's arithmetic runs on the means: nothing is
 * averaged twice and no window is nested in another. A cost is then mean(usage) x mean(price) per container, which
 * is the mean cost exactly while a node's price holds still over the span (flat rates always do).
 * A series that ran for only part of the span counts at its mean while it ran for gauges, and at its share of the
 * span for counters (rate divides by the whole span): with no pod churn the two agree.
 */
import type { Expr } from './promql/ast';
import { call, range } from './promql/dsl';
import type { Selection } from './scope';

/** Range functions whose meaning over the whole span is the mean we want. Any other is refused, not guessed. */
const SPAN_RATES = new Set(['rate', 'increase']);

export function averaged(e: Expr, span: string): Expr {
  switch (e.kind) {
    case 'selector':
      if (e.range) {
        throw new Error(`averageOver: a range selector outside rate() (${e.metric}) has no defined mean`);
      }
      return call('avg_over_time', range(e, span));
    case 'call': {
      const [first, ...rest] = e.args;
      if (SPAN_RATES.has(e.fn) && first?.kind === 'selector' && first.range) {
        return { ...e, args: [range(first, span), ...rest] };
      }
      return { ...e, args: e.args.map((a) => averaged(a, span)) };
    }
    case 'agg':
      // A topk/bottomk count or a quantile parameter is a number: averaging leaves numbers alone.
      return { ...e, expr: averaged(e.expr, span), ...(e.param ? { param: averaged(e.param, span) } : {}) };
    case 'binary':
      return { ...e, lhs: averaged(e.lhs, span), rhs: averaged(e.rhs, span) };
    case 'subquery':
      throw new Error('averageOver: a subquery has no defined mean here');
    default:
      return e;
  }
}

/** The figure as the selection asks for it: averaged when it has an `averageOver`, else unchanged (an instant). */
export function asSelected(e: Expr, s: Pick<Selection, 'averageOver'>): Expr {
  return s.averageOver ? averaged(e, s.averageOver) : e;
}
