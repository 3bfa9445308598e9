/**
 * The typed names of the model's figures, and how they become the ids the report, the CLI, the rules, the dashboards
 * and the app share. Kept apart from figureTable.ts (which builds the queries) so that the UI can name a figure
 * without importing the PromQL builders.
 *
 * Ids: a cluster figure's id is its key (`cluster.cpuCores`); a mesh figure's id is `<mesh id>.<key>`, with the
 * latency keys written for the chosen quantile (`latency.pNAdded` at 0.99 is `istio.latency.p99Added`).
 */

/** Cluster-wide figures, the denominators of the shares (the monthly cost: of the headline's share of cost). */
export type ClusterFigureKey =
  | 'cluster.cpuCores'
  | 'cluster.memoryBytes'
  | 'cluster.cpuRequestCores'
  | 'cluster.memoryRequestBytes'
  | 'cluster.nodes'
  | 'cluster.monthlyCostUsd';

/** A mesh's figures, in the order `meshtax queries` prints them. */
export type MeshFigureKey =
  | 'sidecars.pods'
  | 'sidecars.cpuCores'
  | 'sidecars.memoryBytes'
  | 'sidecars.cpuShare'
  | 'sidecars.memoryShare'
  | 'sidecars.cpuPerPodAvg'
  | 'sidecars.cpuPerPodMax'
  | 'sidecars.memoryPerPodAvg'
  | 'sidecars.memoryPerPodMax'
  | 'sidecars.cpuRequestCores'
  | 'sidecars.memoryRequestBytes'
  | 'sidecars.cpuRequestShare'
  | 'sidecars.memoryRequestShare'
  | 'sidecars.nodesReservedCpu'
  | 'sidecars.nodesReservedMemory'
  | 'traffic.rps'
  | 'sidecars.vcpuPer1kRps'
  | 'cost.sidecars'
  | 'cost.idleSidecars'
  | 'cost.overRequestedSidecars'
  | 'controlPlane.cpuCores'
  | 'controlPlane.memoryBytes'
  | 'cost.controlPlane'
  | 'nodeAgents.pods'
  | 'nodeAgents.cpuCores'
  | 'nodeAgents.memoryBytes'
  | 'cost.nodeAgents'
  | 'cost.total'
  | 'latency.pNAdded'
  | 'latency.pNAddedLower'
  | 'latency.pNAddedUpper'
  | 'latency.meanAdded'
  | 'latency.pNClient'
  | 'latency.pNClientLower'
  | 'latency.pNClientUpper'
  | 'latency.pNServer'
  | 'latency.pNServerLower'
  | 'latency.pNServerUpper'
  // What the mesh does (issue #17): src/model/value/.
  | 'traffic.mtlsRps'
  | 'traffic.plaintextRps'
  | 'value.mtlsShare'
  | 'value.splitServices'
  | 'value.costPerMillionRequests'
  | 'value.resilienceEvents'
  | 'resilience.circuitBreaking'
  | 'resilience.retriesExhausted'
  | 'resilience.timeouts'
  | 'resilience.rateLimited';

export type FigureKey = ClusterFigureKey | MeshFigureKey;

/** The part of a mesh key before the dot: the report's groups (`cost` is the report's `monthlyCostUsd`). */
export type FigureGroup = MeshFigureKey extends `${infer G}.${string}` ? G : never;
/** The fields of one group: `FieldOf<'cost'>` is `'sidecars' | 'idleSidecars' | … | 'total'`. */
export type FieldOf<G extends FigureGroup> = MeshFigureKey extends infer K
  ? K extends `${G}.${infer F}`
    ? F
    : never
  : never;

/** The quantile of the latency figures that the alerts, the benchmark table and the dashboards show. */
export const P99 = 0.99;

export const isLatencyKey = (key: MeshFigureKey) => key.startsWith('latency.');

/** `latency.pNAdded` at 0.99 → `latency.p99Added`; other keys are their own suffix. */
export function keySuffix(key: MeshFigureKey, quantile: number = P99): string {
  return isLatencyKey(key) ? key.replace('pN', `p${Math.round(quantile * 100)}`) : key;
}

export function meshFigureId(meshId: string, key: MeshFigureKey, quantile: number = P99): string {
  return `${meshId}.${keySuffix(key, quantile)}`;
}
