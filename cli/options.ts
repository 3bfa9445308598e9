/**
 * Flag parsing shared by the CLI's commands. The settings flags resolve through the model's one resolver; a bad value
 * is rejected with a message naming its flag (exit 2), the flag found from the field the resolver names.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { LATENCY_METHODS } from '../src/model/latency';
import { DEFAULT_OPTIONS } from '../src/model/options/defaults';
import { OPTION_FIELDS, OptionsError, type OptionField, type OptionValues } from '../src/model/options/fields';
import { resolveOrThrow } from '../src/model/options/resolve';
import type { MeshTaxOptions } from '../src/model/options/types';
import { BASES, PRICING_SOURCES } from '../src/model/options/validate';
import { durationProblem, QueryInputError, regexProblem } from '../src/model/promql/escape';
import type { ReportInput } from '../src/model/report';
import { checkSourceWindow, SOURCE_REQUESTS, type SourceRequest } from '../src/model/source/figureSource';
import type { Grouping } from '../src/model/scope';

/** The flag of each option field: the one place the CLI's names meet the model's. */
export const FLAG_OF: Record<OptionField, string> = {
  pricingSource: '--pricing',
  cpuHourUsd: '--cpu-hour-usd',
  gibHourUsd: '--gib-hour-usd',
  hoursPerMonth: '--hours-per-month',
  basis: '--basis',
  idleRps: '--idle-rps',
  latencyMethod: '--latency-method',
  baselineOffset: '--baseline-offset',
  window: '--window',
  averageOver: '--average-over',
  namespaceExclude: '--namespace-exclude',
  customContainer: '--custom-container',
  customControlPlaneNamespace: '--custom-control-plane-namespace',
  customControlPlanePod: '--custom-control-plane-pod',
  useRecordingRules: '--recording-rules',
};

/** Where commander puts a flag's value: --cpu-hour-usd -> cpuHourUsd. */
const attributeOf = (flag: string) => flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

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

/** A check that returns its problem (or undefined) as a commander parser: commander names the flag. */
const checked = (problem: (v: string) => string | undefined) =>
  wrap((v) => {
    const p = problem(v);
    if (p) {
      throw new Error(p);
    }
    return v;
  });
export const duration = checked(durationProblem);
/** Every `<regex>` flag: checked as Prometheus parses it (RE2, raw and anchored). */
const regexFlag = checked(regexProblem);

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

const D = DEFAULT_OPTIONS;

export function addSelectionOptions(cmd: Command): Command {
  return cmd
    .option('--time <t>', 'evaluation time: unix seconds or RFC3339 (default: now)', time)
    .option('--window <d>', 'rate window', duration, D.window)
    .option(
      '--average-over <d>',
      'report each figure as its mean over this long before --time, e.g. 7d (default: the instant value)',
      duration
    )
    .option('--cluster <name>', 'value of the cluster label')
    .option('--namespace <regex>', 'namespaces to include', regexFlag)
    .option('--namespace-exclude <regex>', 'namespaces to leave out', regexFlag)
    .option('--cpu-hour-usd <n>', 'flat price per vCPU-hour', number, D.prices.cpuHourUsd)
    .option('--gib-hour-usd <n>', 'flat price per GiB-hour of memory', number, D.prices.gibHourUsd)
    .option('--hours-per-month <n>', 'hours in a month', number, D.prices.hoursPerMonth)
    .addOption(new Option('--basis <b>', 'cost basis').choices(BASES).default(D.basis))
    .addOption(new Option('--pricing <source>', 'price source').choices(PRICING_SOURCES).default(D.pricingSource))
    .addOption(
      new Option('--latency-method <m>', 'how added latency is measured')
        .choices(LATENCY_METHODS)
        .default(D.latency.method)
    )
    .option(
      '--baseline-offset <d>',
      'for --latency-method baseline: compare with this long ago',
      duration,
      D.latency.baselineOffset
    )
    .option('--idle-rps <n>', 'workloads below this many requests/s are idle', number, D.idleRps)
    .option('--custom-container <regex>', 'an extra proxy container name or regex (the "custom" mesh)', regexFlag)
    .option('--custom-control-plane-namespace <regex>', "the custom mesh's control-plane namespace", regexFlag)
    .option('--custom-control-plane-pod <regex>', "the custom mesh's control-plane pods", regexFlag)
    .option('--recording-rules', 'same as --source mixin (kept for older scripts)', D.useRecordingRules)
    .addOption(
      new Option(
        '--source <source>',
        'where figures are read from: auto (Mesh Tax recorded series, else kubernetes-mixin rules, else raw), ' +
          'raw, mixin or recorded (default: auto)'
      ).choices(SOURCE_REQUESTS)
    );
}

/** --source, with --recording-rules as its older spelling of `mixin`; both given and different is refused. */
export function sourceFromFlags(f: { source?: SourceRequest; recordingRules?: boolean }): SourceRequest {
  if (f.recordingRules && f.source && f.source !== 'mixin') {
    throw new QueryInputError(
      'source',
      `--recording-rules means --source mixin: it cannot be used with --source ${f.source}`
    );
  }
  return f.source ?? (f.recordingRules ? 'mixin' : 'auto');
}

/** The flags that are not settings: what to measure and when. Settings flags are read through FLAG_OF. */
export interface ScopeFlags {
  time?: number;
  source?: SourceRequest;
  recordingRules?: boolean;
  cluster?: string;
  namespace?: string;
  groupBy?: Grouping;
}

/** The option fields given as flags (commander's parsed values, by attribute name). */
export function flagValues(flags: object): OptionValues {
  const f = flags as Record<string, unknown>;
  return Object.fromEntries(OPTION_FIELDS.map((field) => [field, f[attributeOf(FLAG_OF[field])]]));
}

/** The options from flags; every invalid one is named by its flag (--cpu-hour-usd: -1 is not a price …). */
export function optionsFromFlags(flags: object): MeshTaxOptions {
  try {
    return resolveOrThrow(flagValues(flags));
  } catch (e) {
    if (!(e instanceof OptionsError)) {
      throw e;
    }
    // Thrown from inside an action, so commander has not printed anything: main() prints QueryInputErrors (exit 2).
    const lines = Object.entries(e.errors).map(([field, message]) => `${FLAG_OF[field as OptionField]}: ${message}`);
    throw new QueryInputError(FLAG_OF[e.field], lines.join('; '));
  }
}

export function toReportInput(f: ScopeFlags): ReportInput {
  const options = optionsFromFlags(f);
  const figureSource = sourceFromFlags(f);
  // Refused before any query: no probe can give the mixin's CPU rule another window.
  checkSourceWindow(figureSource, options.window);
  return {
    time: f.time ?? Math.floor(Date.now() / 1000),
    scope: { cluster: f.cluster, namespaceInclude: f.namespace },
    options,
    figureSource,
  };
}
