/**
 * One parser per field: a raw value (a stored number, typed text, a flag) to its typed value, or an Error whose
 * message says what is wrong without naming the field (each surface puts its own label or flag in front).
 */
import { LATENCY_METHODS, type LatencyMethod } from '../latency';
import { durationProblem, durationSeconds, regexProblem } from '../promql/escape';
import type { Basis } from '../resources';
import type { OptionField } from './fields';
import type { PricingSource } from './types';

export const PRICING_SOURCES: PricingSource[] = ['auto', 'flat', 'opencost'];
export const BASES: Basis[] = ['usage', 'requests', 'max'];

/** How a raw value reads in a message: a number as typed (-2), other text quoted ("abc"). */
function shown(raw: unknown): string {
  if (typeof raw !== 'string') {
    return String(raw);
  }
  if (raw.trim() === '') {
    return 'an empty value';
  }
  return Number.isFinite(Number(raw)) ? raw.trim() : `"${raw}"`;
}

/** Numbers may arrive as text (forms, URLs); empty text is no number at all. */
function toNumber(raw: unknown): number {
  if (typeof raw === 'number') {
    return raw;
  }
  return typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
}

const price = (raw: unknown) => {
  const v = toNumber(raw);
  if (!Number.isFinite(v) || v < 0 || v > 100) {
    throw new Error(`${shown(raw)} is not a price between 0 and 100`);
  }
  return v;
};

const hoursPerMonth = (raw: unknown) => {
  const v = toNumber(raw);
  if (!Number.isFinite(v) || v <= 0 || v > 744) {
    throw new Error(`${shown(raw)} must be above 0 and at most 744 (31 days)`);
  }
  return v;
};

const idleRps = (raw: unknown) => {
  const v = toNumber(raw);
  if (!Number.isFinite(v) || v < 0) {
    throw new Error(`${shown(raw)} is not a request rate (0 or more requests per second)`);
  }
  return v;
};

function oneOf<T extends string>(choices: readonly T[]) {
  return (raw: unknown): T => {
    if (!choices.includes(raw as T)) {
      throw new Error(`${shown(raw)} must be ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`);
    }
    return raw as T;
  };
}

/** A regex as Prometheus parses it (RE2); empty text means none. */
const regex = (raw: unknown): string | undefined => {
  if (typeof raw !== 'string') {
    throw new Error(`${shown(raw)} is not a regular expression`);
  }
  const problem = raw === '' ? undefined : regexProblem(raw);
  if (problem) {
    throw new Error(problem);
  }
  return raw || undefined;
};

function duration(raw: unknown, grafanaMacros: boolean): string {
  const d = typeof raw === 'string' ? raw : '';
  const problem = durationProblem(d);
  if (problem) {
    throw new Error(typeof raw === 'string' ? problem : `${shown(raw)} is not a Prometheus duration`);
  }
  if (d.startsWith('$__')) {
    if (!grafanaMacros) {
      throw new Error(`"${d}" has no fixed length: give a duration such as 1d or 1w`);
    }
    return d;
  }
  if (durationSeconds(d) <= 0) {
    throw new Error('must be longer than 0s');
  }
  return d;
}

/** Empty text means none (the instant value); a Grafana macro has no fixed length before Grafana substitutes it. */
const averageOver = (raw: unknown): string | undefined => (raw === '' ? undefined : duration(raw, false));

const flag = (raw: unknown) => {
  if (typeof raw !== 'boolean') {
    throw new Error(`${shown(raw)} is not true or false`);
  }
  return raw;
};

/** Each field's parser. Grafana substitutes its interval macros in a window, never in an offset. */
export const PARSERS = {
  pricingSource: oneOf(PRICING_SOURCES),
  cpuHourUsd: price,
  gibHourUsd: price,
  hoursPerMonth,
  basis: oneOf(BASES),
  idleRps,
  latencyMethod: oneOf<LatencyMethod>(LATENCY_METHODS),
  baselineOffset: (raw: unknown) => duration(raw, false),
  window: (raw: unknown) => duration(raw, true),
  averageOver,
  namespaceExclude: regex,
  customContainer: regex,
  customControlPlaneNamespace: regex,
  customControlPlanePod: regex,
  useRecordingRules: flag,
} satisfies Record<OptionField, (raw: unknown) => unknown>;
