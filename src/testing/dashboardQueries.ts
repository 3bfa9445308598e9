/** Reading the queries back out of a dashboard, and Grafana's variable substitution for testing them. */
import type { Dashboard } from '@grafana/schema';

/** What the usage_source variable resolves to on a Prometheus without the kubernetes-mixin rules (tests check it). */
export const RAW_USAGE_SOURCE = 'container_cpu_usage_seconds_total|container_memory_working_set_bytes';

export function substitute(expr: string, vars: Record<string, string> = {}): string {
  const v: Record<string, string> = {
    cluster: '.*',
    namespace: '.*',
    __rate_interval: '5m',
    usage_source: RAW_USAGE_SOURCE,
    ...vars,
  };
  return expr.replace(/\$\{?(\w+)\}?/g, (m, name: string) => v[name] ?? m);
}

export function targetsOf(d: Dashboard): Array<{ panel: string; refId: string; expr: string }> {
  return (d.panels ?? []).flatMap((p) => {
    const panel = p as { title?: string; targets?: Array<{ refId?: string; expr?: string }> };
    return (panel.targets ?? []).map((t) => ({ panel: panel.title ?? '', refId: t.refId ?? '', expr: t.expr ?? '' }));
  });
}

/**
 * A query_result() variable's value as Grafana computes it: each sample written as
 * `name{k="v",...} value timestampMs` (packages/grafana-prometheus/src/metric_find_query.ts, queryResultQuery), then
 * the variable's regex, whose first group is the value. Undefined when no line matches.
 */
/** Every value of a query_result() variable, in answer order, without repeats (Grafana drops duplicate options). */
export function queryResultValues(samples: Array<{ metric: Record<string, string> }>, regex: string): string[] {
  const out: string[] = [];
  for (const s of samples) {
    const v = queryResultValue([s], regex);
    if (v !== undefined && !out.includes(v)) {
      out.push(v);
    }
  }
  return out;
}

export function queryResultValue(
  samples: Array<{ metric: Record<string, string> }>,
  regex: string
): string | undefined {
  const body = regex.slice(1, regex.lastIndexOf('/'));
  for (const s of samples) {
    const { __name__: name = '', ...labels } = s.metric;
    const text = `${name}{${Object.entries(labels)
      .map(([k, v]) => `${k}="${v}"`)
      .join(',')}} 1 0`;
    const m = new RegExp(body).exec(text);
    if (m) {
      return m[1] ?? m[0];
    }
  }
  return undefined;
}
