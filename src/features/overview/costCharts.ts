/**
 * The Overview's charts for one mesh, as dashboard panel JSON: its cost over time, stacked by part (sidecars, control
 * plane, node agents), and its cost composition as bars. The same JSON builds the scene's VizPanels (costScene.ts)
 * and is what Export JSON and Add to dashboard hand over, so what is drawn and what is exported cannot differ.
 */
import type { Panel } from '@grafana/schema';
import { GRAFANA_UNIT } from '../../model/units';
import type { MeshView } from './meshView';
import type { MeshFigureKey } from '../../model/figureKeys';

/** The parts a mesh's monthly cost adds up from, in stacking order, with their legend names. */
export const COST_PARTS: Array<[MeshFigureKey, string]> = [
  ['cost.sidecars', 'Sidecars'],
  ['cost.controlPlane', 'Control plane'],
  ['cost.nodeAgents', 'Node agents'],
];

const partName = (m: Pick<MeshView, 'dataPlaneKind'>, key: MeshFigureKey, name: string) =>
  key === 'cost.sidecars' && m.dataPlaneKind === 'waypoint' ? 'Waypoints' : name;

/**
 * One target per part the mesh runs; the legend names the part. Over time: each point the value at that instant.
 * Instant (the bars): the card's own figure, the mean over the range when the report averages.
 */
export function costTargets(m: MeshView, datasource: { type: string; uid: string }, instant: boolean) {
  const expr = (k: MeshFigureKey) => (instant ? m.expr(k) : m.instantExpr(k));
  return COST_PARTS.filter(([k]) => m.has(k) && expr(k)).map(([k, name], i) => ({
    refId: String.fromCharCode(65 + i),
    datasource,
    expr: expr(k)!,
    legendFormat: partName(m, k, name),
    instant,
    range: !instant,
  }));
}

const fieldDefaults = { unit: GRAFANA_UNIT.currencyUSD, min: 0, noValue: 'unavailable', decimals: 2 };

export function costOverTimePanel(m: MeshView, datasourceUid: string): Panel {
  const ds = { type: 'prometheus', uid: datasourceUid };
  return {
    type: 'timeseries',
    title: `${m.name}: monthly cost over time`,
    description:
      'Each point is the monthly cost at that moment (a rate over the window, times the hours in a month), stacked by part.',
    datasource: ds,
    targets: costTargets(m, ds, false),
    fieldConfig: {
      defaults: {
        ...fieldDefaults,
        custom: { stacking: { mode: 'normal', group: 'A' }, fillOpacity: 40, lineWidth: 1, drawStyle: 'line' },
      },
      overrides: [],
    },
    options: {
      legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
      tooltip: { mode: 'multi', sort: 'desc' },
    },
  } as unknown as Panel;
}

export function costCompositionPanel(m: MeshView, datasourceUid: string): Panel {
  const ds = { type: 'prometheus', uid: datasourceUid };
  return {
    type: 'bargauge',
    title: `${m.name}: what the monthly cost is made of`,
    datasource: ds,
    targets: costTargets(m, ds, true),
    fieldConfig: { defaults: { ...fieldDefaults }, overrides: [] },
    options: {
      orientation: 'horizontal',
      displayMode: 'basic',
      showUnfilled: true,
      valueMode: 'text',
      namePlacement: 'left',
      reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
    },
  } as unknown as Panel;
}
