/**
 * The resolver: raw values by field (from stored settings, CLI flags or a form's draft) to the options, with every
 * invalid field's message keyed by field. An invalid or missing field takes its default, so a page can still draw
 * from settings saved by an older version while the configuration page shows what is wrong.
 */
import type { CustomMesh } from '../catalogue';
import { DEFAULT_OPTIONS } from './defaults';
import { OPTION_FIELDS, OptionsError, type OptionErrors, type OptionField, type OptionValues } from './fields';
import type { MeshTaxOptions } from './types';
import { PARSERS } from './validate';

type Parsed = { [K in OptionField]: ReturnType<(typeof PARSERS)[K]> };

export interface Resolved {
  options: MeshTaxOptions;
  /** Empty when every given value is valid. */
  errors: OptionErrors;
}

/** The defaults as raw values, so that a missing field parses like a given one. */
function defaultValues(d: MeshTaxOptions): Parsed {
  return {
    pricingSource: d.pricingSource,
    cpuHourUsd: d.prices.cpuHourUsd,
    gibHourUsd: d.prices.gibHourUsd,
    hoursPerMonth: d.prices.hoursPerMonth,
    basis: d.basis,
    idleRps: d.idleRps,
    latencyMethod: d.latency.method,
    baselineOffset: d.latency.baselineOffset,
    window: d.window,
    averageOver: d.averageOver,
    namespaceExclude: d.namespaceExclude,
    customContainer: d.custom?.container,
    customControlPlaneNamespace: d.custom?.controlPlane?.namespace,
    customControlPlanePod: d.custom?.controlPlane?.pod,
    useRecordingRules: d.useRecordingRules,
  };
}

function customOf(v: Parsed): CustomMesh | undefined {
  if (!v.customContainer) {
    return undefined;
  }
  const { customControlPlaneNamespace: namespace, customControlPlanePod: pod } = v;
  return { container: v.customContainer, controlPlane: namespace || pod ? { namespace, pod } : undefined };
}

export function resolveOptions(values: OptionValues, defaults: MeshTaxOptions = DEFAULT_OPTIONS): Resolved {
  const v = defaultValues(defaults) as Record<OptionField, unknown>;
  const errors: OptionErrors = {};
  for (const field of OPTION_FIELDS) {
    const raw = values[field];
    if (raw === undefined || raw === null) {
      continue;
    }
    try {
      v[field] = PARSERS[field](raw);
    } catch (e) {
      errors[field] = (e as Error).message;
    }
  }
  const p = v as Parsed;
  return {
    options: {
      pricingSource: p.pricingSource,
      prices: { cpuHourUsd: p.cpuHourUsd, gibHourUsd: p.gibHourUsd, hoursPerMonth: p.hoursPerMonth },
      basis: p.basis,
      latency: { method: p.latencyMethod, quantile: defaults.latency.quantile, baselineOffset: p.baselineOffset },
      idleRps: p.idleRps,
      window: p.window,
      ...(p.averageOver ? { averageOver: p.averageOver } : {}),
      namespaceExclude: p.namespaceExclude,
      custom: customOf(p),
      useRecordingRules: p.useRecordingRules,
    },
    errors,
  };
}

/** The options, or an OptionsError carrying every invalid field, for callers with no form to show errors in. */
export function resolveOrThrow(values: OptionValues, defaults: MeshTaxOptions = DEFAULT_OPTIONS): MeshTaxOptions {
  const { options, errors } = resolveOptions(values, defaults);
  if (Object.keys(errors).length > 0) {
    throw new OptionsError(errors);
  }
  return options;
}
