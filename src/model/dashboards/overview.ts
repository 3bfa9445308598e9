/**
 * The overview dashboard: the benchmark table, then one row per mesh that is there (meshRepeat.ts) with its summary,
 * its shares and latency as stats, its cost over time by part and its p99 added with the bucket interval around it.
 */
import type { Dashboard, Panel } from '@grafana/schema';
import { CATALOGUE, type MeshDef } from '../catalogue';
import { COMPARISON_FIGURES, comparisonRefId } from '../comparison';
import { detectedMeshFigures } from '../detected';
import type { MeshFigureKey } from '../figureKeys';
import { meshFigures } from '../figureSet';
import { toFigure, type Figure, type Unit } from '../figures';
import { GRAFANA_UNIT } from '../units';
import { DEFAULT_SUMMARY_OPTIONS as SUMMARY } from '../panelOptions';
import {
  BASIS,
  basisSentence,
  DASHBOARD_UIDS,
  dashboard,
  DS,
  figure,
  instantTarget,
  OPTS,
  selection,
  target,
} from './common';
import { gatedToMesh, meshRefId, meshVariable, MESH_VAR, rowRefId } from './meshRepeat';
import { DASHBOARD_DESCRIPTION, variables } from './variables';

/** The refIds of the row's panels (before the `<mesh id>.` prefix) and the figure each one shows. */
export const OVERVIEW_ROW_FIGURES = {
  cost: 'cost.total',
  cpuShare: 'sidecars.cpuShare',
  memoryShare: 'sidecars.memoryShare',
  p99Added: 'latency.pNAdded',
  p99AddedLower: 'latency.pNAddedLower',
  p99AddedUpper: 'latency.pNAddedUpper',
  meanAdded: 'latency.meanAdded',
  sidecars: 'cost.sidecars',
  controlPlane: 'cost.controlPlane',
  nodeAgents: 'cost.nodeAgents',
  // What the mesh does (#17), beside what it costs.
  rps: 'traffic.rps',
  mtlsShare: 'value.mtlsShare',
  splitServices: 'value.splitServices',
  resilienceEvents: 'value.resilienceEvents',
} as const satisfies Record<string, MeshFigureKey>;
type RowFigure = keyof typeof OVERVIEW_ROW_FIGURES;

/** Legends of the latency series: the band between the interval's ends is filled (fillBelowTo names the lower one). */
const LATENCY_LEGEND: Partial<Record<RowFigure, string>> = {
  p99Added: 'p99 added',
  p99AddedLower: 'p99 added, interval low end',
  p99AddedUpper: 'p99 added, interval high end',
  meanAdded: 'mean added (exact)',
};

/** Each catalogue mesh's figures as the report shows them, answering only in that mesh's row. */
function rowFigures(): Map<string, Figure[]> {
  return new Map(
    CATALOGUE.map((m) => [
      m.id,
      detectedMeshFigures(m, selection('none'), OPTS).map((f) =>
        toFigure(f.id, f.title, f.unit, gatedToMesh(f.ast, m))
      ),
    ])
  );
}

/** The targets of one panel of the row: for every mesh, each asked figure it has, refId `<mesh id>.<figure>`. */
function rowTargets(figs: Map<string, Figure[]>, asked: RowFigure[], legend: (r: RowFigure) => string) {
  return CATALOGUE.flatMap((mesh: MeshDef) =>
    asked.flatMap((r) =>
      target(figure(figs.get(mesh.id)!, mesh, OVERVIEW_ROW_FIGURES[r]), meshRefId(mesh.id, r), legend(r))
    )
  );
}

/**
 * The same as instant queries, for panels that show one value per figure. A range query's last point sits on the
 * step grid, rounded down (Grafana's pkg/promlib/models/query.go, AlignTimeRange), so up to a step (10 minutes over a
 * week) before the range's end: the benchmark table above, which is instant, then showed another number for the same
 * figure. An instant query is evaluated at the range's end, as the benchmark table's and the Breakdown's are.
 */
function rowInstantTargets(figs: Map<string, Figure[]>, asked: RowFigure[], legend: (r: RowFigure) => string) {
  return rowTargets(figs, asked, legend).map(({ range: _range, ...t }) => ({ ...t, instant: true, range: false }));
}

