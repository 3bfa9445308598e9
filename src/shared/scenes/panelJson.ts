/**
 * A scene panel as dashboard panel JSON, for Add to dashboard and Export JSON: the queries are the model's, with the
 * scene's current data source, cluster and namespace substituted (Grafana's $__rate_interval stays a macro).
 */
import type { Panel } from '@grafana/schema';
import { sceneGraph, SceneQueryRunner, type VizPanel } from '@grafana/scenes';

export function scenePanelJson(panel: VizPanel): Panel {
  const runner = panel.state.$data instanceof SceneQueryRunner ? panel.state.$data : undefined;
  const uid = sceneGraph.interpolate(panel, '${datasource}');
  const ds = { type: 'prometheus', uid };
  const keepMacros = (text: string) =>
    sceneGraph
      .interpolate(panel, text.replace(/\$__rate_interval/g, '__RATE_INTERVAL__'))
      .replace(/__RATE_INTERVAL__/g, '$__rate_interval');
  return {
    type: panel.state.pluginId,
    title: panel.state.title,
    description: panel.state.description,
    datasource: ds,
    targets: (runner?.state.queries ?? []).map((q) => ({
      ...q,
      datasource: ds,
      expr: keepMacros(String(q.expr ?? '')),
    })),
    options: panel.state.options,
    // The panel's own units and colours travel with it (a bar gauge in dollars stays in dollars).
    fieldConfig: panel.state.fieldConfig ?? { defaults: {}, overrides: [] },
  } as unknown as Panel;
}
