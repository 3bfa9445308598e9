/**
 * Added latency from histograms. Methods:
 *  - reporter-delta: client-side p-quantile minus server-side (Istio source - destination, Linkerd outbound - inbound);
 *  - app-vs-mesh: client-side quantile minus the app's own server histogram, per workload;
 *  - baseline: client-side quantile now minus the same at an earlier time (offset).
 * histogram_quantile interpolates inside a bucket, so a result is only as precise as the bucket it fell in.
 */
import type { HistogramSide } from './catalogue';
import type { Expr, Matcher } from './promql/ast';
import { agg, histogramQuantile, labelReplace, mul, num, rate, sel, sub, withOffset, eq } from './promql/dsl';
import { DEFAULT_BASELINE_OFFSET } from './options/defaults';
import { QueryInputError } from './promql/escape';
import { groupLabels, scopeMatchers, withWorkload, type Selection } from './scope';

export type LatencyMethod = 'reporter-delta' | 'app-vs-mesh' | 'baseline';
export const LATENCY_METHODS: LatencyMethod[] = ['reporter-delta', 'app-vs-mesh', 'baseline'];

/** The app's own server histogram (OpenTelemetry semantic conventions by default). */
export interface AppHistogram {
  metric: string;
  toMs: number;
}
export const DEFAULT_APP_HISTOGRAM: AppHistogram = {
  metric: 'http_server_request_duration_seconds_bucket',
  toMs: 1000,
};

/** Renames the side's own namespace/workload labels to the common ones, then drops everything else. */
export function normalise(e: Expr, side: HistogramSide, s: Selection): Expr {
  let out = e;
  if (s.groupBy === 'namespace' || s.groupBy === 'workload') {
    if (side.namespaceLabel !== 'namespace') {
      out = labelReplace(out, 'namespace', '$1', side.namespaceLabel, '(.*)');
    }
  }
  if (s.groupBy === 'workload') {
    out = labelReplace(out, 'workload', '$1', side.workloadLabel, '(.*)');
  }
  const by = groupLabels(s.groupBy);
  return by.length ? agg('max', out, by) : out;
}

export function sideBy(side: HistogramSide, s: Selection): string[] {
  switch (s.groupBy) {
    case 'none':
      return ['le'];
    case 'cluster':
      return ['le', 'cluster'];
    case 'namespace':
      return ['le', 'cluster', side.namespaceLabel];
    case 'workload':
      return ['le', 'cluster', side.namespaceLabel, side.workloadLabel];
  }
}

export function sideSelector(side: HistogramSide, s: Selection, ...extra: Matcher[]): Expr {
  const matchers = [
    ...Object.entries(side.match).map(([k, v]) => eq(k, v)),
    ...scopeMatchers(s, { namespace: side.namespaceLabel, workload: side.workloadLabel }),
    ...extra,
  ];
  return sel(side.metric, ...matchers);
}

export function sideBuckets(side: HistogramSide, s: Selection, offset?: string): Expr {
  const selector = sideSelector(side, s);
  return agg('sum', rate(offset ? withOffset(selector, offset) : selector, s.window), sideBy(side, s));
}

export function sideQuantile(side: HistogramSide, q: number, s: Selection, offset?: string): Expr {
  const hq = histogramQuantile(q, sideBuckets(side, s, offset));
  return normalise(side.toMs === 1 ? hq : mul(hq, num(side.toMs)), side, s);
}

export function appQuantile(app: AppHistogram, q: number, s: Selection): Expr {
  if (s.groupBy !== 'workload') {
    throw new QueryInputError(
      'groupBy',
      'app-vs-mesh compares each workload with its own histogram: group by workload'
    );
  }
  const selector = sel(app.metric, ...scopeMatchers(s));
  const buckets = agg('sum', withWorkload(rate(selector, s.window), s), ['le', 'cluster', 'namespace', 'workload']);
  const hq = histogramQuantile(q, buckets);
  return agg('max', app.toMs === 1 ? hq : mul(hq, num(app.toMs)), groupLabels('workload'));
}

export interface LatencyOptions {
  method: LatencyMethod;
  quantile: number;
  baselineOffset?: string;
  app?: AppHistogram;
}

export function addedLatency(
  sides: { client: HistogramSide; server: HistogramSide },
  o: LatencyOptions,
  s: Selection
): Expr {
  const client = sideQuantile(sides.client, o.quantile, s);
  switch (o.method) {
    case 'reporter-delta':
      return sub(client, sideQuantile(sides.server, o.quantile, s));
    case 'app-vs-mesh':
      return sub(client, appQuantile(o.app ?? DEFAULT_APP_HISTOGRAM, o.quantile, s));
    case 'baseline':
      return sub(client, sideQuantile(sides.client, o.quantile, s, o.baselineOffset ?? DEFAULT_BASELINE_OFFSET));
  }
}
