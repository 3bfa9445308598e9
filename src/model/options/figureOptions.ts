/**
 * From the options to what the model builds figures from. The mapping from the chosen pricing source to the one a
 * query prices with ('opencost' or 'flat') is written here and nowhere else.
 */
import { CATALOGUE, customMesh, type MeshDef } from '../catalogue';
import type { FigureOptions } from '../figures';
import type { Pricing } from '../pricing';
import type { Selection } from '../scope';
import type { MeshTaxOptions, PricingSource } from './types';

/**
 * The source to price with where nothing can probe the data source first (scenes, dashboards, alert rules, rule
 * files, `meshtax queries`): "auto" stays auto, decided inside each query (pricing.ts), so these surfaces give the
 * report's answer. The report probes once and may use a cheaper equal query (`flat` where OpenCost is absent).
 */
export function staticPriceSource(s: PricingSource): Pricing['source'] {
  return s;
}

/** The catalogue, plus the custom mesh when one is configured. */
export function meshesOf(o: Pick<MeshTaxOptions, 'custom'>): MeshDef[] {
  return o.custom ? [...CATALOGUE, customMesh(o.custom)] : CATALOGUE;
}

/** `source` is what a probe found; without one, the static choice above. */
export function figureOptions(
  o: MeshTaxOptions,
  source: Pricing['source'] = staticPriceSource(o.pricingSource)
): FigureOptions {
  return {
    pricing: { source, ...o.prices },
    basis: o.basis,
    latency: o.latency,
    idleRps: o.idleRps,
    meshes: meshesOf(o),
    window: o.window,
    ...(o.namespaceExclude ? { namespaceExclude: o.namespaceExclude } : {}),
  };
}

/** What a selection takes from the options; the page or the flags add the scope (cluster, namespaces, grouping). */
export type Scope = Omit<Selection, 'window' | 'namespaceExclude' | 'useRecordingRules' | 'averageOver'>;

export function selectionOf(o: MeshTaxOptions, scope: Scope): Selection {
  return {
    ...scope,
    window: o.window,
    ...(o.namespaceExclude ? { namespaceExclude: o.namespaceExclude } : {}),
    ...(o.useRecordingRules ? { useRecordingRules: true } : {}),
    ...(o.averageOver ? { averageOver: o.averageOver } : {}),
  };
}
