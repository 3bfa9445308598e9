/**
 * Per-container CPU and memory vectors, by usage, requests or max(usage, requests). Real containers only:
 * cAdvisor's pod-level cgroup (container="") and the pause container (container="POD") would count twice.
 */
import type { PodSelector } from './catalogue';
import type { Expr, Matcher } from './promql/ast';
import { bin, eq, neq, nre, rate, re, sel, sum } from './promql/dsl';
import { scopeMatchers, type Selection } from './scope';

export type Resource = 'cpu' | 'memory';
export type Basis = 'usage' | 'requests' | 'max';

/** The identity of one container, plus node for per-node prices. */
export const CONTAINER_KEY = ['cluster', 'namespace', 'pod', 'container', 'node'];
const MATCH_KEY = ['cluster', 'namespace', 'pod', 'container'];

export const REAL_CONTAINERS: Matcher[] = [neq('container', ''), neq('container', 'POD')];

const MIXIN = {
  cpu: 'node_namespace_pod_container:container_cpu_usage_seconds_total:sum_rate5m',
  memory: 'node_namespace_pod_container:container_memory_working_set_bytes',
};

export function podMatchers(ps: PodSelector | undefined, excludePods: string[]): Matcher[] {
  const out: Matcher[] = [];
  if (ps?.namespace) {
    out.push(re('namespace', ps.namespace));
  }
  if (ps?.pod) {
    out.push(re('pod', ps.pod));
  }
  if (ps?.container) {
    out.push(re('container', ps.container));
  }
  const ex = [ps?.excludePod, ...excludePods].filter((x): x is string => !!x);
  if (ex.length) {
    out.push(nre('pod', ex.join('|')));
  }
  return out;
}

export function usageVector(resource: Resource, who: Matcher[], s: Selection): Expr {
  const matchers = [...REAL_CONTAINERS, ...scopeMatchers(s), ...who];
  if (s.useRecordingRules) {
    const m = sel(MIXIN[resource], ...matchers);
    return sum(m, CONTAINER_KEY);
  }
  const raw =
    resource === 'cpu'
      ? rate(sel('container_cpu_usage_seconds_total', ...matchers), s.window)
      : sel('container_memory_working_set_bytes', ...matchers);
  return sum(raw, CONTAINER_KEY);
}

/** kube-state-metrics' requests series: its absence is how the app tells that kube-state-metrics is missing. */
export const KSM_REQUESTS_METRIC = 'kube_pod_container_resource_requests';

/**
 * Requests from kube-state-metrics. Native sidecars are init containers (restartPolicy Always), so their
 * requests live in kube_pod_init_container_resource_requests; completed init containers there are not counted.
 */
export function requestVector(resource: Resource, who: Matcher[], s: Selection, nativeSidecars: string[]): Expr {
  const base = [eq('resource', resource), ...scopeMatchers(s), ...who];
  const regular = sel(KSM_REQUESTS_METRIC, ...base);
  if (nativeSidecars.length === 0) {
    return sum(regular, CONTAINER_KEY);
  }
  const init = sel('kube_pod_init_container_resource_requests', ...base, re('container', nativeSidecars.join('|')));
  return sum(bin('or', regular, init), CONTAINER_KEY);
}

export function basisVector(
  resource: Resource,
  basis: Basis,
  who: Matcher[],
  s: Selection,
  nativeSidecars: string[]
): Expr {
  if (basis === 'usage') {
    return usageVector(resource, who, s);
  }
  const req = requestVector(resource, who, s, nativeSidecars);
  if (basis === 'requests') {
    return req;
  }
  // max(usage, requests) per container, as OpenCost allocates; containers without requests keep their usage.
  const use = usageVector(resource, who, s);
  const on = { on: MATCH_KEY };
  // group_left() keeps every usage label (node included): a plain on() would cut the result down to MATCH_KEY.
  return bin('or', bin('or', bin('>', use, req, { ...on, groupLeft: [] }), req, on), use, on);
}
