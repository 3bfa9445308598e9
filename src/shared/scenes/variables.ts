/** The app's scene variables, one definition shared by every page: data source, cluster, namespace and mesh. */
import { CustomVariable, DataSourceVariable, QueryVariable, SceneVariableSet, TextBoxVariable } from '@grafana/scenes';
import { CATALOGUE } from '../../model/catalogue';

export const VAR_DATASOURCE = 'datasource';
export const VAR_CLUSTER = 'cluster';
export const VAR_NAMESPACE = 'namespace';
export const VAR_MESH = 'mesh';
export const VAR_LATENCY_METHOD = 'method';
export const VAR_WORKLOAD = 'workload';

/** The drill-down's workload, a literal name typed or passed in the URL (escaped as a regex by scenes' :regex). */
export function workloadVariable(value = ''): TextBoxVariable {
  return new TextBoxVariable({ name: VAR_WORKLOAD, label: 'Workload', value });
}

/** Meshes with per-workload proxies: the ones a per-workload breakdown makes sense for. */
export const SIDECAR_MESHES = CATALOGUE.filter((m) => m.dataPlaneKind === 'sidecar');

/** The latency page's extra variable: how added latency is measured. */
export function latencyMethodVariable(): CustomVariable {
  return new CustomVariable({
    name: VAR_LATENCY_METHOD,
    label: 'Method',
    query: 'reporter-delta : reporter-delta,app-vs-mesh : app-vs-mesh,baseline (1 day ago) : baseline',
    value: 'reporter-delta',
  });
}

/** `mesh: false` for pages that show every detected mesh at once (the overview). */
export function meshTaxVariables(
  defaultDatasourceUid?: string,
  { mesh = true, extra = [] }: { mesh?: boolean; extra?: Array<CustomVariable | TextBoxVariable> } = {}
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
            new CustomVariable({
              name: VAR_MESH,
              label: 'Mesh',
              query: SIDECAR_MESHES.map((m) => `${m.name} : ${m.id}`).join(','),
              value: 'istio',
            }),
          ]
        : []),
      ...extra,
    ],
  });
}
