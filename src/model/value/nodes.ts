/**
 * How many nodes the cluster has (issue #17's keep-or-drop, against the article's 100-node line), from
 * kube-state-metrics' `kube_node_info`: one series per node Kubernetes knows, ready or not. cAdvisor's
 * `machine_cpu_cores` would count the nodes a kubelet is scraped on instead; we read kube-state-metrics, which every
 * request figure needs already, so a cluster without it says "no data: needs kube_node_info", never 0.
 */
import type { Expr } from '../promql/ast';
import { agg, sel } from '../promql/dsl';
import { clusterMatchers, groupLabels, type Selection } from '../scope';

/** The line the article draws: below about 100 nodes, it says, a mesh rarely pays for itself. */
export const ARTICLE_NODE_LINE = 100;

export function nodeCountExpr(s: Selection): Expr {
  // One series per node even when two kube-state-metrics replicas are scraped (they differ by instance).
  const nodes = agg('group', sel('kube_node_info', ...clusterMatchers(s)), ['cluster', 'node']);
  // Nodes belong to a cluster, not to a namespace or workload: any grouping finer than the cluster counts per cluster.
  const by = groupLabels(s.groupBy).filter((l) => l === 'cluster');
  return agg('count', nodes, by.length ? by : undefined);
}
