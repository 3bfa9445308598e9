/**
 * Test-only: a bundled dashboard's query_result() variables as Grafana resolves them on load, against the preset's
 * Prometheus at the page's time (the usage source, the detected meshes), and the panels of a repeated row copied
 * once per value of its variable, as Grafana's RowRepeaterBehavior does
 * (public/app/features/dashboard-scene/scene/layout-default/RowRepeaterBehavior.ts). The saved `current` of such a
 * variable is empty or "All", which says nothing about a preset.
 */
import { instantQuery } from '../../cli/prometheus';
import { queryResultValues } from '../../src/testing/dashboardQueries';
import type { PanelSpec } from './types';

type Vars = PanelSpec['variables'];

/** `$name` / `${name}` / `${name:fmt}` from the values so far (a stand-in for Grafana's template service). */
function substitute(expr: string, vars: Vars): string {
  return expr.replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)/g, (m, a, b) => vars[a ?? b]?.value ?? m);
}

export async function resolveSpecs(specs: PanelSpec[], promUrl: string, timeSec: number): Promise<PanelSpec[]> {
  const query = instantQuery(new URL(promUrl), timeSec, 30_000);
  const cache = new Map<string, string[]>();
  const out: PanelSpec[] = [];
  for (const spec of specs) {
    const vars: Vars = { ...spec.variables };
    const values: Record<string, string[]> = {};
    for (const v of spec.queryVariables ?? []) {
      const expr = substitute(/^query_result\((.*)\)$/s.exec(v.query)![1], vars);
      if (!cache.has(expr)) {
        cache.set(expr, queryResultValues(await query(expr), v.regex));
      }
      values[v.name] = cache.get(expr)!;
      const all = values[v.name];
      const value = all.length === 1 || !v.multi ? (all[0] ?? '') : `(${all.join('|')})`;
      vars[v.name] = { text: value, value };
    }
    const copies = spec.repeat ? (values[spec.repeat] ?? []) : [undefined];
    if (copies.length === 0) {
      throw new Error(`browser host: ${spec.name} repeats over $${spec.repeat}, which has no value on this preset`);
    }
    for (const value of copies) {
      const own = value === undefined ? vars : { ...vars, [spec.repeat!]: { text: value, value } };
      // Grafana shows a panel's title with its variables substituted (here by value: the mesh id, not its name).
      const title = substitute(spec.title, own);
      out.push({ ...spec, title, variables: own, ...(value === undefined ? {} : { name: `${spec.name}-${value}` }) });
    }
  }
  return out;
}
