/**
 * Names of the series Mesh Tax records, after Prometheus's `level:metric:operations` convention with `meshtax` as
 * the level (every series is `sum by (cluster)`, one per cluster, or a single label-less series without a cluster
 * label). One name per figure kind across meshes: the mesh is the `mesh` label (e.g.
 * `meshtax:sidecar_cpu_cores:sum{mesh="istio", cluster="prod-eu-1"}`); latency quantiles also carry `quantile`.
 *
 * `merge` says how the reader combines recorded per-cluster series into a coarser grouping: sums add up, maxima
 * take the max, ratios are recomputed from the recorded sums they divide, averages are weighted by pod counts.
 * Quantiles cannot be merged across clusters: their max is an upper bound (exact with one cluster).
 */
export type Merge =
  | { op: 'sum' | 'max' }
  | { op: 'ratio'; num: string; den: string; denScale?: number }
  | { op: 'weightedAvg'; weight: string };

export interface RecordedKind {
  record: string;
  merge: Merge;
}

const SUM: Merge = { op: 'sum' };
const MAX: Merge = { op: 'max' };
const kind = (record: string, merge: Merge = SUM): RecordedKind => ({ record, merge });

/** Keyed by the figure id without its prefix: `cluster.cpuCores` → `cpuCores`. */
export const CLUSTER_RECORDS: Record<string, RecordedKind> = {
  cpuCores: kind('meshtax:cluster_cpu_cores:sum'),
  memoryBytes: kind('meshtax:cluster_memory_bytes:sum'),
  cpuRequestCores: kind('meshtax:cluster_cpu_request_cores:sum'),
  memoryRequestBytes: kind('meshtax:cluster_memory_request_bytes:sum'),
};

/** Keyed by the figure id without the mesh id, with `latency.p99…` written `latency.pN…`. */
export const MESH_RECORDS: Record<string, RecordedKind> = {
  'sidecars.pods': kind('meshtax:sidecar_pods:count'),
  'sidecars.cpuCores': kind('meshtax:sidecar_cpu_cores:sum'),
  'sidecars.memoryBytes': kind('meshtax:sidecar_memory_bytes:sum'),
  'sidecars.cpuShare': kind('meshtax:sidecar_cpu_share:ratio', {
    op: 'ratio',
    num: 'sidecars.cpuCores',
    den: 'cluster.cpuCores',
  }),
  'sidecars.memoryShare': kind('meshtax:sidecar_memory_share:ratio', {
    op: 'ratio',
    num: 'sidecars.memoryBytes',
    den: 'cluster.memoryBytes',
  }),
  'sidecars.cpuPerPodAvg': kind('meshtax:sidecar_cpu_cores_per_pod:avg', {
    op: 'weightedAvg',
    weight: 'sidecars.pods',
  }),
  'sidecars.cpuPerPodMax': kind('meshtax:sidecar_cpu_cores_per_pod:max', MAX),
  'sidecars.memoryPerPodAvg': kind('meshtax:sidecar_memory_bytes_per_pod:avg', {
    op: 'weightedAvg',
    weight: 'sidecars.pods',
  }),
  'sidecars.memoryPerPodMax': kind('meshtax:sidecar_memory_bytes_per_pod:max', MAX),
  'sidecars.cpuRequestCores': kind('meshtax:sidecar_cpu_request_cores:sum'),
  'sidecars.memoryRequestBytes': kind('meshtax:sidecar_memory_request_bytes:sum'),
  'sidecars.cpuRequestShare': kind('meshtax:sidecar_cpu_request_share:ratio', {
    op: 'ratio',
    num: 'sidecars.cpuRequestCores',
    den: 'cluster.cpuRequestCores',
  }),
  'sidecars.memoryRequestShare': kind('meshtax:sidecar_memory_request_share:ratio', {
    op: 'ratio',
    num: 'sidecars.memoryRequestBytes',
    den: 'cluster.memoryRequestBytes',
  }),
  // Each cluster's requests over its own node size; across clusters the nodes add up.
  'sidecars.nodesReservedCpu': kind('meshtax:sidecar_cpu_request_nodes:ratio'),
  'sidecars.nodesReservedMemory': kind('meshtax:sidecar_memory_request_nodes:ratio'),
  'traffic.rps': kind('meshtax:requests:rate'),
  'sidecars.vcpuPer1kRps': kind('meshtax:sidecar_cpu_cores_per_1k_requests:ratio', {
    op: 'ratio',
    num: 'sidecars.cpuCores',
    den: 'traffic.rps',
    denScale: 1000,
  }),
  'cost.sidecars': kind('meshtax:sidecar_monthly_cost_usd:sum'),
  'cost.idleSidecars': kind('meshtax:idle_sidecar_monthly_cost_usd:sum'),
  'controlPlane.cpuCores': kind('meshtax:control_plane_cpu_cores:sum'),
  'controlPlane.memoryBytes': kind('meshtax:control_plane_memory_bytes:sum'),
  'cost.controlPlane': kind('meshtax:control_plane_monthly_cost_usd:sum'),
  'nodeAgents.pods': kind('meshtax:node_agent_pods:count'),
  'nodeAgents.cpuCores': kind('meshtax:node_agent_cpu_cores:sum'),
  'nodeAgents.memoryBytes': kind('meshtax:node_agent_memory_bytes:sum'),
  'cost.nodeAgents': kind('meshtax:node_agent_monthly_cost_usd:sum'),
  /** What the alert reads. */
  'cost.total': kind('meshtax:monthly_cost_usd:sum'),
  'latency.pNAdded': kind('meshtax:added_latency_milliseconds:quantile', MAX),
  'latency.pNClient': kind('meshtax:client_latency_milliseconds:quantile', MAX),
  'latency.pNServer': kind('meshtax:server_latency_milliseconds:quantile', MAX),
};

export const MONTHLY_COST_RECORD = MESH_RECORDS['cost.total'].record;

/** One series whose labels say which options the rules were generated with; the report probes it. */
export const RULES_CONFIG_RECORD = 'meshtax:rules_config:info';

/** Bumped when a name or the meaning of a recorded series changes, so old rule files stop matching. */
export const RULES_SCHEMA = '1';

/** `istio.latency.p99Added` → `latency.pNAdded`; undefined when the id does not belong to the mesh. */
export function meshKey(meshId: string, figureId: string): string | undefined {
  if (!figureId.startsWith(`${meshId}.`)) {
    return undefined;
  }
  return figureId.slice(meshId.length + 1).replace(/^latency\.p[0-9]+/, 'latency.pN');
}

export function clusterKey(figureId: string): string | undefined {
  return figureId.startsWith('cluster.') ? figureId.slice('cluster.'.length) : undefined;
}

export const isLatencyKey = (key: string) => key.startsWith('latency.');
