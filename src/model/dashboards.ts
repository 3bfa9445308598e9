/**
 * The shipped dashboards, generated from the model so their queries are the model's queries. Variables: data source,
 * cluster and namespace (regexes with "All" = .*, so clusters without a `cluster` label still match), and the usage
 * source (the kubernetes-mixin's series when present, else raw: source/gate.ts).
 * `npm run dashboards` writes src/dashboards/*.json; a test keeps the files equal to this output.
 */
import type { Dashboard, Panel, VariableModel } from '@grafana/schema';
import { CATALOGUE, type MeshDef } from './catalogue';
import { COMPARISON_FIGURES, comparisonRefId } from './comparison';
import { meshFigureId, type MeshFigureKey } from './figureKeys';
import { detectedMeshFigures } from './detected';
import { basisOf } from './figureBasis';
import { DEFAULT_OPTIONS } from './options/defaults';
import { DEFAULT_FIGURE_OPTIONS, meshFigures } from './figureSet';
import type { Figure } from './figures';
import { render } from './promql/render';
import { clusterMatchers, type Selection } from './scope';
import { USAGE_GATE, USAGE_SOURCE_REGEX, USAGE_SOURCE_VAR, usageSourceExpr } from './source/gate';
import { GRAFANA_UNIT } from './units';
// The panels read their options from the model too: the dashboards set the same refIds the panels expect.
import { DEFAULT_BREAKDOWN_OPTIONS as BREAKDOWN, DEFAULT_SUMMARY_OPTIONS as SUMMARY } from './panelOptions';

const DS = { type: 'prometheus', uid: '${datasource}' };
export const DASHBOARD_UIDS = { overview: 'meshtax-overview', workload: 'meshtax-workload' } as const;
const OPTS = DEFAULT_FIGURE_OPTIONS;
/** What the panels say under their figures: the defaults' prices (`auto`, decided in the query) and window. */
const BASIS = basisOf(DEFAULT_OPTIONS, { window: selection('none').window });

function variables(extra: VariableModel[] = []): { list: VariableModel[] } {
  const all = { text: 'All', value: '$__all' };
  return {
    list: [
      {
        name: 'datasource',
        label: 'Data source',
        type: 'datasource',
        query: 'prometheus',
        current: {},
      } as VariableModel,
      {
        name: 'cluster',
        label: 'Cluster',
        type: 'query',
        datasource: DS,
        query: { query: 'label_values(kube_node_info, cluster)', refId: 'cluster' },
        includeAll: true,
        allValue: '.*',
        current: all,
        refresh: 2,
      } as VariableModel,
      {
        name: 'namespace',
        label: 'Namespace',
        type: 'query',
        datasource: DS,
        query: { query: 'label_values(kube_pod_info{cluster=~"$cluster"}, namespace)', refId: 'namespace' },
        includeAll: true,
        multi: true,
        allValue: '.*',
        current: all,
        refresh: 2,
      } as VariableModel,
      usageSourceVariable(),
      ...extra,
    ],
  };
}

/**
 * Which usage series the panels read, found once per dashboard load (source/gate.ts): its value names the CPU and the
 * memory metric, the kubernetes-mixin's rules where they exist, else raw cAdvisor.
 */
function usageSourceVariable(): VariableModel {
  return {
    name: USAGE_SOURCE_VAR,
    label: 'CPU & memory from',
    description: SOURCE_DESCRIPTION,
    type: 'query',
    datasource: DS,
    query: {
      query: `query_result(${render(usageSourceExpr(clusterMatchers({ clusterRegex: '$cluster' })))})`,
      refId: USAGE_SOURCE_VAR,
    },
    regex: USAGE_SOURCE_REGEX,
    current: {},
    refresh: 1,
  } as unknown as VariableModel;
}

const SOURCE_DESCRIPTION =
  'CPU and memory come from the kubernetes-mixin recording rules (kube-prometheus-stack) when they exist, else from ' +
  'raw cAdvisor series: the "CPU & memory from" variable asks Prometheus once per load and names the two series read ' +
  '(node_namespace_pod_container:…:sum_rate5m, or the older …:sum_irate, and …:container_memory_working_set_bytes). ' +
  "The mixin's CPU is its fixed 5m rate (the dashboards' window is 5m too); the pause container is left out either way. " +
  'Requests, traffic and latency always read raw series.';

/**
 * The settings' rate window, not `$__rate_interval`: Grafana sizes that from the time range (about 1m for 6h at a 15s
 * scrape), and a 1m rate of a swinging CPU differs from the report's 5m rate by several percent. With the same window
 * a panel's last value is the report's figure (src/__int__/agreement.int.test.ts).
 */
function selection(groupBy: Selection['groupBy']): Selection {
  return {
    window: DEFAULT_OPTIONS.window,
    groupBy,
    clusterRegex: '$cluster',
    namespaceInclude: '$namespace',
    usageGate: USAGE_GATE,
  };
}

