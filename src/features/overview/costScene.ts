/** The Overview's chart panels as scene objects, built from the very panel JSON they export (costCharts.ts). */
import type { Panel } from '@grafana/schema';
import { SceneQueryRunner, VizPanel } from '@grafana/scenes';
import { DATASOURCE_REF } from '../../shared/scenes/queries';
import { costCompositionPanel, costOverTimePanel } from './costCharts';
import type { MeshView } from './meshView';

/** A dashboard panel's JSON as a scene panel on the page's data source variable (and so its time range). */
export function vizPanelOf(p: Panel, key?: string): VizPanel {
  const targets = (p.targets ?? []).map((t, i) => ({ ...t, refId: String(t.refId ?? i), datasource: DATASOURCE_REF }));
  return new VizPanel({
    key,
    pluginId: p.type ?? 'timeseries',
    title: p.title ?? '',
    description: p.description,
    options: p.options ?? {},
    fieldConfig: (p.fieldConfig ?? { defaults: {}, overrides: [] }) as VizPanel['state']['fieldConfig'],
    $data: new SceneQueryRunner({ datasource: DATASOURCE_REF, queries: targets, maxDataPoints: 200 }),
  });
}

export interface MeshCharts {
  overTime?: VizPanel;
  composition?: VizPanel;
}

const chartKey = (meshId: string, chart: keyof MeshCharts) => `meshtax-${chart}-${meshId}`;

/**
 * Panels for each mesh, as a flat list: scenes parents only the scene objects held directly (or in an array) in a
 * state, and a panel without a parent has no time range or variables. The uid in the JSON is replaced by the
 * page's data source variable, so it only names the export's.
 */
export function meshCharts(meshes: MeshView[], datasourceUid: string): VizPanel[] {
  return meshes.flatMap((m) => [
    vizPanelOf(costOverTimePanel(m, datasourceUid), chartKey(m.id, 'overTime')),
    vizPanelOf(costCompositionPanel(m, datasourceUid), chartKey(m.id, 'composition')),
  ]);
}

/** One mesh's panels from the flat list. */
export function chartsOf(panels: VizPanel[] | undefined, meshId: string): MeshCharts {
  const find = (c: keyof MeshCharts) => panels?.find((p) => p.state.key === chartKey(meshId, c));
  return { overTime: find('overTime'), composition: find('composition') };
}
