/**
 * The kubernetes-mixin's recording rules (kube-prometheus-stack's `k8s.rules`): per-container CPU and memory that
 * the user's Prometheus has already computed. A figure then reads one sample per container instead of a rate window
 * of raw cAdvisor samples. One probe per data source says which of them exist.
 */
import type { Expr, Matcher } from '../promql/ast';
import { agg, re, sel } from '../promql/dsl';
import { anyOf, durationSeconds } from '../promql/escape';

/** Both spellings of the CPU rule: `sum_irate` is what mixins before 2021 record (an instantaneous rate). */
export const MIXIN_CPU_RULES = {
  sum_rate5m: 'node_namespace_pod_container:container_cpu_usage_seconds_total:sum_rate5m',
  sum_irate: 'node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate',
} as const;
export type MixinCpuRule = keyof typeof MIXIN_CPU_RULES;
export const MIXIN_MEMORY_RULE = 'node_namespace_pod_container:container_memory_working_set_bytes';

/** The raw cAdvisor series each rule is computed from. */
export const RAW_USAGE = { cpu: 'container_cpu_usage_seconds_total', memory: 'container_memory_working_set_bytes' };

/** The CPU rule's rate window is written into the rule: no other window can be read from it. */
export const MIXIN_WINDOW = '5m';

/** Which mixin series the figures read; a resource set to null/false reads raw cAdvisor series. */
export interface MixinSeries {
  cpu: MixinCpuRule | null;
  memory: boolean;
}

/** What `--recording-rules` always meant: both rules, the current spelling. */
export const BOTH_MIXIN_RULES: MixinSeries = { cpu: 'sum_rate5m', memory: true };

export const MIXIN_METRICS: string[] = [...Object.values(MIXIN_CPU_RULES), MIXIN_MEMORY_RULE];

export function isMixinMetric(metric: string): boolean {
  return MIXIN_METRICS.includes(metric);
}

/**
 * The probe: how many series each mixin rule has, in one instant query (one sample per series, no range), by
 * metric name. Narrowed to the selected cluster, where the rules may run on some clusters only.
 */
export function mixinProbe(clusterScope: Matcher[]): Expr {
  return agg('count', sel('', re('__name__', anyOf(MIXIN_METRICS)), ...clusterScope), ['__name__']);
}

/** What the probe found: series per rule (0 when absent). */
export interface MixinFound {
  sum_rate5m: number;
  sum_irate: number;
  memory: number;
}

export function parseMixinProbe(samples: Array<{ metric: Record<string, string>; value: number }>): MixinFound {
  const count = (name: string) => samples.find((s) => s.metric.__name__ === name)?.value ?? 0;
  return {
    sum_rate5m: count(MIXIN_CPU_RULES.sum_rate5m),
    sum_irate: count(MIXIN_CPU_RULES.sum_irate),
    memory: count(MIXIN_MEMORY_RULE),
  };
}

export function windowIsMixins(window: string): boolean {
  try {
    return durationSeconds(window) === durationSeconds(MIXIN_WINDOW);
  } catch {
    // Grafana's interval macros have no fixed length: they are not the mixin's 5m.
    return false;
  }
}

/**
 * The mixin series to read, given what exists and the window asked for. `sum_rate5m` wins over `sum_irate` when both
 * exist (a mixin upgrade in progress): reading both would count every container twice. A window other than 5m
 * reads CPU from raw series (the rule cannot give another window); memory is a gauge and has no window.
 */
export function chooseMixin(found: MixinFound, window: string): MixinSeries {
  const cpu: MixinCpuRule | null = found.sum_rate5m > 0 ? 'sum_rate5m' : found.sum_irate > 0 ? 'sum_irate' : null;
  return { cpu: cpu && windowIsMixins(window) ? cpu : null, memory: found.memory > 0 };
}
