/**
 * One entry per figure: its title, unit, how its query is built, whether the alerts can watch it and the name
 * `meshtax rules` records it under. figureSet.ts builds from here; the report, the rules, the recorded reader, the
 * dashboards, the alert variants, the query builder, the CLI and the app all look figures up here.
 * Adding a figure: a key in figureKeys.ts, an entry here, and its query in figures.ts.
 */
import type { MeshDef } from './catalogue';
import type { ClusterFigureKey, FigureKey, MeshFigureKey } from './figureKeys';
import {
  clusterCostExpr,
  costExpr,
  idleCostTotalExpr,
  latencyBoundExpr,
  latencyExpr,
  meanLatencyExpr,
  nativeSidecarNames,
  nodesReservedExpr,
  overRequestedCostExpr,
  perPodExpr,
  podCountExpr,
  requestExpr,
  resourceExpr,
  sideBoundExpr,
  sideQuantileExpr,
  trafficExpr,
  type FigureOptions,
  type Role,
  type Unit,
} from './figures';
import type { Expr, Matcher } from './promql/ast';
import { div, num } from './promql/dsl';
import type { Selection } from './scope';
import { VALUE_FIGURES } from './value/figures';
import { nodeCountExpr } from './value/nodes';

/**
 * How the recorded reader combines per-cluster recorded series into a coarser grouping: sums add up, maxima take the
 * max, ratios are recomputed from the recorded sums they divide, averages are weighted by pod counts. Quantiles
 * cannot be merged across clusters: their max is an upper bound (exact with one cluster).
 */
export type Merge =
  | { op: 'sum' | 'max' | 'min' }
  | { op: 'ratio'; num: MeshFigureKey; den: FigureKey; denScale?: number | ((o: FigureOptions) => number) }
  | { op: 'weightedAvg'; weight: MeshFigureKey };

export interface BuildContext {
  mesh: MeshDef;
  /** The pods of the entry's role (none for whole-mesh figures). */
  who: Matcher[];
  s: Selection;
  o: FigureOptions;
}

export interface MeshFigureDef {
  /** The figure exists only for meshes that have pods in this role. */
  role?: Role;
  /** The report's title, after `<mesh name>: `. */
  title: string | ((o: FigureOptions) => string);
  /** A row label that stands alone (the CLI's table). */
  label: string;
  unit: Unit;
  build: (c: BuildContext) => Expr | undefined;
  /** A Grafana-managed alert variant watches it (alerts/variants.ts). */
  alertable: boolean;
  /** `meshtax:<metric>:<operations>`, with the mesh (and quantile) as labels. */
  record: string;
  merge: Merge;
}

export interface ClusterFigureDef {
  title: string;
  unit: Unit;
  build: (s: Selection, o: FigureOptions) => Expr;
  record: string;
}

const SUM: Merge = { op: 'sum' };
const MAX: Merge = { op: 'max' };
const MIN: Merge = { op: 'min' };
const nativesOf = (c: BuildContext) => c.mesh.nativeSidecarContainers ?? [];
const allNatives = (o: FigureOptions) => nativeSidecarNames(o.meshes);

export const CLUSTER_FIGURES: Record<ClusterFigureKey, ClusterFigureDef> = {
  'cluster.cpuCores': {
    title: 'Cluster CPU used',
    unit: 'cores',
    build: (s) => resourceExpr('cpu', [], s),
    record: 'meshtax:cluster_cpu_cores:sum',
  },
  'cluster.memoryBytes': {
    title: 'Cluster memory working set',
    unit: 'bytes',
    build: (s) => resourceExpr('memory', [], s),
    record: 'meshtax:cluster_memory_bytes:sum',
  },
  'cluster.cpuRequestCores': {
    title: 'Cluster CPU requested',
    unit: 'cores',
    build: (s, o) => requestExpr('cpu', [], s, allNatives(o)),
    record: 'meshtax:cluster_cpu_request_cores:sum',
  },
  'cluster.memoryRequestBytes': {
    title: 'Cluster memory requested',
    unit: 'bytes',
    build: (s, o) => requestExpr('memory', [], s, allNatives(o)),
    record: 'meshtax:cluster_memory_request_bytes:sum',
  },
  'cluster.nodes': {
    title: 'Cluster nodes (kube-state-metrics)',
    unit: 'nodes',
    build: (s) => nodeCountExpr(s),
    record: 'meshtax:cluster_nodes:count',
  },
  // Every container on the same prices and basis as the meshes' costs: what the headline's share of cost divides by.
  'cluster.monthlyCostUsd': {
    title: 'Cluster cost per month',
    unit: 'currencyUSD',
    build: (s, o) => clusterCostExpr(s, o, allNatives(o)),
    record: 'meshtax:cluster_monthly_cost_usd:sum',
  },
};

