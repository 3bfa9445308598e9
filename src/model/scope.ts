/**
 * The user's selection (cluster, namespaces, window, grouping) and how it narrows every query.
 * All user-typed values are validated here and escaped by the renderer.
 */
import type { Expr, Matcher } from './promql/ast';
import { eq, labelReplace, nre, re, sum } from './promql/dsl';
import { assertDuration, assertRegex } from './promql/escape';

export type Grouping = 'none' | 'cluster' | 'namespace' | 'workload';

export interface Selection {
  /** Rate window, a Prometheus duration. */
  window: string;
  /** Exact value of the `cluster` label; empty for single-cluster setups. */
  cluster?: string;
  /** A regex over the `cluster` label instead (dashboards: "$cluster", where All is .*). */
  clusterRegex?: string;
  namespaceInclude?: string;
  namespaceExclude?: string;
  workloadInclude?: string;
  groupBy: Grouping;
  /** Read CPU and memory from kubernetes-mixin recording rules instead of raw cAdvisor series. */
  useRecordingRules?: boolean;
}

export const DEFAULT_SELECTION: Selection = { window: '5m', groupBy: 'none' };

export function validateSelection(s: Selection): Selection {
  assertDuration(s.window, 'window');
  if (s.namespaceInclude) {
    assertRegex(s.namespaceInclude, 'namespace');
  }
  if (s.namespaceExclude) {
    assertRegex(s.namespaceExclude, 'namespace-exclude');
  }
  if (s.workloadInclude) {
    assertRegex(s.workloadInclude, 'workload');
  }
  return s;
}

/** Labels that name a namespace and a cluster on a given metric family. */
export interface LabelNames {
  namespace: string;
  /** A label that holds the workload name directly (mesh metrics), or else... */
  workload?: string;
  /** ...the pod label, matched as "<workload>-..." (cAdvisor, KSM). */
  pod?: string;
}

/** Only the cluster part of the scope, for cluster-wide series such as node allocatable and prices. */
export function clusterMatchers(s: Pick<Selection, 'cluster' | 'clusterRegex'>): Matcher[] {
  return s.cluster ? [eq('cluster', s.cluster)] : s.clusterRegex ? [re('cluster', s.clusterRegex)] : [];
}

export function scopeMatchers(s: Selection, names: LabelNames = { namespace: 'namespace', pod: 'pod' }): Matcher[] {
  const out: Matcher[] = [...clusterMatchers(s)];
  if (s.namespaceInclude) {
    out.push(re(names.namespace, s.namespaceInclude));
  }
  if (s.namespaceExclude) {
    out.push(nre(names.namespace, s.namespaceExclude));
  }
  if (s.workloadInclude && names.workload) {
    out.push(re(names.workload, s.workloadInclude));
  } else if (s.workloadInclude && names.pod) {
    // A regex value, not PromQL text: the renderer escapes it as a whole. The pod suffixes are exactly those
    // withWorkload strips, so workload "cart" does not also match the pods of "cart-api".
    out.push(re(names.pod, `(?:${s.workloadInclude})${POD_SUFFIX}`));
  }
  return out;
}

/**
 * A pod's workload, from its name: Deployment pods are <name>-<replicaset hash>-<5>, DaemonSet pods <name>-<5>,
 * StatefulSet pods <name>-<ordinal>. This avoids a join with kube_pod_owner on every query.
 */
export const WORKLOAD_FROM_POD = '(.+?)(?:-[a-z0-9]{6,10})?-[a-z0-9]{5}';
export const WORKLOAD_FROM_STS_POD = '(.+)-[0-9]+';
/** What follows the workload in a pod's name, for the two patterns above. */
const POD_SUFFIX = '(?:(?:-[a-z0-9]{6,10})?-[a-z0-9]{5}|-[0-9]+)';

export function withWorkload(e: Expr): Expr {
  return labelReplace(
    labelReplace(e, 'workload', '$1', 'pod', WORKLOAD_FROM_STS_POD),
    'workload',
    '$1',
    'pod',
    WORKLOAD_FROM_POD
  );
}

export function groupLabels(g: Grouping): string[] {
  switch (g) {
    case 'none':
      return [];
    case 'cluster':
      return ['cluster'];
    case 'namespace':
      return ['cluster', 'namespace'];
    case 'workload':
      return ['cluster', 'namespace', 'workload'];
  }
}

/** Sums a per-pod (or per-container) vector to the grouping, deriving `workload` when asked for. */
export function groupSum(e: Expr, s: Selection): Expr {
  const by = groupLabels(s.groupBy);
  if (s.groupBy === 'workload') {
    const inner = withWorkload(e);
    return sum(inner, by);
  }
  return sum(e, by.length ? by : undefined);
}
