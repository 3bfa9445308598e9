/**
 * The dashboards' variables: data source, cluster and namespace (regexes with "All" = .*, so clusters without a
 * `cluster` label still match), the usage source (source/gate.ts) and, per dashboard, the mesh (meshRepeat.ts).
 */
import type { VariableModel } from '@grafana/schema';
import { render } from '../promql/render';
import { clusterMatchers } from '../scope';
import { USAGE_SOURCE_REGEX, USAGE_SOURCE_VAR, usageSourceExpr } from '../source/gate';
import { DS } from './common';

const SOURCE_DESCRIPTION =
  'CPU and memory come from the kubernetes-mixin recording rules (kube-prometheus-stack) when they exist, else from ' +
  'raw cAdvisor series: the "CPU & memory from" variable asks Prometheus once per load and names the two series read ' +
  '(node_namespace_pod_container:…:sum_rate5m, or the older …:sum_irate, and …:container_memory_working_set_bytes). ' +
  "The mixin's CPU is its fixed 5m rate (the dashboards' window is 5m too); the pause container is left out either way. " +
  'Requests, traffic and latency always read raw series.';

/**
 * The dashboard's description (#19 §4): how the usage source is chosen here, beside the app's order (Mesh Tax's own
 * recorded series, then the mixin's, then raw), and what the rows show.
 */
export const DASHBOARD_DESCRIPTION =
  `${SOURCE_DESCRIPTION} Unlike the app and the CLI, which read Mesh Tax's own recorded series first when its rules ` +
  'are installed (then the mixin, then raw), the dashboards choose between the mixin and raw only. One row per mesh ' +
  'detected in the selected scope (the "Mesh" variable: data-plane pods or node agents, as the app detects them).';

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

export function variables(extra: VariableModel[] = []): VariableModel[] {
  const all = { text: 'All', value: '$__all' };
  return [
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
  ];
}
