/**
 * The query builder's state: every input as the text the user typed (so bad input is never lost), its URL form,
 * and how it becomes a Selection, FigureOptions and one figure of figureSet.ts. The UI only edits this state.
 */
import { LATENCY_METHODS, type LatencyMethod } from '../latency';
import { staticPriceSource } from '../options/figureOptions';
import type { MeshTaxOptions } from '../options/types';
import { BASES } from '../options/validate';
import type { Basis } from '../resources';
import type { Grouping } from '../scope';
import { BUILDER_FIGURES, type BuilderFigureKind } from './catalogue';

export type PriceSource = 'auto' | 'flat' | 'opencost';

export interface BuilderState {
  /** Data source uid; empty: the configured default. */
  datasource: string;
  /** Mesh id; empty: the first detected mesh. */
  mesh: string;
  figure: BuilderFigureKind;
  method: LatencyMethod;
  baselineOffset: string;
  cluster: string;
  namespaceInclude: string;
  namespaceExclude: string;
  workloadInclude: string;
  groupBy: Grouping;
  window: string;
  basis: Basis;
  priceSource: PriceSource;
  cpuHourUsd: string;
  gibHourUsd: string;
  hoursPerMonth: string;
  idleRps: string;
}

export type BuilderField = keyof BuilderState;

/** Short URL parameter names, so a shared link stays readable. */
export const URL_KEYS: Record<BuilderField, string> = {
  datasource: 'datasource',
  mesh: 'mesh',
  figure: 'figure',
  method: 'method',
  baselineOffset: 'offset',
  cluster: 'cluster',
  namespaceInclude: 'namespace',
  namespaceExclude: 'namespaceExclude',
  workloadInclude: 'workload',
  groupBy: 'groupBy',
  window: 'window',
  basis: 'basis',
  priceSource: 'pricing',
  cpuHourUsd: 'cpuHourUsd',
  gibHourUsd: 'gibHourUsd',
  hoursPerMonth: 'hoursPerMonth',
  idleRps: 'idleRps',
};

export const GROUPINGS: Grouping[] = ['none', 'cluster', 'namespace', 'workload'];
export { BASES };
export const PRICE_SOURCES: PriceSource[] = ['auto', 'flat', 'opencost'];

/** The state of a link without parameters: the app's resolved options fill in pricing, scope and latency. */
export function defaultState(o: MeshTaxOptions): BuilderState {
  return {
    datasource: '',
    mesh: '',
    figure: 'cpuShare',
    method: o.latency.method,
    baselineOffset: o.latency.baselineOffset,
    cluster: '',
    namespaceInclude: '',
    namespaceExclude: o.namespaceExclude ?? '',
    workloadInclude: '',
    groupBy: 'none',
    window: o.window,
    basis: o.basis,
    priceSource: staticPriceSource(o.pricingSource),
    cpuHourUsd: String(o.prices.cpuHourUsd),
    gibHourUsd: String(o.prices.gibHourUsd),
    hoursPerMonth: String(o.prices.hoursPerMonth),
    idleRps: String(o.idleRps),
  };
}

const ENUMS: Partial<Record<BuilderField, readonly string[]>> = {
  figure: BUILDER_FIGURES.map((f) => f.kind),
  method: LATENCY_METHODS,
  groupBy: GROUPINGS,
  basis: BASES,
  priceSource: PRICE_SOURCES,
};

/** Reads the state from URL parameters; a choice outside its list falls back to the default, text is kept as is. */
export function stateFromParams(params: URLSearchParams, defaults: BuilderState): BuilderState {
  const out = { ...defaults } as Record<BuilderField, string>;
  for (const field of Object.keys(URL_KEYS) as BuilderField[]) {
    const v = params.get(URL_KEYS[field]);
    if (v === null) {
      continue;
    }
    const allowed = ENUMS[field];
    if (!allowed || allowed.includes(v)) {
      out[field] = v;
    }
  }
  return out as unknown as BuilderState;
}

/** Writes the state over `base` (other parameters such as from/to stay); defaults are left out of the link. */
export function stateToParams(s: BuilderState, defaults: BuilderState, base = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(base);
  for (const field of Object.keys(URL_KEYS) as BuilderField[]) {
    if (s[field] === defaults[field]) {
      out.delete(URL_KEYS[field]);
    } else {
      out.set(URL_KEYS[field], s[field]);
    }
  }
  return out;
}
