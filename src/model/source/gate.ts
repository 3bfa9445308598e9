/**
 * The source choice for what cannot probe before it builds its queries (the shipped dashboards): a query variable
 * asks Prometheus which usage series exist, once per dashboard load, and its value, a regex over metric names,
 * gates every usage query. Each usage query asks for the mixin series and the raw ones (`A or B or C`), each
 * selector carrying `__name__=~"$usage_source"`: the selectors the gate does not name match no series and read no
 * samples, so a dashboard on kube-prometheus-stack reads the mixin's series only.
 */
import type { Expr, Matcher } from '../promql/ast';
import { bin, labelJoin, labelReplace, mul, sel, vector, agg } from '../promql/dsl';
import { MIXIN_CPU_RULES, MIXIN_MEMORY_RULE, RAW_USAGE } from './mixin';

export const USAGE_SOURCE_VAR = 'usage_source';
/** What the dashboards' usage selectors carry: Grafana replaces it with the variable's value. */
export const USAGE_GATE = `$${USAGE_SOURCE_VAR}`;

const present = (metric: string, scope: Matcher[]) => agg('group', sel(metric, ...scope));
const named = (e: Expr, label: string, metric: string) => labelReplace(e, label, metric, '', '');
const firstOf = (xs: Expr[]) => xs.reduce((a, b) => bin('or', a, b, { on: [] }));

/**
 * One series whose `usage` label is the gate: `<cpu metric>|<memory metric>`, each the mixin's rule when it has series
 * in scope (sum_rate5m before sum_irate, never both), else the raw cAdvisor metric. Instant, one sample per series
 * of the rules: as cheap as the report's probe.
 */
export function usageSourceExpr(scope: Matcher[]): Expr {
  const cpu = firstOf([
    named(present(MIXIN_CPU_RULES.sum_rate5m, scope), 'cpu', MIXIN_CPU_RULES.sum_rate5m),
    named(present(MIXIN_CPU_RULES.sum_irate, scope), 'cpu', MIXIN_CPU_RULES.sum_irate),
    named(vector(1), 'cpu', RAW_USAGE.cpu),
  ]);
  const memory = firstOf([
    named(present(MIXIN_MEMORY_RULE, scope), 'memory', MIXIN_MEMORY_RULE),
    named(vector(1), 'memory', RAW_USAGE.memory),
  ]);
  return labelJoin(mul(cpu, memory, { on: [], groupLeft: ['memory'] }), 'usage', '|', 'cpu', 'memory');
}

/** Grafana's query variable regex: the value is the `usage` label of query_result()'s one line. */
export const USAGE_SOURCE_REGEX = '/usage="([^"]+)"/';
