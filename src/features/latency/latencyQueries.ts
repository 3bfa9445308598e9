/**
 * The Latency page's queries, from the model: the table's instant p50/p90/p99 and client buckets, and the chart's
 * p99 added per workload over time. The chart's list is where an interval band goes (its bounds as two more queries
 * with refIds `p99_low`/`p99_high`, drawn by the chart's field overrides), so the page need not change for it.
 */
import type { MeshDef } from '../../model/catalogue';
import type { FigureOptions } from '../../model/figures';
import { addedLatency, sideBuckets, type LatencyMethod } from '../../model/latency';
import { render } from '../../model/promql/render';
import type { Selection } from '../../model/scope';

export interface SceneQuery {
  refId: string;
  expr: string;
  instant: boolean;
  range: boolean;
  legendFormat?: string;
}

type Histograms = NonNullable<MeshDef['latency']>;

const added = (h: Histograms, o: FigureOptions, method: LatencyMethod, quantile: number, s: Selection) =>
  // The page's variable picks the method; the baseline offset is the configured one.
  render(addedLatency(h, { ...o.latency, method, quantile }, s));

export function latencyTableQueries(
  h: Histograms,
  o: FigureOptions,
  method: LatencyMethod,
  s: Selection
): SceneQuery[] {
  return [
    ...[0.5, 0.9, 0.99].map((q) => ({
      refId: `p${Math.round(q * 100)}`,
      expr: added(h, o, method, q, s),
      instant: true,
      range: false,
    })),
    { refId: 'buckets', expr: render(sideBuckets(h.client, s)), instant: true, range: false },
  ];
}

/** p99 added per workload, as a range query for the chart (one line per workload). */
export function latencyChartQueries(
  h: Histograms,
  o: FigureOptions,
  method: LatencyMethod,
  s: Selection
): SceneQuery[] {
  return [
    {
      refId: 'p99',
      expr: added(h, o, method, 0.99, s),
      instant: false,
      range: true,
      legendFormat: '{{namespace}}/{{workload}}',
    },
  ];
}