function meshRow(y: number): Panel[] {
  const figs = rowFigures();
  const basis = basisSentence();
  const latency: RowFigure[] = ['p99Added', 'p99AddedLower', 'p99AddedUpper', 'meanAdded'];
  const legends = { list: { displayMode: 'list', placement: 'bottom', showLegend: true } };
  return [
    {
      type: 'row',
      title: `\${${MESH_VAR}:text}`,
      id: 10,
      gridPos: { x: 0, y, w: 24, h: 1 },
      collapsed: false,
      repeat: MESH_VAR,
      panels: [],
    } as unknown as Panel,
    {
      datasource: DS,
      id: 11,
      type: 'meshtax-summary-panel',
      title: `\${${MESH_VAR}:text}: mesh tax`,
      description:
        'Monthly cost with CPU and memory share, p99 added with its interval and the exact mean added. Shows ' +
        '"unavailable" where the mesh has no data.',
      gridPos: { x: 0, y: y + 1, w: 6, h: 8 },
      targets: rowInstantTargets(
        figs,
        ['cost', 'cpuShare', 'memoryShare', ...latency, 'mtlsShare', 'splitServices', 'resilienceEvents'],
        () => '__auto'
      ),
      options: {
        ...SUMMARY,
        costRefId: rowRefId('cost'),
        cpuShareRefId: rowRefId('cpuShare'),
        memoryShareRefId: rowRefId('memoryShare'),
        latencyRefId: rowRefId('p99Added'),
        // The p99 added never stands alone (#18): its interval's ends and the exact mean added.
        latencyLowRefId: rowRefId('p99AddedLower'),
        latencyHighRefId: rowRefId('p99AddedUpper'),
        meanAddedRefId: rowRefId('meanAdded'),
        mtlsShareRefId: rowRefId('mtlsShare'),
        splitServicesRefId: rowRefId('splitServices'),
        resilienceEventsRefId: rowRefId('resilienceEvents'),
        basis: BASIS,
      },
    } as unknown as Panel,
    {
      datasource: DS,
      id: 12,
      type: 'stat',
      title: `\${${MESH_VAR}:text}: shares and latency`,
      description:
        'Core stat panel with the same queries, for Grafanas without the Mesh Tax panels. The p99 added comes with ' +
        "the interval its histograms' buckets allow (each side's quantile lies in a bucket: the added p99 lies " +
        "between the client bucket's low end minus the server bucket's high end, and the reverse); the mean added " +
        `is exact, from _sum and _count. ${basis}`,
      gridPos: { x: 6, y: y + 1, w: 6, h: 8 },
      targets: rowInstantTargets(figs, ['cpuShare', 'memoryShare', ...latency], (r) =>
        r === 'cpuShare' ? 'CPU share' : r === 'memoryShare' ? 'memory share' : LATENCY_LEGEND[r]!
      ),
      fieldConfig: {
        defaults: { unit: 'percentunit', noValue: 'unavailable' },
        overrides: [{ matcher: { id: 'byRegexp', options: '.*added.*' }, properties: [{ id: 'unit', value: 'ms' }] }],
      },
      options: { reduceOptions: { calcs: ['lastNotNull'] }, textMode: 'value_and_name', colorMode: 'none' },
    } as unknown as Panel,
    {
      datasource: DS,
      id: 13,
      type: 'timeseries',
      title: `\${${MESH_VAR}:text}: monthly cost over time`,
      description: `Stacked by part. ${basis}`,
      gridPos: { x: 12, y: y + 1, w: 6, h: 8 },
      targets: rowTargets(figs, ['sidecars', 'controlPlane', 'nodeAgents'], (r) =>
        r === 'controlPlane' ? 'control plane' : r === 'nodeAgents' ? 'node agents' : 'sidecars'
      ),
      fieldConfig: {
        defaults: {
          unit: 'currencyUSD',
          noValue: 'unavailable',
          custom: { stacking: { mode: 'normal' }, fillOpacity: 20 },
        },
        overrides: [],
      },
      options: { legend: legends.list, tooltip: { mode: 'multi', sort: 'none' } },
    } as unknown as Panel,
    {
      datasource: DS,
      id: 14,
      type: 'timeseries',
      title: `\${${MESH_VAR}:text}: latency added over time`,
      description:
        'p99 added (reporter-delta) inside the shaded interval its buckets allow, and the exact mean added. Where ' +
        'the band is far wider than the line, these buckets cannot resolve the p99 added: the mean is the figure to ' +
        `trust. ${basis}`,
      gridPos: { x: 18, y: y + 1, w: 6, h: 8 },
      targets: rowTargets(figs, latency, (r) => LATENCY_LEGEND[r]!),
      fieldConfig: {
        defaults: { unit: 'ms', noValue: 'unavailable', custom: { fillOpacity: 0 } },
        overrides: [
          {
            matcher: { id: 'byName', options: LATENCY_LEGEND.p99AddedUpper },
            properties: [
              { id: 'custom.fillBelowTo', value: LATENCY_LEGEND.p99AddedLower },
              { id: 'custom.fillOpacity', value: 15 },
              { id: 'custom.lineWidth', value: 0 },
            ],
          },
          {
            matcher: { id: 'byName', options: LATENCY_LEGEND.p99AddedLower },
            properties: [{ id: 'custom.lineWidth', value: 0 }],
          },
        ],
      },
      options: { legend: legends.list, tooltip: { mode: 'multi', sort: 'none' } },
    } as unknown as Panel,
    valuePanel(figs, y + 9),
  ];
}