function target(f: Figure | undefined, refId: string, legendFormat = '__auto') {
  return f ? [{ refId, expr: f.expr, datasource: DS, legendFormat, range: true }] : [];
}

/** The dashboards show the default options' figures: latency at p99. */
function figure(figs: Figure[], mesh: MeshDef, key: MeshFigureKey) {
  return figs.find((f) => f.id === meshFigureId(mesh.id, key, OPTS.latency.quantile));
}

function meshRow(mesh: MeshDef, y: number, id: number): Panel[] {
  // As the report shows them: nothing for a mesh that is not there, a shared istiod billed once (detected.ts).
  const figs = detectedMeshFigures(mesh, selection('none'), OPTS);
  const f = (k: MeshFigureKey) => figure(figs, mesh, k);
  const base = { datasource: DS };
  return [
    {
      type: 'row',
      title: mesh.name,
      id,
      gridPos: { x: 0, y, w: 24, h: 1 },
      collapsed: false,
      panels: [],
    } as unknown as Panel,
    {
      ...base,
      id: id + 1,
      type: 'meshtax-summary-panel',
      title: `${mesh.name}: mesh tax`,
      description:
        'Monthly cost with CPU and memory share and p99 added. Shows "unavailable" where the mesh has no data.',
      gridPos: { x: 0, y: y + 1, w: 8, h: 8 },
      targets: [
        ...target(f('cost.total'), SUMMARY.costRefId),
        ...target(f('sidecars.cpuShare'), SUMMARY.cpuShareRefId),
        ...target(f('sidecars.memoryShare'), SUMMARY.memoryShareRefId),
        ...target(f('latency.pNAdded'), SUMMARY.latencyRefId),
      ],
      options: { ...SUMMARY, basis: BASIS },
    } as Panel,
    {
      ...base,
      id: id + 2,
      type: 'stat',
      title: `${mesh.name}: shares and latency`,
      description: 'Core stat panel with the same queries, for Grafanas without the Mesh Tax panels.',
      gridPos: { x: 8, y: y + 1, w: 8, h: 8 },
      targets: [
        ...target(f('sidecars.cpuShare'), 'cpuShare', 'CPU share'),
        ...target(f('sidecars.memoryShare'), 'memoryShare', 'memory share'),
        ...target(f('latency.pNAdded'), 'p99Added', 'p99 added'),
      ],
      fieldConfig: {
        defaults: { unit: 'percentunit', noValue: 'unavailable' },
        overrides: [
          { matcher: { id: 'byFrameRefID', options: 'p99Added' }, properties: [{ id: 'unit', value: 'ms' }] },
        ],
      },
      options: { reduceOptions: { calcs: ['lastNotNull'] }, textMode: 'value_and_name', colorMode: 'none' },
    } as Panel,
    {
      ...base,
      id: id + 3,
      type: 'timeseries',
      title: `${mesh.name}: monthly cost over time`,
      gridPos: { x: 16, y: y + 1, w: 8, h: 8 },
      targets: [
        ...target(f('cost.sidecars'), 'sidecars', 'sidecars'),
        ...target(f('cost.controlPlane'), 'controlPlane', 'control plane'),
        ...target(f('cost.nodeAgents'), 'nodeAgents', 'node agents'),
      ],
      fieldConfig: {
        defaults: {
          unit: 'currencyUSD',
          noValue: 'unavailable',
          custom: { stacking: { mode: 'normal' }, fillOpacity: 20 },
        },
        overrides: [],
      },
      options: {
        legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
        tooltip: { mode: 'multi', sort: 'none' },
      },
    } as Panel,
  ];
}

function dashboard(uid: string, title: string, panels: Panel[], vars = variables()): Dashboard {
  return {
    uid,
    title,
    description: SOURCE_DESCRIPTION,
    id: null,
    editable: true,
    schemaVersion: 41,
    tags: ['mesh-tax', 'service-mesh', 'cost'],
    time: { from: 'now-6h', to: 'now' },
    refresh: '',
    templating: vars,
    panels,
    links: [
      {
        title: 'Mesh Tax app',
        type: 'link',
        url: '/a/meshtax-overhead-app/overview',
        icon: 'external link',
        tags: [],
        asDropdown: false,
        includeVars: false,
        keepTime: true,
        targetBlank: false,
        tooltip: '',
      },
    ],
  } as unknown as Dashboard;
}

