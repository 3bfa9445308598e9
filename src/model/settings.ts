/**
 * The app's saved settings (plugin jsonData) in and out of the options contract. Pure: the app, the configuration
 * page and the browser host's expected figures resolve them the same way.
 */
import { DEFAULT_OPTIONS } from './options/defaults';
import type { OptionValues } from './options/fields';
import { resolveOptions, type Resolved } from './options/resolve';
import type { MeshTaxOptions, StoredSettings } from './options/types';

/** Stored keys that are option fields; the same names on both sides, so the mapping is the identity. */
const STORED_FIELDS = [
  'pricingSource',
  'cpuHourUsd',
  'gibHourUsd',
  'hoursPerMonth',
  'basis',
  'customContainer',
  'namespaceExclude',
  'idleRps',
] as const satisfies ReadonlyArray<keyof StoredSettings & keyof OptionValues>;

/** The option fields of saved jsonData (anything: it may be missing, partial or hand-edited). */
export function storedValues(jsonData: unknown): OptionValues {
  const o = (jsonData && typeof jsonData === 'object' ? jsonData : {}) as Record<string, unknown>;
  return Object.fromEntries(STORED_FIELDS.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

export interface AppSettings extends Resolved {
  defaultDatasourceUid?: string;
}

/** Nothing saved yet. */
export const DEFAULT_SETTINGS: AppSettings = { options: DEFAULT_OPTIONS, errors: {} };

/** What every page of the app reads: the saved settings resolved once. */
export function resolveStoredSettings(jsonData: unknown): AppSettings {
  const uid = (jsonData as StoredSettings | undefined)?.defaultDatasourceUid;
  return { ...resolveOptions(storedValues(jsonData)), defaultDatasourceUid: typeof uid === 'string' ? uid : undefined };
}

/** The jsonData to save for these options (the stored shape is kept exactly). */
export function toStoredSettings(o: MeshTaxOptions, defaultDatasourceUid?: string): StoredSettings {
  return {
    ...(defaultDatasourceUid ? { defaultDatasourceUid } : {}),
    pricingSource: o.pricingSource,
    cpuHourUsd: o.prices.cpuHourUsd,
    gibHourUsd: o.prices.gibHourUsd,
    hoursPerMonth: o.prices.hoursPerMonth,
    basis: o.basis,
    ...(o.custom ? { customContainer: o.custom.container } : {}),
    ...(o.namespaceExclude ? { namespaceExclude: o.namespaceExclude } : {}),
    idleRps: o.idleRps,
  };
}
