/** Reading the queries back out of a dashboard, and Grafana's variable substitution for testing them. */
import type { Dashboard } from '@grafana/schema';

export function substitute(expr: string, vars: Record<string, string> = {}): string {
  const v: Record<string, string> = { cluster: '.*', namespace: '.*', __rate_interval: '5m', ...vars };
  return expr.replace(/\$\{?(\w+)\}?/g, (m, name: string) => v[name] ?? m);
}

export function targetsOf(d: Dashboard): Array<{ panel: string; refId: string; expr: string }> {
  return (d.panels ?? []).flatMap((p) => {
    const panel = p as { title?: string; targets?: Array<{ refId?: string; expr?: string }> };
    return (panel.targets ?? []).map((t) => ({ panel: panel.title ?? '', refId: t.refId ?? '', expr: t.expr ?? '' }));
  });
}
