/**
 * The user's selection (cluster, namespaces, window, grouping) and how it narrows every query.
 * All user-typed values are validated here and escaped by the renderer.
 */
import type { Expr, Matcher } from './promql/ast';
import { agg, bin, eq, labelReplace, mul, nre, re, sel, sum } from './promql/dsl';
import { assertDuration, assertRegex } from './promql/escape';
import type { MixinSeries } from './source/mixin';

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
  /** Which kubernetes-mixin rules to read, per resource, as the report's probe found them (wins over the above). */
  mixin?: MixinSeries;
  /**
   * A regex over metric names, usually a dashboard variable ("$usage_source"): usage queries then ask for every
   * source and the gate lets one of them match at run time (source/gate.ts), for what cannot probe first.
   */
  usageGate?: string;
  /** Each figure as its mean over this long before the query's time (average.ts); absent: the instant value. */
  averageOver?: string;
}

export const DEFAULT_SELECTION: Selection = { window: '5m', groupBy: 'none' };

export function validateSelection(s: Selection): Selection {
  assertDuration(s.window, 'window');
  if (s.averageOver) {
    assertDuration(s.averageOver, 'averageOver');
  }
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

/** The namespace part of the scope, on a metric whose namespace label is `label`. */
function namespaceMatchers(s: Selection, label: string): Matcher[] {
  const out: Matcher[] = [];
  if (s.namespaceInclude) {
    out.push(re(label, s.namespaceInclude));
  }
  if (s.namespaceExclude) {
    out.push(nre(label, s.namespaceExclude));
  }
  return out;
}

export function scopeMatchers(s: Selection, names: LabelNames = { namespace: 'namespace', pod: 'pod' }): Matcher[] {
  const out: Matcher[] = [...clusterMatchers(s), ...namespaceMatchers(s, names.namespace)];
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
 * A pod's workload from its name, the fallback when kube-state-metrics' owner series are absent: Deployment pods
 * are <name>-<replicaset hash>-<5>, DaemonSet pods <name>-<5>, StatefulSet pods <name>-<ordinal>. Names that
 * follow none of these (e.g. <name>-<5>-<n>) give a wrong workload: owners are preferred whenever they exist.
 */
const WORKLOAD_FROM_POD = '(.+?)(?:-[a-z0-9]{6,10})?-[a-z0-9]{5}';
const WORKLOAD_FROM_STS_POD = '(.+)-[0-9]+';
/** What follows the workload in a pod's name, for the two patterns above. */
const POD_SUFFIX = '(?:(?:-[a-z0-9]{6,10})?-[a-z0-9]{5}|-[0-9]+)';

/** kube-state-metrics' owner series: who owns each pod, each ReplicaSet and each Job. */
const OWNER_METRICS = { pod: 'kube_pod_owner', replicaSet: 'kube_replicaset_owner', job: 'kube_job_owner' };
const POD_KEY = ['cluster', 'namespace', 'pod'];

export function workloadFromPodName(e: Expr): Expr {
  return labelReplace(
    labelReplace(e, 'workload', '$1', 'pod', WORKLOAD_FROM_STS_POD),
    'workload',
    '$1',
    'pod',
    WORKLOAD_FROM_POD
  );
}

/**
 * 1 per pod, labelled with its workload from kube-state-metrics' owners: the Deployment behind a pod's ReplicaSet,
 * the CronJob behind its Job, else the owner itself (StatefulSet, DaemonSet, a bare ReplicaSet or Job). Only
 * controller owners count, so a pod has at most one workload.
 */
export function podWorkloadFromOwners(s: Selection): Expr {
  const scope = [...clusterMatchers(s), ...namespaceMatchers(s, 'namespace')];
  const podOwner = (...m: Matcher[]) => sel(OWNER_METRICS.pod, eq('owner_is_controller', 'true'), ...m, ...scope);
  // The parent's owner_name becomes `workload`, keyed by the child's name (`replicaset` / `job_name` in KSM).
  const viaParent = (childKind: string, childLabel: string, parent: string, parentKind: string) =>
    mul(
      labelReplace(podOwner(eq('owner_kind', childKind)), childLabel, '$1', 'owner_name', '(.*)'),
      labelReplace(
        agg('max', sel(parent, eq('owner_kind', parentKind), ...scope), [
          'cluster',
          'namespace',
          childLabel,
          'owner_name',
        ]),
        'workload',
        '$1',
        'owner_name',
        '(.*)'
      ),
      { on: ['cluster', 'namespace', childLabel], groupLeft: ['workload'] }
    );
  const direct = labelReplace(podOwner(), 'workload', '$1', 'owner_name', '(.*)');
  const onPod = { on: POD_KEY };
  const owners = bin(
    'or',
    bin(
      'or',
      viaParent('ReplicaSet', 'replicaset', OWNER_METRICS.replicaSet, 'Deployment'),
      viaParent('Job', 'job_name', OWNER_METRICS.job, 'CronJob'),
      onPod
    ),
    direct,
    onPod
  );
  return agg('group', owners, [...POD_KEY, 'workload']);
}

/**
 * Adds `workload` to a vector with a pod label: from the pod's owners when kube-state-metrics has them, from the
 * pod's name otherwise (per pod, so a pod KSM has not seen yet still gets one).
 */
export function withWorkload(e: Expr, s: Selection): Expr {
  const fromOwners = mul(e, podWorkloadFromOwners(s), { on: POD_KEY, groupLeft: ['workload'] });
  return bin('or', fromOwners, workloadFromPodName(e), { on: POD_KEY });
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
    const inner = withWorkload(e, s);
    return sum(inner, by);
  }
  return sum(e, by.length ? by : undefined);
}