/** The benchmark table for any dashboard: one instant query per mesh and column, refId `<mesh>.<column>`. */
function comparisonPanel(y: number): Panel {
  const targets = CATALOGUE.flatMap((mesh) => {
    const figs = meshFigures(mesh, selection('none'), OPTS);
    return Object.entries(COMPARISON_FIGURES).flatMap(([column, id]) => {
      const f = figure(figs, mesh, id);
      return f
        ? [{ refId: comparisonRefId(mesh.id, column), expr: f.expr, datasource: DS, instant: true, range: false }]
        : [];
    });
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
  const meshes = CATALOGUE;
  return dashboard(DASHBOARD_UIDS.overview, 'Mesh Tax — overview', [
    comparisonPanel(0),
    ...meshes.flatMap((m, i) => meshRow(m, 7 + i * 9, i * 10 + 1)),
  ]);
}

function breakdownPanel(mesh: MeshDef, figs: Figure[], id: number, y: number): Panel {
  const f = (k: MeshFigureKey) => figure(figs, mesh, k);
  const refs: Array<[string, MeshFigureKey]> = [
    [BREAKDOWN.costRefId, 'cost.sidecars'],
    [BREAKDOWN.cpuRefId, 'sidecars.cpuCores'],
    [BREAKDOWN.requestRefId, 'sidecars.cpuRequestCores'],
    [BREAKDOWN.memoryRefId, 'sidecars.memoryBytes'],
    [BREAKDOWN.shareRefId, 'sidecars.cpuShare'],
  ];
  return {
    id,
    type: 'meshtax-breakdown-panel',
    title: `${mesh.name}: top workloads by proxy cost`,
    datasource: DS,
    gridPos: { x: 0, y, w: 8, h: 9 },
    targets: refs.flatMap(([refId, key]) => {
      const x = f(key);
      return x ? [{ refId, expr: x.expr, datasource: DS, instant: true, range: false }] : [];
    }),
    options: { ...BREAKDOWN, groupBy: 'workload', drilldownMesh: mesh.id, basis: BASIS },
  } as unknown as Panel;
}

export function workloadDashboard(): Dashboard {
  const sidecarMeshes = CATALOGUE.filter((m) => m.dataPlaneKind === 'sidecar');
  const panels: Panel[] = sidecarMeshes.flatMap((mesh, i) => {
    const figs = meshFigures(mesh, selection('workload'), OPTS);
    const f = (k: MeshFigureKey) => figure(figs, mesh, k);
    const y = i * 9;
    const breakdown = breakdownPanel(mesh, figs, i * 10 + 3, y);
    const table = {
      id: i * 10 + 1,
      type: 'table',
      title: `${mesh.name}: sidecars by workload`,
      datasource: DS,
      gridPos: { x: 8, y, w: 8, h: 9 },
      targets: [f('sidecars.cpuCores'), f('sidecars.memoryBytes'), f('cost.sidecars')]
        .filter((x): x is Figure => !!x)
        .map((x) => ({
          refId: x.id.split('.').pop()!,
          expr: x.expr,
          datasource: DS,
          format: 'table',
          instant: true,
          range: false,
        })),
      transformations: [{ id: 'merge', options: {} }],
      fieldConfig: {
        defaults: { noValue: 'unavailable' },
        overrides: [
          {
            matcher: { id: 'byName', options: 'Value #cpuCores' },
            properties: [
              { id: 'unit', value: GRAFANA_UNIT.cores },
              { id: 'displayName', value: 'CPU' },
            ],
          },
          {
            matcher: { id: 'byName', options: 'Value #memoryBytes' },
            properties: [
              { id: 'unit', value: 'bytes' },
              { id: 'displayName', value: 'Memory' },
            ],
          },
          {
            matcher: { id: 'byName', options: 'Value #sidecars' },
            properties: [
              { id: 'unit', value: 'currencyUSD' },
              { id: 'displayName', value: 'Cost per month' },
            ],
          },
        ],
      },
      options: { sortBy: [{ displayName: 'Cost per month', desc: true }] },
    } as unknown as Panel;
    const latency = {
      id: i * 10 + 2,
      type: 'timeseries',
      title: `${mesh.name}: p99 added per workload (reporter-delta)`,
      datasource: DS,
      gridPos: { x: 16, y, w: 8, h: 9 },
      targets: target(f('latency.pNAdded'), 'p99Added', '{{namespace}}/{{workload}}'),
      fieldConfig: { defaults: { unit: 'ms', noValue: 'unavailable' }, overrides: [] },
      options: {
        legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
        tooltip: { mode: 'multi', sort: 'desc' },
      },
    } as unknown as Panel;
    return [breakdown, table, latency];
  });
  return dashboard(DASHBOARD_UIDS.workload, 'Mesh Tax — workload', panels);
}

/** One figure as a time-series panel, for "Add to dashboard" and "Export JSON" (dashboards kept as code). */
export type FigureRef = Pick<Figure, 'id' | 'title' | 'unit' | 'expr'>;

export function figurePanel(f: FigureRef, datasourceUid: string): Panel {
  const ds = { type: 'prometheus', uid: datasourceUid };
  return {
    type: 'timeseries',
    title: f.title,
    description: `Mesh Tax figure ${f.id}. The query is generated by Mesh Tax's model; see the app's query for how it is defined.`,
    datasource: ds,
    targets: [{ refId: 'A', expr: f.expr, datasource: ds, legendFormat: '__auto', range: true }],
    fieldConfig: { defaults: { unit: GRAFANA_UNIT[f.unit], noValue: 'unavailable' }, overrides: [] },
    options: {
      legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
      tooltip: { mode: 'multi', sort: 'none' },
    },
  } as unknown as Panel;
}
