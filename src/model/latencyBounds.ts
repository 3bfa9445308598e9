/**
 * How far a quantile added can be trusted, and the one latency figure interpolation cannot blur (issue #18).
 *
 * histogram_quantile interpolates inside the bucket where the rank falls, so a side's true quantile lies somewhere in
 * that bucket, (lower, upper]. The true quantile added (client minus server) therefore lies in
 * [client lower − server upper, client upper − server lower]. The mean added comes from `_sum` / `_count`: exact.
 *
 * PromQL cannot turn an `le` label into a value, so the bucket's bounds are read with histogram_quantile itself, on an
 * indicator histogram I(le) = [count(le) >= q · count(+Inf)] (0 below the bucket holding rank q, 1 from it on): its
 * quantile 1 is that bucket's upper bound, its quantile 0.5 the bucket's midpoint, so lower = 2 · midpoint − upper.
 * The comparison multiplies q by the total exactly as histogram_quantile computes its rank, so both pick one bucket.
 */
import type { HistogramSide } from './catalogue';
import type { Expr, Matcher } from './promql/ast';
import { agg, bin, div, eq, histogramQuantile, mul, num, rate, sel, sub, withOffset } from './promql/dsl';
import { QueryInputError } from './promql/escape';
import { DEFAULT_BASELINE_OFFSET } from './options/defaults';
import {
  DEFAULT_APP_HISTOGRAM,
  normalise,
  sideBy,
  sideSelector,
  type AppHistogram,
  type LatencyOptions,
} from './latency';
import { groupLabels, scopeMatchers, withWorkload, type Selection } from './scope';

export type BucketEnd = 'lower' | 'upper';

/** One histogram as the bounds and the mean need it: per-`le` rates, its own companions, and how to group. */
interface Histogram {
  /** sum by (`by` + le) of the bucket rates, narrowed by `extra` (le="+Inf" for the total). */
  buckets: (extra: Matcher[], by: string[]) => Expr;
  /** The rate of `_sum` or `_count`, summed by `by`. */
  companion: (suffix: '_sum' | '_count', by: string[]) => Expr;
  /** The grouping labels (without `le`) the rates are summed by. */
  by: string[];
  toMs: number;
  /** To the selection's common labels (namespace, workload), one value per group. */
  normalise: (e: Expr) => Expr;
}

const orNone = (by: string[]) => (by.length ? by : undefined);

/** `<name>_bucket` → `<name>_sum`; Prometheus histograms always come as these three series. */
export function companionMetric(bucketMetric: string, suffix: '_sum' | '_count'): string {
  if (!bucketMetric.endsWith('_bucket')) {
    throw new QueryInputError('latency', `${bucketMetric} is not a histogram's _bucket series`);
  }
  return bucketMetric.slice(0, -'_bucket'.length) + suffix;
}

function sideHistogram(side: HistogramSide, s: Selection, offset?: string): Histogram {
  const at = (e: Expr) => (offset ? withOffset(e, offset) : e);
  return {
    buckets: (extra, by) => agg('sum', rate(at(sideSelector(side, s, ...extra)), s.window), orNone(by)),
    companion: (suffix, by) =>
      agg(
        'sum',
        rate(at(sideSelector({ ...side, metric: companionMetric(side.metric, suffix) }, s)), s.window),
        orNone(by)
      ),
    by: sideBy(side, s).filter((l) => l !== 'le'),
    toMs: side.toMs,
    normalise: (e) => normalise(e, side, s),
  };
}

function appHistogram(app: AppHistogram, s: Selection): Histogram {
  if (s.groupBy !== 'workload') {
    throw new QueryInputError(
      'groupBy',
      'app-vs-mesh compares each workload with its own histogram: group by workload'
    );
  }
  const perWorkload = (metric: string, extra: Matcher[], by: string[]) =>
    agg('sum', withWorkload(rate(sel(metric, ...scopeMatchers(s), ...extra), s.window), s), by);
  const by = ['cluster', 'namespace', 'workload'];
  return {
    buckets: (extra, b) => perWorkload(app.metric, extra, b),
    companion: (suffix, b) => perWorkload(companionMetric(app.metric, suffix), [], b),
    by,
    toMs: app.toMs,
    normalise: (e) => agg('max', e, groupLabels('workload')),
  };
}

/** I(le): 1 from the bucket holding rank q on, 0 below it; absent where nothing was observed (no rank to hold). */
function holding(h: Histogram, q: number): Expr {
  const total = h.buckets([eq('le', '+Inf')], h.by);
  const observed = bin('>', total, num(0));
  return bin('>=', h.buckets([], [...h.by, 'le']), mul(num(q), observed), { on: h.by, groupLeft: [] }, true);
}

const inMs = (h: Histogram, e: Expr) => h.normalise(h.toMs === 1 ? e : mul(e, num(h.toMs)));

/**
 * The bound of the bucket holding one side's q-quantile, in ms. When the rank falls in +Inf there is no upper bound:
 * histogram_quantile would say the highest finite bound, so the upper end divides by "a finite bucket holds it"
 * (I summed over le is 1 when only +Inf holds it) and becomes +Inf, which the report turns into a reason.
 */
function bucketBound(h: Histogram, q: number, end: BucketEnd): Expr {
  const upper = histogramQuantile(1, holding(h, q));
  if (end === 'upper') {
    const finite = bin('>', agg('sum', holding(h, q), orNone(h.by)), num(1), undefined, true);
    return inMs(h, div(upper, finite));
  }
  return inMs(h, sub(mul(num(2), histogramQuantile(0.5, holding(h, q))), upper));
}

function meanOf(h: Histogram): Expr {
  return inMs(h, div(h.companion('_sum', h.by), h.companion('_count', h.by)));
}

/** The bound of the bucket one reporting side's q-quantile fell in (the report's clientBucketMs / serverBucketMs). */
export function sideBucketBound(side: HistogramSide, q: number, s: Selection, end: BucketEnd): Expr {
  return bucketBound(sideHistogram(side, s), q, end);
}

/** What the client side is compared with, per method: the server side, the app's own histogram, or itself earlier. */
function reference(sides: { client: HistogramSide; server: HistogramSide }, o: LatencyOptions, s: Selection) {
  switch (o.method) {
    case 'reporter-delta':
      return sideHistogram(sides.server, s);
    case 'app-vs-mesh':
      return appHistogram(o.app ?? DEFAULT_APP_HISTOGRAM, s);
    case 'baseline':
      return sideHistogram(sides.client, s, o.baselineOffset ?? DEFAULT_BASELINE_OFFSET);
  }
}

/** One end of the interval that holds the true quantile added: client lower − reference upper, or the reverse. */
export function addedLatencyBound(
  sides: { client: HistogramSide; server: HistogramSide },
  o: LatencyOptions,
  s: Selection,
  end: BucketEnd
): Expr {
  const client = sideHistogram(sides.client, s);
  const ref = reference(sides, o, s);
  return end === 'lower'
    ? sub(bucketBound(client, o.quantile, 'lower'), bucketBound(ref, o.quantile, 'upper'))
    : sub(bucketBound(client, o.quantile, 'upper'), bucketBound(ref, o.quantile, 'lower'));
}

/** The mean added, exact: mean(client) − mean(reference), each from `rate(_sum) / rate(_count)`. */
export function meanAddedLatency(
  sides: { client: HistogramSide; server: HistogramSide },
  o: LatencyOptions,
  s: Selection
): Expr {
  return sub(meanOf(sideHistogram(sides.client, s)), meanOf(reference(sides, o, s)));
}
