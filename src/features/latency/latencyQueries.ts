/**
 * The Latency and Workload pages' queries, from the model: per quantile the value added and the two ends of the
 * interval that holds the true value (issue #18), the exact mean added, and the chart's p99 added over time with its
 * interval as two more series (`p99_low`, `p99_high`) that the chart draws as a band (issue #16 §3).
 */
import type { MeshDef } from '../../model/catalogue';
import type { FigureOptions } from '../../model/figures';
import { addedLatency, type LatencyMethod } from '../../model/latency';
import { addedLatencyBound, meanAddedLatency, type BucketEnd } from '../../model/latencyBounds';
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

export const QUANTILES = [0.5, 0.9, 0.99] as const;
export type Quantile = (typeof QUANTILES)[number];

/** `p99` for the value, `p99_low` / `p99_high` for the interval's ends. */
export function quantileRef(q: Quantile, end?: BucketEnd): string {
  const base = `p${Math.round(q * 100)}`;
  return end ? `${base}_${end === 'lower' ? 'low' : 'high'}` : base;
}
export const MEAN_REF = 'mean';

/** Suffixes of the band's series names: "shop/cart lower", "shop/cart upper" around "shop/cart". */
export const BAND_SUFFIX: Record<BucketEnd, string> = { lower: ' lower', upper: ' upper' };

const WORKLOAD_LEGEND = '{{namespace}}/{{workload}}';

/** The page's variable picks the method; the baseline offset is the configured one. */
const optionsOf = (o: FigureOptions, method: LatencyMethod, quantile: number) => ({ ...o.latency, method, quantile });

function quantileQueries(h: Histograms, o: FigureOptions, method: LatencyMethod, q: Quantile, s: Selection) {
  const lo = optionsOf(o, method, q);
  return [
    { refId: quantileRef(q), expr: render(addedLatency(h, lo, s)), end: undefined },
    { refId: quantileRef(q, 'lower'), expr: render(addedLatencyBound(h, lo, s, 'lower')), end: 'lower' as const },
    { refId: quantileRef(q, 'upper'), expr: render(addedLatencyBound(h, lo, s, 'upper')), end: 'upper' as const },
  ];
}

/** The table: p50, p90 and p99 added with their intervals, and the mean added, at the range's end. */
export function latencyTableQueries(
  h: Histograms,
  o: FigureOptions,
  method: LatencyMethod,
  s: Selection
): SceneQuery[] {
  return [
    ...QUANTILES.flatMap((q) => quantileQueries(h, o, method, q, s)).map(({ refId, expr }) => ({
      refId,
      expr,
      instant: true,
      range: false,
    })),
    {
      refId: MEAN_REF,
      expr: render(meanAddedLatency(h, optionsOf(o, method, 0.99), s)),
      instant: true,
      range: false,
    },
  ];
}

/**
 * Quantiles added per workload over time (one line per workload and quantile), with the p99's interval's ends for the
 * band. `named`: the legend starts with the quantile ("p99 shop/cart"), for a chart that shows several.
 */
export function latencyChartQueries(
  h: Histograms,
  o: FigureOptions,
  method: LatencyMethod,
  s: Selection,
  quantiles: readonly Quantile[] = [0.99],
  named = false
): SceneQuery[] {
  return quantiles.flatMap((q) =>
    quantileQueries(h, o, method, q, s)
      // Only the p99 gets a band: three bands on one chart hide each other.
      .filter((x) => x.end === undefined || q === 0.99)
      .map(({ refId, expr, end }) => ({
        refId,
        expr,
        instant: false,
        range: true,
        legendFormat: `${named ? `${quantileRef(q)} ` : ''}${WORKLOAD_LEGEND}${end ? BAND_SUFFIX[end] : ''}`,
      }))
  );
}
