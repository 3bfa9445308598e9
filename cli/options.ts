/** Flag parsing shared by the CLI's commands: every bad value is rejected with a message naming its flag. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CustomMesh } from '../src/model/catalogue';
import { LATENCY_METHODS, type LatencyMethod } from '../src/model/latency';
import { DEFAULT_PRICING, validatePricing, type Pricing } from '../src/model/pricing';
import { assertDuration, assertRegex, QueryInputError } from '../src/model/promql/escape';
import type { Basis } from '../src/model/resources';
import type { Grouping, Selection } from '../src/model/scope';
import type { ReportInput } from '../src/model/report';

/** Turns a validator into a commander argument parser whose errors name the flag. */
export const wrap =
  <T>(f: (v: string) => T) =>
  (v: string) => {
    try {
      return f(v);
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
  };

export const number = wrap((v) => {
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) {
    throw new Error(`"${v}" is not a number`);
  }
  return x;
});
const duration = wrap((v) => assertDuration(v, 'duration'));
/** Every `<regex>` flag: checked as Prometheus parses it (RE2, raw and anchored). Commander names the flag. */
const regexFlag = (v: string) => {
  try {
    return assertRegex(v, 'regex');
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message.replace(/^regex: /, ''));
  }
};

/** Unix seconds or RFC3339. */
export const time = wrap((v) => {
  if (/^[0-9]+(\.[0-9]+)?$/.test(v)) {
    return Number(v);
  }
  const ms = Date.parse(v);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(ms)) {
    throw new Error(`"${v}" is neither unix seconds nor RFC3339 (2024-01-01T00:00:00Z)`);
  }
  return ms / 1000;
});

export function addSelectionOptions(cmd: Command): Command {
  return cmd
    .option('--time <t>', 'evaluation time: unix seconds or RFC3339 (default: now)', time)
    .option('--window <d>', 'rate window', duration, '5m')
    .option('--cluster <name>', 'value of the cluster label')
    .option('--namespace <regex>', 'namespaces to include', regexFlag)
    .option('--namespace-exclude <regex>', 'namespaces to leave out', regexFlag)
    .option('--cpu-hour-usd <n>', 'flat price per vCPU-hour', number, DEFAULT_PRICING.cpuHourUsd)
    .option('--gib-hour-usd <n>', 'flat price per GiB-hour of memory', number, DEFAULT_PRICING.gibHourUsd)
    .option('--hours-per-month <n>', 'hours in a month', number, DEFAULT_PRICING.hoursPerMonth)
    .addOption(new Option('--basis <b>', 'cost basis').choices(['usage', 'requests', 'max']).default('usage'))
    .addOption(new Option('--pricing <source>', 'price source').choices(['auto', 'flat', 'opencost']).default('auto'))
    .addOption(
      new Option('--latency-method <m>', 'how added latency is measured')
        .choices(LATENCY_METHODS)
        .default('reporter-delta')
    )
    .option('--baseline-offset <d>', 'for --latency-method baseline: compare with this long ago', duration, '1w')
    .option('--idle-rps <n>', 'workloads below this many requests/s are idle', number, 1)
    .option('--custom-container <regex>', 'an extra proxy container name or regex (the "custom" mesh)', regexFlag)
    .option('--custom-control-plane-namespace <regex>', "the custom mesh's control-plane namespace", regexFlag)
    .option('--custom-control-plane-pod <regex>', "the custom mesh's control-plane pods", regexFlag)
    .option('--recording-rules', 'read CPU and memory from kubernetes-mixin recording rules', false);
}

export interface SelectionFlags {
  time?: number;
  window: string;
  cluster?: string;
  namespace?: string;
  namespaceExclude?: string;
  cpuHourUsd: number;
  gibHourUsd: number;
  hoursPerMonth: number;
  basis: Basis;
  pricing: 'auto' | 'flat' | 'opencost';
  latencyMethod: LatencyMethod;
  baselineOffset: string;
  idleRps: number;
  customContainer?: string;
  customControlPlaneNamespace?: string;
  customControlPlanePod?: string;
  recordingRules: boolean;
  groupBy?: Grouping;
}

type PriceFlags = Pick<SelectionFlags, 'cpuHourUsd' | 'gibHourUsd' | 'hoursPerMonth' | 'basis'>;

/** Prices from flags, validated; a bad one names its flag (--cpu-hour-usd: …). */
export function flagPricing(f: PriceFlags, source: Pricing['source'] = DEFAULT_PRICING.source): Pricing {
  const pricing: Pricing = {
    source,
    cpuHourUsd: f.cpuHourUsd,
    gibHourUsd: f.gibHourUsd,
    hoursPerMonth: f.hoursPerMonth,
    basis: f.basis,
  };
  try {
    return validatePricing(pricing);
  } catch (e) {
    // Thrown from inside an action, so commander has not printed anything: main() prints QueryInputErrors.
    throw new QueryInputError((e as QueryInputError).field, `--${(e as Error).message}`);
  }
}

export function toReportInput(f: SelectionFlags): ReportInput {
  const pricing = flagPricing(f);
  const selection: Selection = {
    window: f.window,
    cluster: f.cluster,
    namespaceInclude: f.namespace,
    namespaceExclude: f.namespaceExclude,
    groupBy: f.groupBy ?? 'none',
    useRecordingRules: f.recordingRules,
  };
  const custom: CustomMesh | undefined = f.customContainer
    ? {
        container: f.customContainer,
        controlPlane:
          f.customControlPlanePod || f.customControlPlaneNamespace
            ? { namespace: f.customControlPlaneNamespace, pod: f.customControlPlanePod }
            : undefined,
      }
    : undefined;
  return {
    time: f.time ?? Math.floor(Date.now() / 1000),
    selection,
    pricing,
    pricingSource: f.pricing,
    latency: { method: f.latencyMethod, quantile: 0.99, baselineOffset: f.baselineOffset },
    idleRps: f.idleRps,
    custom,
  };
}
