/**
 * Per-container CPU and memory vectors, by usage, requests or max(usage, requests). Real containers only:
 * cAdvisor's pod-level cgroup (container="") and the pause container (container="POD") would count twice.
 */
import type { PodSelector } from './catalogue';
import type { Expr, Matcher } from './promql/ast';
import { bin, eq, gated, neq, nre, rate, re, sel, sum } from './promql/dsl';
import { anyOf } from './promql/escape';
import { scopeMatchers, type Selection } from './scope';
import { BOTH_MIXIN_RULES, MIXIN_CPU_RULES, MIXIN_MEMORY_RULE, RAW_USAGE } from './source/mixin';

export type Resource = 'cpu' | 'memory';
export type Basis = 'usage' | 'requests' | 'max';

/** The identity of one container, plus node for per-node prices. */
export const CONTAINER_KEY = ['cluster', 'namespace', 'pod', 'container', 'node'];
/** One container, without node: what usage and requests are matched on. */
export const MATCH_KEY = ['cluster', 'namespace', 'pod', 'container'];

export const REAL_CONTAINERS: Matcher[] = [neq('container', ''), neq('container', 'POD')];

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

/** The mixin rule a resource is read from under this selection, if any (`useRecordingRules`: both, as before). */
function mixinMetric(resource: Resource, s: Selection): string | undefined {
  const m = s.mixin ?? (s.useRecordingRules ? BOTH_MIXIN_RULES : undefined);
  if (resource === 'memory') {
    return m?.memory ? MIXIN_MEMORY_RULE : undefined;
  }
  return m?.cpu ? MIXIN_CPU_RULES[m.cpu] : undefined;
}

/**
 * Usage per container. The mixin's rules keep the pause container (its CPU rule drops only image="", the pod-level
 * cgroup), so the same REAL_CONTAINERS matchers apply to them as to cAdvisor. The mixin's CPU is already a rate.
 */
export function usageVector(resource: Resource, who: Matcher[], s: Selection): Expr {
  const matchers = [...REAL_CONTAINERS, ...scopeMatchers(s), ...who];
  const perContainer = (metric: string) => {
    const x = sel(metric, ...matchers);
    return s.usageGate === undefined ? x : gated(x, s.usageGate);
  };
  const raw = () => {
    const x = perContainer(RAW_USAGE[resource]);
    return sum(resource === 'cpu' ? rate(x, s.window) : x, CONTAINER_KEY);
  };
  if (s.usageGate !== undefined) {
    // Run time choice (dashboards): the gate names exactly one CPU and one memory metric. Candidates read the same
    // way share one selector (a __name__ regex beside the gate): both mixin CPU spellings, and for memory the mixin
    // rule and raw cAdvisor alike (both gauges). Only raw CPU needs its own selector, for its rate. One selector
    // instead of one per candidate keeps the dashboards' queries short (a cost query holds the usage vector thrice).
    const candidates = (names: string[]) =>
      sum(sel('', re('__name__', anyOf(names)), re('__name__', s.usageGate!), ...matchers), CONTAINER_KEY);
    return resource === 'cpu'
      ? bin('or', candidates(Object.values(MIXIN_CPU_RULES)), raw())
      : candidates([MIXIN_MEMORY_RULE, RAW_USAGE.memory]);
  }
  const mixin = mixinMetric(resource, s);
  return mixin ? sum(perContainer(mixin), CONTAINER_KEY) : raw();
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
