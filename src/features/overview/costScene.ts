/** The Overview's chart panels as scene objects, built from the very panel JSON they export (costCharts.ts). */
import type { Panel } from '@grafana/schema';
import { SceneQueryRunner, VizPanel } from '@grafana/scenes';
import { DATASOURCE_REF } from '../../shared/scenes/queries';
import { costCompositionPanel, costOverTimePanel } from './costCharts';
import type { MeshView } from './meshView';

/** A dashboard panel's JSON as a scene panel on the page's data source variable (and so its time range). */
export function vizPanelOf(p: Panel): VizPanel {
  const targets = (p.targets ?? []).map((t, i) => ({ ...t, refId: String(t.refId ?? i), datasource: DATASOURCE_REF }));
  return new VizPanel({
    pluginId: p.type ?? 'timeseries',
    title: p.title ?? '',
    description: p.description,
    options: p.options ?? {},
    fieldConfig: (p.fieldConfig ?? { defaults: {}, overrides: [] }) as VizPanel['state']['fieldConfig'],
    $data: new SceneQueryRunner({ datasource: DATASOURCE_REF, queries: targets, maxDataPoints: 200 }),
  });
}

export interface MeshCharts {
  overTime: VizPanel;
  composition: VizPanel;
}

/** Panels for each mesh; the uid in the JSON is replaced by the variable, so it only names the export's. */
export function meshCharts(meshes: MeshView[], datasourceUid: string): Record<string, MeshCharts> {
  return Object.fromEntries(
    meshes.map((m) => [
      m.id,
      {
        overTime: vizPanelOf(costOverTimePanel(m, datasourceUid)),
        composition: vizPanelOf(costCompositionPanel(m, datasourceUid)),
      },
    ])
  );
}
