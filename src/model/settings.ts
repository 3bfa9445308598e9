/**
 * The app's saved settings (plugin jsonData), their defaults and their validation. Pure: the config page,
 * the overview and the tests share it. Every message names the field it is about.
 */
import { CATALOGUE, customMesh, type CustomMesh } from './catalogue';
import type { FigureOptions } from './figures';
import { assertRegex, QueryInputError } from './promql/escape';
import { DEFAULT_PRICING, validatePricing, type Pricing } from './pricing';
import type { Basis } from './resources';

export interface AppSettings {
  defaultDatasourceUid?: string;
  pricingSource: 'auto' | 'flat' | 'opencost';
  cpuHourUsd: number;
  gibHourUsd: number;
  hoursPerMonth: number;
  basis: Basis;
  customContainer?: string;
  namespaceExclude?: string;
  idleRps: number;
}

export const DEFAULT_SETTINGS: AppSettings = {
  pricingSource: 'auto',
  cpuHourUsd: DEFAULT_PRICING.cpuHourUsd,
  gibHourUsd: DEFAULT_PRICING.gibHourUsd,
  hoursPerMonth: DEFAULT_PRICING.hoursPerMonth,
  basis: 'usage',
  idleRps: 1,
};

export function withDefaults(saved: Partial<AppSettings> | undefined): AppSettings {
  return { ...DEFAULT_SETTINGS, ...(saved ?? {}) };
}

/** Field -> message for every invalid field; empty when the settings can be saved. */
export function settingsErrors(s: AppSettings): Record<string, string> {
  const errors: Record<string, string> = {};
  const attempt = (field: string, f: () => void) => {
    try {
      f();
    } catch (e) {
      errors[field] = e instanceof QueryInputError ? e.message.replace(/^[^:]+: /, '') : (e as Error).message;
    }
  };
  attempt('cpuHourUsd', () => validatePricing({ ...DEFAULT_PRICING, cpuHourUsd: s.cpuHourUsd }));
  attempt('gibHourUsd', () => validatePricing({ ...DEFAULT_PRICING, gibHourUsd: s.gibHourUsd }));
  attempt('hoursPerMonth', () => validatePricing({ ...DEFAULT_PRICING, hoursPerMonth: s.hoursPerMonth }));
  if (s.customContainer) {
    attempt('customContainer', () => assertRegex(s.customContainer!, 'custom container'));
  }
  if (s.namespaceExclude) {
    attempt('namespaceExclude', () => assertRegex(s.namespaceExclude!, 'namespace exclude'));
  }
  if (!Number.isFinite(s.idleRps) || s.idleRps < 0) {
    errors.idleRps = `${s.idleRps} is not a request rate (0 or more requests per second)`;
  }
  return errors;
}

export function pricingOf(s: AppSettings): Pricing {
  return {
    ...DEFAULT_PRICING,
    cpuHourUsd: s.cpuHourUsd,
    gibHourUsd: s.gibHourUsd,
    hoursPerMonth: s.hoursPerMonth,
    basis: s.basis,
  };
}

export function customOf(s: AppSettings): CustomMesh | undefined {
  return s.customContainer ? { container: s.customContainer } : undefined;
}

/**
 * Figure options for places that cannot probe the data source first (scenes, alert rules, rule files): "auto"
 * prices at the flat rates there; the overview's report probes for OpenCost instead.
 */
export function staticFigureOptions(s: AppSettings): FigureOptions {
  const custom = customOf(s);
  return {
    pricing: { ...pricingOf(s), source: s.pricingSource === 'opencost' ? 'opencost' : 'flat' },
    latency: { method: 'reporter-delta', quantile: 0.99 },
    idleRps: s.idleRps,
    meshes: custom ? [...CATALOGUE, customMesh(custom)] : CATALOGUE,
  };
}
