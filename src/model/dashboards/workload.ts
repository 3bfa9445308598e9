/**
 * The workload dashboard: for each sidecar mesh that is there (one repeated row, meshRepeat.ts), its workloads by
 * proxy cost, a table of their sidecars, and each workload's p99 added.
 */
import type { Dashboard, Panel } from '@grafana/schema';
import { CATALOGUE, type MeshDef } from '../catalogue';
import type { MeshFigureKey } from '../figureKeys';
import { meshFigures } from '../figureSet';
import { toFigure, type Figure } from '../figures';
import { GRAFANA_UNIT } from '../units';
import { DEFAULT_BREAKDOWN_OPTIONS as BREAKDOWN } from '../panelOptions';
import { BASIS, basisSentence, DASHBOARD_UIDS, dashboard, DS, figure, OPTS, selection, target } from './common';
import { gatedToMesh, meshRefId, meshVariable, MESH_VAR, rowRefId } from './meshRepeat';
import { DASHBOARD_DESCRIPTION, variables } from './variables';

const SIDECAR_MESHES = CATALOGUE.filter((m) => m.dataPlaneKind === 'sidecar');

/** The refIds of the row's panels (before the `<mesh id>.` prefix) and the figure each one shows, per workload. */
export const WORKLOAD_ROW_FIGURES = {
  cost: 'cost.sidecars',
  cpu: 'sidecars.cpuCores',
  request: 'sidecars.cpuRequestCores',
  memory: 'sidecars.memoryBytes',
  share: 'sidecars.cpuShare',
  cpuCores: 'sidecars.cpuCores',
  memoryBytes: 'sidecars.memoryBytes',
  sidecars: 'cost.sidecars',
  p99Added: 'latency.pNAdded',
  p99AddedLower: 'latency.pNAddedLower',
  p99AddedUpper: 'latency.pNAddedUpper',
  meanAdded: 'latency.meanAdded',
} as const satisfies Record<string, MeshFigureKey>;
type RowFigure = keyof typeof WORKLOAD_ROW_FIGURES;

function rowFigures(): Map<string, Figure[]> {
  return new Map(
    SIDECAR_MESHES.map((m) => [
      m.id,
      meshFigures(m, selection('workload'), OPTS).map((f) => toFigure(f.id, f.title, f.unit, gatedToMesh(f.ast, m))),
    ])
  );
}

function rowTargets(figs: Map<string, Figure[]>, asked: RowFigure[], extra: object, legend = '__auto') {
  return SIDECAR_MESHES.flatMap((mesh: MeshDef) =>
    asked.flatMap((r) =>
      target(figure(figs.get(mesh.id)!, mesh, WORKLOAD_ROW_FIGURES[r]), meshRefId(mesh.id, r), legend).map((t) => ({
        ...t,
        ...extra,
      }))
    )
  );
}

const INSTANT = { instant: true, range: false };
const TABLE = { ...INSTANT, format: 'table' };

/** A core table of the row: one instant query per column, merged into one row per workload, sorted by `sortBy`. */
function tablePanel(p: {
  id: number;
  title: string;
  description: string;
  gridPos: object;
  targets: object[];
  defaults: object;
  columns: object[];
  sortBy: string;
}): Panel {
  return {
    id: p.id,
    type: 'table',
    title: p.title,
    description: p.description,
    datasource: DS,
    gridPos: p.gridPos,
    targets: p.targets,
    transformations: [{ id: 'merge', options: {} }],
    fieldConfig: { defaults: p.defaults, overrides: p.columns },
    options: { sortBy: [{ displayName: p.sortBy, desc: true }] },
  } as unknown as Panel;
}

/** A table column by its refId's figure, whatever the mesh prefix (`Value #<mesh>.<figure>`). */
const column = (figure: RowFigure, unit: string, displayName: string) => ({
  matcher: { id: 'byRegexp', options: `^Value #.*\\.${figure}$` },
  properties: [
    { id: 'unit', value: unit },
    { id: 'displayName', value: displayName },
  ],
});

function meshRow(): Panel[] {
  const figs = rowFigures();
  const title = `\${${MESH_VAR}:text}`;
  const y = 1;
  return [
    {
      type: 'row',
      title,
      id: 1,
      gridPos: { x: 0, y: 0, w: 24, h: 1 },
      collapsed: false,
      repeat: MESH_VAR,
      panels: [],
    } as unknown as Panel,
    {
      id: 2,
      type: 'meshtax-breakdown-panel',
      title: `${title}: top workloads by proxy cost`,
      datasource: DS,
      gridPos: { x: 0, y, w: 8, h: 9 },
      targets: rowTargets(figs, ['cost', 'cpu', 'request', 'memory', 'share'], INSTANT),
      options: {
        ...BREAKDOWN,
        costRefId: rowRefId('cost'),
        cpuRefId: rowRefId('cpu'),
        requestRefId: rowRefId('request'),
        memoryRefId: rowRefId('memory'),
        shareRefId: rowRefId('share'),
        groupBy: 'workload',
        // Empty: the links carry the row's `$mesh`.
        drilldownMesh: '',
        basis: BASIS,
      },
    } as unknown as Panel,
    tablePanel({
      id: 3,
      title: `${title}: sidecars by workload`,
      description: basisSentence(),
      gridPos: { x: 8, y, w: 8, h: 9 },
      targets: rowTargets(figs, ['cpuCores', 'memoryBytes', 'sidecars'], TABLE),
      defaults: { noValue: 'unavailable' },
      columns: [
        column('cpuCores', GRAFANA_UNIT.cores, 'CPU'),
        column('memoryBytes', 'bytes', 'Memory'),
        column('sidecars', 'currencyUSD', 'Cost per month'),
      ],
      sortBy: 'Cost per month',
    }),
    tablePanel({
      id: 5,
      title: `${title}: latency added per workload, with its interval`,
      description:
        "p99 added (reporter-delta) with the interval its histograms' buckets allow (the client bucket's low end " +
        "minus the server bucket's high end, to the reverse), and the exact mean added from _sum and _count. An " +
        `interval far wider than the p99 means these buckets cannot resolve it: trust the mean. ${basisSentence()}`,
      gridPos: { x: 16, y, w: 8, h: 9 },
      targets: rowTargets(figs, ['p99Added', 'p99AddedLower', 'p99AddedUpper', 'meanAdded'], TABLE),
      defaults: { unit: 'ms', noValue: 'unavailable' },
      columns: [
        column('p99Added', 'ms', 'p99 added'),
        column('p99AddedLower', 'ms', 'interval, low end'),
        column('p99AddedUpper', 'ms', 'interval, high end'),
        column('meanAdded', 'ms', 'mean added (exact)'),
      ],
      sortBy: 'p99 added',
    }),
    {
      id: 4,
      type: 'timeseries',
      title: `${title}: p99 added per workload (reporter-delta)`,
      description: basisSentence(),
      datasource: DS,
      gridPos: { x: 0, y: y + 9, w: 24, h: 8 },
      targets: rowTargets(figs, ['p99Added'], {}, '{{namespace}}/{{workload}}'),
      fieldConfig: { defaults: { unit: 'ms', noValue: 'unavailable' }, overrides: [] },
      options: {
        legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
        tooltip: { mode: 'multi', sort: 'desc' },
      },
    } as unknown as Panel,
  ];
}

export function workloadDashboard(): Dashboard {
  return dashboard(
    DASHBOARD_UIDS.workload,
    'Mesh Tax — workload',
    DASHBOARD_DESCRIPTION,
    meshRow(),
    variables([meshVariable(SIDECAR_MESHES)])
  );
}