type Entry = Omit<MeshFigureDef, 'alertable' | 'merge'> & Partial<Pick<MeshFigureDef, 'alertable' | 'merge'>>;
const entry = (e: Entry): MeshFigureDef => ({ alertable: false, merge: SUM, ...e });
const proxies = (e: Omit<Entry, 'role'>) => entry({ role: 'dataPlane', ...e });

/** Latency figures: per workload only for app-vs-mesh (it compares each workload with its own app histogram). */
const latencyShown = (c: BuildContext) =>
  !!c.mesh.latency && (c.o.latency.method !== 'app-vs-mesh' || c.s.groupBy === 'workload');
const pN = (o: FigureOptions) => `p${Math.round(o.latency.quantile * 100)}`;

export const MESH_FIGURES: Record<MeshFigureKey, MeshFigureDef> = {
  'sidecars.pods': proxies({
    title: 'pods with a proxy',
    label: 'Pods with a proxy',
    unit: 'pods',
    build: (c) => podCountExpr(c.who, c.s),
    record: 'meshtax:sidecar_pods:count',
  }),
  'sidecars.cpuCores': proxies({
    title: 'proxy CPU',
    label: 'Proxy CPU',
    unit: 'cores',
    build: (c) => resourceExpr('cpu', c.who, c.s),
    record: 'meshtax:sidecar_cpu_cores:sum',
  }),
  'sidecars.memoryBytes': proxies({
    title: 'proxy memory',
    label: 'Proxy memory (working set)',
    unit: 'bytes',
    build: (c) => resourceExpr('memory', c.who, c.s),
    record: 'meshtax:sidecar_memory_bytes:sum',
  }),
  'sidecars.cpuShare': proxies({
    title: 'proxy share of cluster CPU',
    label: 'Proxy share of cluster CPU',
    unit: 'percentunit',
    build: (c) => div(resourceExpr('cpu', c.who, c.s), resourceExpr('cpu', [], c.s)),
    alertable: true,
    record: 'meshtax:sidecar_cpu_share:ratio',
    merge: { op: 'ratio', num: 'sidecars.cpuCores', den: 'cluster.cpuCores' },
  }),
  'sidecars.memoryShare': proxies({
    title: 'proxy share of cluster memory',
    label: 'Proxy share of cluster memory',
    unit: 'percentunit',
    build: (c) => div(resourceExpr('memory', c.who, c.s), resourceExpr('memory', [], c.s)),
    alertable: true,
    record: 'meshtax:sidecar_memory_share:ratio',
    merge: { op: 'ratio', num: 'sidecars.memoryBytes', den: 'cluster.memoryBytes' },
  }),
  'sidecars.cpuPerPodAvg': proxies({
    title: 'proxy CPU per pod (avg)',
    label: 'Proxy CPU per pod (avg)',
    unit: 'cores',
    build: (c) => perPodExpr('avg', 'cpu', c.who, c.s),
    record: 'meshtax:sidecar_cpu_cores_per_pod:avg',
    merge: { op: 'weightedAvg', weight: 'sidecars.pods' },
  }),
  'sidecars.cpuPerPodMax': proxies({
    title: 'proxy CPU per pod (max)',
    label: 'Proxy CPU per pod (max)',
    unit: 'cores',
    build: (c) => perPodExpr('max', 'cpu', c.who, c.s),
    record: 'meshtax:sidecar_cpu_cores_per_pod:max',
    merge: MAX,
  }),
  'sidecars.memoryPerPodAvg': proxies({
    title: 'proxy memory per pod (avg)',
    label: 'Proxy memory per pod (avg)',
    unit: 'bytes',
    build: (c) => perPodExpr('avg', 'memory', c.who, c.s),
    record: 'meshtax:sidecar_memory_bytes_per_pod:avg',
    merge: { op: 'weightedAvg', weight: 'sidecars.pods' },
  }),
  'sidecars.memoryPerPodMax': proxies({
    title: 'proxy memory per pod (max)',
    label: 'Proxy memory per pod (max)',
    unit: 'bytes',
    build: (c) => perPodExpr('max', 'memory', c.who, c.s),
    record: 'meshtax:sidecar_memory_bytes_per_pod:max',
    merge: MAX,
  }),
  'sidecars.cpuRequestCores': proxies({
    title: 'proxy CPU requested',
    label: 'Proxy CPU requested',
    unit: 'cores',
    build: (c) => requestExpr('cpu', c.who, c.s, nativesOf(c)),
    record: 'meshtax:sidecar_cpu_request_cores:sum',
  }),
  'sidecars.memoryRequestBytes': proxies({
    title: 'proxy memory requested',
    label: 'Proxy memory requested',
    unit: 'bytes',
    build: (c) => requestExpr('memory', c.who, c.s, nativesOf(c)),
    record: 'meshtax:sidecar_memory_request_bytes:sum',
  }),
  'sidecars.cpuRequestShare': proxies({
    title: 'proxy share of requested CPU',
    label: 'Proxy share of requested CPU',
    unit: 'percentunit',
    build: (c) => div(requestExpr('cpu', c.who, c.s, nativesOf(c)), requestExpr('cpu', [], c.s, allNatives(c.o))),
    record: 'meshtax:sidecar_cpu_request_share:ratio',
    merge: { op: 'ratio', num: 'sidecars.cpuRequestCores', den: 'cluster.cpuRequestCores' },
  }),
  'sidecars.memoryRequestShare': proxies({
    title: 'proxy share of requested memory',
    label: 'Proxy share of requested memory',
    unit: 'percentunit',
    build: (c) => div(requestExpr('memory', c.who, c.s, nativesOf(c)), requestExpr('memory', [], c.s, allNatives(c.o))),
    record: 'meshtax:sidecar_memory_request_share:ratio',
    merge: { op: 'ratio', num: 'sidecars.memoryRequestBytes', den: 'cluster.memoryRequestBytes' },
  }),
  // Each cluster's requests over its own node size; across clusters the nodes add up.
  'sidecars.nodesReservedCpu': proxies({
    title: "nodes' worth of CPU reserved by proxies",
    label: "Nodes' worth of CPU requested by proxies",
    unit: 'nodes',
    build: (c) => nodesReservedExpr('cpu', c.who, c.s, nativesOf(c)),
    record: 'meshtax:sidecar_cpu_request_nodes:ratio',
  }),
  'sidecars.nodesReservedMemory': proxies({
    title: "nodes' worth of memory reserved by proxies",
    label: "Nodes' worth of memory requested by proxies",
    unit: 'nodes',
    build: (c) => nodesReservedExpr('memory', c.who, c.s, nativesOf(c)),
    record: 'meshtax:sidecar_memory_request_nodes:ratio',
  }),
  'traffic.rps': proxies({
    title: 'requests served',
    label: 'Requests served',
    unit: 'reqps',
    build: (c) => trafficExpr(c.mesh, c.s),
    record: 'meshtax:requests:rate',
  }),
  'sidecars.vcpuPer1kRps': proxies({
    title: 'proxy vCPU per 1000 rps',
    label: 'Proxy vCPU per 1000 rps',
    unit: 'vcpuPer1kRps',
    build: (c) => {
      const rps = trafficExpr(c.mesh, c.s);
      return rps ? div(resourceExpr('cpu', c.who, c.s), div(rps, num(1000))) : undefined;
    },
    record: 'meshtax:sidecar_cpu_cores_per_1k_requests:ratio',
    merge: { op: 'ratio', num: 'sidecars.cpuCores', den: 'traffic.rps', denScale: 1000 },
  }),
  'cost.sidecars': proxies({
    title: 'proxy cost per month',
    label: 'Monthly cost: proxies',
    unit: 'currencyUSD',
    build: (c) => costExpr(c.mesh, ['dataPlane'], c.s, c.o),
    record: 'meshtax:sidecar_monthly_cost_usd:sum',
  }),
  'cost.idleSidecars': proxies({
    title: (o) => `proxies on idle workloads (< ${o.idleRps} rps), cost per month`,
    label: 'Monthly cost: idle proxies (included above)',
    unit: 'currencyUSD',
    build: (c) => idleCostTotalExpr(c.mesh, c.s, c.o, c.o.idleRps),
    alertable: true,
    record: 'meshtax:idle_sidecar_monthly_cost_usd:sum',
  }),
  /** The headline's "over-requested proxies" saving, priced with the costs' own price source. */
  'cost.overRequestedSidecars': proxies({
    title: 'proxy requests above their use, cost per month',
    label: 'Monthly cost: proxy requests above use',
    unit: 'currencyUSD',
    build: (c) => overRequestedCostExpr(c.mesh, 'dataPlane', c.s, c.o),
    record: 'meshtax:sidecar_over_requested_monthly_cost_usd:sum',
  }),
  'controlPlane.cpuCores': entry({
    role: 'controlPlane',
    title: 'control-plane CPU',
    label: 'Control-plane CPU',
    unit: 'cores',
    build: (c) => resourceExpr('cpu', c.who, c.s),
    record: 'meshtax:control_plane_cpu_cores:sum',
  }),
  'controlPlane.memoryBytes': entry({
    role: 'controlPlane',
    title: 'control-plane memory',
    label: 'Control-plane memory',
    unit: 'bytes',
    build: (c) => resourceExpr('memory', c.who, c.s),
    record: 'meshtax:control_plane_memory_bytes:sum',
  }),
  'cost.controlPlane': entry({
    role: 'controlPlane',
    title: 'control-plane cost per month',
    label: 'Monthly cost: control plane',
    unit: 'currencyUSD',
    build: (c) => costExpr(c.mesh, ['controlPlane'], c.s, c.o),
    record: 'meshtax:control_plane_monthly_cost_usd:sum',
  }),
  'nodeAgents.pods': entry({
    role: 'nodeAgents',
    title: 'node-agent pods',
    label: 'Node-agent pods',
    unit: 'pods',
    build: (c) => podCountExpr(c.who, c.s),
    record: 'meshtax:node_agent_pods:count',
  }),
  'nodeAgents.cpuCores': entry({
    role: 'nodeAgents',
    title: 'node-agent CPU',
    label: 'Node-agent CPU',
    unit: 'cores',
    build: (c) => resourceExpr('cpu', c.who, c.s),
    record: 'meshtax:node_agent_cpu_cores:sum',
  }),
  'nodeAgents.memoryBytes': entry({
    role: 'nodeAgents',
    title: 'node-agent memory',
    label: 'Node-agent memory',
    unit: 'bytes',
    build: (c) => resourceExpr('memory', c.who, c.s),
    record: 'meshtax:node_agent_memory_bytes:sum',
  }),
  'cost.nodeAgents': entry({
    role: 'nodeAgents',
    title: 'node-agent cost per month',
    label: 'Monthly cost: node agents',
    unit: 'currencyUSD',
    build: (c) => costExpr(c.mesh, ['nodeAgents'], c.s, c.o),
    record: 'meshtax:node_agent_monthly_cost_usd:sum',
  }),
  /** What the Prometheus alert of `meshtax rules` reads. */
  'cost.total': entry({
    title: 'total cost per month',
    label: 'Monthly cost: total',
    unit: 'currencyUSD',
    build: (c) => costExpr(c.mesh, ['dataPlane', 'controlPlane', 'nodeAgents'], c.s, c.o),
    alertable: true,
    record: 'meshtax:monthly_cost_usd:sum',
  }),
  'latency.pNAdded': entry({
    title: (o) => `${pN(o)} latency added (${o.latency.method})`,
    label: 'Latency added',
    unit: 'ms',
    build: (c) => (latencyShown(c) ? latencyExpr(c.mesh, c.o.latency, c.s) : undefined),
    alertable: true,
    record: 'meshtax:added_latency_milliseconds:quantile',
    merge: MAX,
  }),
  'latency.pNAddedLower': entry({
    title: (o) => `${pN(o)} latency added, lowest the buckets allow (${o.latency.method})`,
    label: 'Latency added: lowest possible',
    unit: 'ms',
    build: (c) => (latencyShown(c) ? latencyBoundExpr(c.mesh, c.o.latency, c.s, 'lower') : undefined),
    record: 'meshtax:added_latency_lower_bound_milliseconds:quantile',
    // Across clusters the widest interval holds every cluster's: the lowest lower end, the highest upper end.
    merge: MIN,
  }),
  'latency.pNAddedUpper': entry({
    title: (o) => `${pN(o)} latency added, highest the buckets allow (${o.latency.method})`,
    label: 'Latency added: highest possible',
    unit: 'ms',
    build: (c) => (latencyShown(c) ? latencyBoundExpr(c.mesh, c.o.latency, c.s, 'upper') : undefined),
    record: 'meshtax:added_latency_upper_bound_milliseconds:quantile',
    merge: MAX,
  }),
  /** Exact, from _sum and _count: what to alert on when the buckets are too coarse for the quantile. */
  'latency.meanAdded': entry({
    title: (o) => `mean latency added (${o.latency.method})`,
    label: 'Mean latency added',
    unit: 'ms',
    build: (c) => (latencyShown(c) ? meanLatencyExpr(c.mesh, c.o.latency, c.s) : undefined),
    alertable: true,
    record: 'meshtax:added_latency_milliseconds:avg',
    merge: MAX,
  }),
  'latency.pNClient': entry({
    title: (o) => `${pN(o)} latency seen by clients`,
    label: 'Latency seen by clients',
    unit: 'ms',
    build: (c) => (latencyShown(c) ? sideQuantileExpr(c.mesh, 'client', c.o.latency.quantile, c.s) : undefined),
    record: 'meshtax:client_latency_milliseconds:quantile',
    merge: MAX,
  }),
  'latency.pNClientLower': entry({
    title: (o) => `${pN(o)} latency seen by clients: lower bound of its bucket`,
    label: 'Latency seen by clients: bucket lower bound',
    unit: 'ms',
    build: (c) => (latencyShown(c) ? sideBoundExpr(c.mesh, 'client', c.o.latency.quantile, c.s, 'lower') : undefined),
    record: 'meshtax:client_latency_lower_bound_milliseconds:quantile',
    merge: MIN,
  }),
  'latency.pNClientUpper': entry({
    title: (o) => `${pN(o)} latency seen by clients: upper bound of its bucket`,
    label: 'Latency seen by clients: bucket upper bound',
    unit: 'ms',
    build: (c) => (latencyShown(c) ? sideBoundExpr(c.mesh, 'client', c.o.latency.quantile, c.s, 'upper') : undefined),
    record: 'meshtax:client_latency_upper_bound_milliseconds:quantile',
    merge: MAX,
  }),
  'latency.pNServer': entry({
    title: (o) => `${pN(o)} latency seen by servers`,
    label: 'Latency seen by servers',
    unit: 'ms',
    build: (c) => (latencyShown(c) ? sideQuantileExpr(c.mesh, 'server', c.o.latency.quantile, c.s) : undefined),
    record: 'meshtax:server_latency_milliseconds:quantile',
    merge: MAX,
  }),
  'latency.pNServerLower': entry({
    title: (o) => `${pN(o)} latency seen by servers: lower bound of its bucket`,
    label: 'Latency seen by servers: bucket lower bound',
    unit: 'ms',
    build: (c) => (latencyShown(c) ? sideBoundExpr(c.mesh, 'server', c.o.latency.quantile, c.s, 'lower') : undefined),
    record: 'meshtax:server_latency_lower_bound_milliseconds:quantile',
    merge: MIN,
  }),
  'latency.pNServerUpper': entry({
    title: (o) => `${pN(o)} latency seen by servers: upper bound of its bucket`,
    label: 'Latency seen by servers: bucket upper bound',
    unit: 'ms',
    build: (c) => (latencyShown(c) ? sideBoundExpr(c.mesh, 'server', c.o.latency.quantile, c.s, 'upper') : undefined),
    record: 'meshtax:server_latency_upper_bound_milliseconds:quantile',
    merge: MAX,
  }),
  ...VALUE_FIGURES,
};

export const MESH_FIGURE_KEYS = Object.keys(MESH_FIGURES) as MeshFigureKey[];
export const CLUSTER_FIGURE_KEYS = Object.keys(CLUSTER_FIGURES) as ClusterFigureKey[];

export const titleOf = (def: MeshFigureDef, o: FigureOptions): string =>
  typeof def.title === 'string' ? def.title : def.title(o);

export function isMeshFigureKey(key: string): key is MeshFigureKey {
  return Object.prototype.hasOwnProperty.call(MESH_FIGURES, key);
}

export function isClusterFigureKey(key: string): key is ClusterFigureKey {
  return Object.prototype.hasOwnProperty.call(CLUSTER_FIGURES, key);
}

/** `istio.latency.p95Added` → `latency.pNAdded`; undefined when the id is not one of this mesh's figures. */
export function meshFigureKey(meshId: string, figureId: string): MeshFigureKey | undefined {
  if (!figureId.startsWith(`${meshId}.`)) {
    return undefined;
  }
  const key = figureId.slice(meshId.length + 1).replace(/^latency\.p[0-9]+/, 'latency.pN');
  return isMeshFigureKey(key) ? key : undefined;
}
