/**
 * What a figure's range query will cost Prometheus, before running it. A range query holds about one sample per
 * series its selectors match per point (measured by `npm run bench`: peakSamples is linear in points, whatever the
 * range), plus its intermediate results; Prometheus refuses a query above --query.max-samples (50M by default).
 */
import type { Expr } from './promql/ast';
import { add, agg, bin, call, num } from './promql/dsl';
import { render } from './promql/render';

export const DEFAULT_MAX_SAMPLES = 50_000_000;

/** The distinct selectors an expression reads, without their range (offsets kept: they read other samples). */
export function selectorsOf(e: Expr, out = new Map<string, Expr>()): Expr[] {
  switch (e.kind) {
    case 'selector': {
      const instant: Expr = { kind: 'selector', metric: e.metric, matchers: e.matchers, offset: e.offset };
      out.set(render(instant), instant);
      break;
    }
    case 'call':
      e.args.forEach((a) => selectorsOf(a, out));
      break;
    case 'agg':
      selectorsOf(e.expr, out);
      break;
    case 'binary':
      selectorsOf(e.lhs, out);
      selectorsOf(e.rhs, out);
      break;
    case 'subquery':
      selectorsOf(e.expr, out);
      break;
  }
  return [...out.values()];
}

/** One instant query: how many series the expression's selectors match (0 for those that match none). */
export function seriesTouchedExpr(e: Expr): Expr {
  const counts = selectorsOf(e).map((s) => bin('or', agg('count', s), call('vector', num(0))));
  return counts.length ? counts.reduce((a, b) => add(a, b)) : num(0);
}

/**
 * series touched x points. Over the model's figures the measured peakSamples is 0.9x to 2.3x of it (an inner
 * `sum by` holds as many series again): see queryCost.int.test.ts.
 */
export function estimatedPeakSamples(seriesTouched: number, points: number): number {
  return seriesTouched * points;
}

/** True when the range query is likely to be refused: at twice the estimate, it would pass max-samples. */
export function likelyOverMaxSamples(seriesTouched: number, points: number, maxSamples = DEFAULT_MAX_SAMPLES): boolean {
  return estimatedPeakSamples(seriesTouched, points) > maxSamples / 2;
}
