/**
 * Names of the series Mesh Tax records, after Prometheus's `level:metric:operations` convention with `meshtax` as
 * the level (every series is `sum by (cluster)`, one per cluster, or a single label-less series without a cluster
 * label). One name per figure kind across meshes, written in the figure table (figureTable.ts, `record`): the mesh
 * is the `mesh` label (e.g. `meshtax:sidecar_cpu_cores:sum{mesh="istio", cluster="prod-eu-1"}`); latency quantiles
 * also carry `quantile`. How the reader merges per-cluster series is the table's `merge`.
 */
import type { ClusterFigureKey, MeshFigureKey } from '../figureKeys';
import { CLUSTER_FIGURES, isClusterFigureKey, meshFigureKey, MESH_FIGURES } from '../figureTable';

export { isLatencyKey } from '../figureKeys';

export const MONTHLY_COST_RECORD = MESH_FIGURES['cost.total'].record;

/** One series whose labels say which options the rules were generated with; the report probes it. */
export const RULES_CONFIG_RECORD = 'meshtax:rules_config:info';

/** Bumped when a name or the meaning of a recorded series changes, so old rule files stop matching. */
export const RULES_SCHEMA = '1';

/** The recorded name of a figure of the table. */
export function recordOf(key: MeshFigureKey | ClusterFigureKey): string {
  return isClusterFigureKey(key) ? CLUSTER_FIGURES[key].record : MESH_FIGURES[key].record;
}

/** `istio.latency.p99Added` → `latency.pNAdded`; undefined when the id is not one of the mesh's figures. */
export const meshKey = meshFigureKey;
