/**
 * The options a rules file was generated with, written as labels of one recorded series. A report reads the
 * recorded figures only when that series exists with its own options: a file generated with other prices, another
 * window or an older naming schema is ignored rather than silently mixed in.
 */
import type { FigureOptions } from '../figures';
import { DEFAULT_BASELINE_OFFSET } from '../options/defaults';
import type { Expr } from '../promql/ast';
import { agg, eq, sel } from '../promql/dsl';
import type { Selection } from '../scope';
import { RULES_CONFIG_RECORD, RULES_SCHEMA } from './names';

/** What the rules are computed over: always per cluster, never narrowed to a namespace or workload. */
export type RulesSelection = Pick<Selection, 'window' | 'useRecordingRules'>;

export function ruleSelection(s: RulesSelection): Selection {
  return { window: s.window, useRecordingRules: s.useRecordingRules, groupBy: 'cluster' };
}

export function rulesConfigLabels(s: RulesSelection, o: FigureOptions): Record<string, string> {
  const p = o.pricing;
  return {
    schema: RULES_SCHEMA,
    window: s.window,
    source: s.useRecordingRules ? 'kubernetes-mixin' : 'cadvisor',
    pricing: p.source,
    basis: o.basis,
    cpu_hour_usd: String(p.cpuHourUsd),
    gib_hour_usd: String(p.gibHourUsd),
    hours_per_month: String(p.hoursPerMonth),
    idle_rps: String(o.idleRps),
    latency_method: o.latency.method,
    quantile: String(o.latency.quantile),
    ...(o.latency.method === 'baseline'
      ? { baseline_offset: o.latency.baselineOffset ?? DEFAULT_BASELINE_OFFSET }
      : {}),
  };
}

/**
 * The labels that say what the recorded series mean. `source` is not one of them: it says whether the rules read
 * cAdvisor directly or through the kubernetes-mixin's rules (`meshtax rules --recording-rules`), and both record the
 * same figures (the mixin's series are computed from the same cAdvisor samples, its pause container excluded as on
 * raw series). Requiring it made a report miss rules written with --recording-rules.
 */
const probedLabels = (labels: Record<string, string>) => Object.entries(labels).filter(([k]) => k !== 'source');

/** Non-empty exactly when rules generated with these options are loaded, whichever series they read usage from. */
export function rulesConfigProbe(s: RulesSelection, o: FigureOptions): Expr {
  const labels = rulesConfigLabels(s, o);
  return agg('count', sel(RULES_CONFIG_RECORD, ...probedLabels(labels).map(([k, v]) => eq(k, v))));
}