/** The value figures' legends and units (#17): what the tax buys, in the row of the mesh that costs it. */
const VALUE_FIGURES: Array<[RowFigure, string, Unit]> = [
  ['rps', 'requests served', 'reqps'],
  ['mtlsShare', 'mTLS coverage', 'percentunit'],
  ['splitServices', 'services split', 'services'],
  ['resilienceEvents', 'resilience events', 'eventsps'],
];

function valuePanel(figs: Map<string, Figure[]>, y: number): Panel {
  const legend = (r: RowFigure) => VALUE_FIGURES.find(([x]) => x === r)![1];
  return {
    datasource: DS,
    id: 15,
    type: 'stat',
    title: `\${${MESH_VAR}:text}: what the mesh does`,
    description:
      'Requests served (destination side), the share of them over mutual TLS, services whose traffic went to two or ' +
      'more versions, and requests ended by circuit breaking, retries exhausted, timeouts or rate limiting (Envoy ' +
      'UO, URX, UT, RL). "unavailable" where the mesh has no such metric (Linkerd: splits and resilience). ' +
      `${basisSentence()}`,
    gridPos: { x: 0, y, w: 24, h: 4 },
    targets: rowInstantTargets(
      figs,
      VALUE_FIGURES.map(([r]) => r),
      legend
    ),
    fieldConfig: {
      defaults: { noValue: 'unavailable' },
      overrides: VALUE_FIGURES.map(([, name, unit]) => ({
        matcher: { id: 'byName', options: name },
        properties: [{ id: 'unit', value: GRAFANA_UNIT[unit] }],
      })),
    },
    options: { reduceOptions: { calcs: ['lastNotNull'] }, textMode: 'value_and_name', colorMode: 'none' },
  } as unknown as Panel;
}

/** The benchmark table: one instant query per mesh and column, refId `<mesh>.<column>`; it hides absent meshes. */
function comparisonPanel(y: number): Panel {
  const targets = CATALOGUE.flatMap((mesh) => {
    const figs = meshFigures(mesh, selection('none'), OPTS);
    return Object.entries(COMPARISON_FIGURES).flatMap(([column, id]) =>
      instantTarget(figure(figs, mesh, id), comparisonRefId(mesh.id, column))
    );
  });
  return {
    id: 100,
    type: 'meshtax-comparison-panel',
    title: 'The benchmark table, measured on this cluster',
    description:
      "The popular article's comparison columns, from this cluster's own metrics. Meshes without data are hidden.",
    datasource: DS,
    gridPos: { x: 0, y, w: 24, h: 7 },
    targets,
    options: { hideAbsent: true, showPodShare: true, basis: BASIS },
  } as unknown as Panel;
}

export function overviewDashboard(): Dashboard {
  return dashboard(
    DASHBOARD_UIDS.overview,
    'Mesh Tax — overview',
    DASHBOARD_DESCRIPTION,
    [comparisonPanel(0), ...meshRow(7)],
    variables([meshVariable(CATALOGUE)])
  );
}
