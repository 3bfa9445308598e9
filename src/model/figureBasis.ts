/**
 * What a figure was computed with, as pages and panels say it beside the figure: the price source and the time
 * window. Pure, so the panels (whose options the dashboards set from here) and the app pages share one wording;
 * src/components/FigureBasis renders it with Grafana's formatters.
 */
import type { MeshTaxOptions, PricingSource } from './options/types';
import type { Prices } from './pricing';

export interface FigureBasisInfo {
  /** The chosen source. */
  pricingSource: PricingSource;
  /** What a probe found, where one ran (the report); absent where the query decides (scenes, dashboards). */
  found?: 'flat' | 'opencost';
  prices: Prices;
  /** The rate window; a Grafana macro where Grafana substitutes it. */
  window: string;
  /** Each figure is its mean over this span (average.ts); absent: the instant value. */
  averageOver?: string;
}

/** The basis of figures built from these options (a page passes the window it really uses, e.g. a macro). */
export function basisOf(
  o: Pick<MeshTaxOptions, 'pricingSource' | 'prices' | 'window' | 'averageOver'>,
  extra: Partial<Pick<FigureBasisInfo, 'found' | 'window'>> = {}
): FigureBasisInfo {
  return {
    pricingSource: o.pricingSource,
    prices: o.prices,
    window: extra.window ?? o.window,
    ...(o.averageOver ? { averageOver: o.averageOver } : {}),
    ...(extra.found ? { found: extra.found } : {}),
  };
}

export interface BasisWords {
  /** How prices were chosen, in words. */
  source: string;
  /** The flat rates are part of the answer (they priced some or all of it). */
  showsFlatRates: boolean;
  /** The time the figure covers, in words. */
  time: string;
}

const MACROS: Record<string, string> = {
  $__rate_interval: "Grafana's rate interval",
  $__interval: "Grafana's interval",
  $__range: "the dashboard's time range",
};

export function describeBasis(b: FigureBasisInfo): BasisWords {
  const chosen: PricingSource = b.found ?? b.pricingSource;
  const source =
    chosen === 'opencost'
      ? "OpenCost's node prices"
      : chosen === 'auto'
        ? "OpenCost's node prices where present, else flat rates"
        : b.pricingSource === 'auto'
          ? 'flat rates (no OpenCost prices found)'
          : 'flat rates';
  const window = MACROS[b.window] ?? b.window;
  return {
    source,
    showsFlatRates: chosen !== 'opencost',
    time: b.averageOver ? `mean over the ${b.averageOver} before the figure's time` : `instant, rates over ${window}`,
  };
}
