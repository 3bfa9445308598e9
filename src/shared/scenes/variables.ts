/** The app's scene variables, one definition shared by every page: data source, cluster, namespace and mesh. */
import {
  CustomVariable,
  DataSourceVariable,
  QueryVariable,
  SceneVariableSet,
  type SceneVariable,
} from '@grafana/scenes';
import { CATALOGUE, type MeshDef } from '../../model/catalogue';
import { DEFAULT_OPTIONS } from '../../model/options/defaults';
import type { MeshTaxOptions } from '../../model/options/types';
import { MeshVariable, VAR_MESH } from './meshVariable';

export { VAR_MESH };

export const VAR_DATASOURCE = 'datasource';
export const VAR_CLUSTER = 'cluster';
export const VAR_NAMESPACE = 'namespace';
export const VAR_LATENCY_METHOD = 'method';
/** The workload drill-down's picker (features/workload/ProxyWorkloadVariable.ts). */
export const VAR_WORKLOAD = 'workload';

/** Meshes with per-workload proxies: the ones a per-workload breakdown makes sense for. */
export const sidecarMeshes = (meshes: MeshDef[]) => meshes.filter((m) => m.dataPlaneKind === 'sidecar');

/** The latency page's extra variable: how added latency is measured, starting at the configured method. */
export function latencyMethodVariable(
  { method, baselineOffset }: MeshTaxOptions['latency'] = DEFAULT_OPTIONS.latency
): CustomVariable {
  return new CustomVariable({
    name: VAR_LATENCY_METHOD,
    label: 'Method',
    query: `reporter-delta : reporter-delta,app-vs-mesh : app-vs-mesh,baseline (${baselineOffset} ago) : baseline`,
    value: method,
  });
}

/** `mesh: false` for pages that show every detected mesh at once (the overview). */
export function meshTaxVariables(
  defaultDatasourceUid?: string,
  { mesh = true, extra = [], meshes = CATALOGUE }: { mesh?: boolean; meshes?: MeshDef[]; extra?: SceneVariable[] } = {}
): SceneVariableSet {
  const ds = { type: 'prometheus', uid: `\${${VAR_DATASOURCE}}` };
  return new SceneVariableSet({
    variables: [
      new DataSourceVariable({
        name: VAR_DATASOURCE,
        label: 'Data source',
        pluginId: 'prometheus',
        value: defaultDatasourceUid,
      }),
      new QueryVariable({
        name: VAR_CLUSTER,
        label: 'Cluster',
        datasource: ds,
        query: { query: 'label_values(kube_node_info, cluster)', refId: 'cluster' },
        includeAll: true,
        defaultToAll: true,
        allValue: '.*',
      }),
      new QueryVariable({
        name: VAR_NAMESPACE,
        label: 'Namespace',
        datasource: ds,
        query: { query: `label_values(kube_pod_info{cluster=~"$${VAR_CLUSTER}"}, namespace)`, refId: 'namespace' },
        includeAll: true,
        defaultToAll: true,
        isMulti: true,
        allValue: '.*',
      }),
      ...(mesh
        ? [
            // Detected meshes first (issue #16 §4), within the cluster and namespaces chosen above.
            new MeshVariable(
              sidecarMeshes(meshes),
              { clusterRegex: `$${VAR_CLUSTER}`, namespaceInclude: `$${VAR_NAMESPACE}` },
              ds
            ),
          ]
        : []),
      ...extra,
    ],
  });
}
