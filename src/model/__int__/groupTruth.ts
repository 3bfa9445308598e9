/**
 * Ground truth per group (the whole cluster, a namespace or a workload) for the figures the builder and the workload
 * dashboard show grouped, from the generator's rows: what a correct grouped query returns in each group. Keys are the
 * model's figure keys (`sidecars.cpuCores`, `cost.sidecars`, ...); an unknown key throws, so nothing goes unchecked.
 */
import { BUCKETS, proxyLatency } from '../../../demo/meshes';
import { mixtureMean, mixtureQuantile, type Part, type QuantileTruth } from '../../../demo/mixture';
import { affine, clientProxy } from '../../../demo/series-latency';
import { ARTICLE_PRICING, monthlyCost, sum, workloadLatency, type GroundTruth, type Row } from '../../../demo/truth';
import type { Cluster } from '../../../demo/types';
import { costPerMillion, type ByGroup } from '../../../demo/truth-value';
import type { Grouping } from '../scope';

type Mesh = GroundTruth['meshes'][number];

/** A group's key: '' ungrouped, the cluster label, the namespace, or namespace/workload. */
export function groupKey(c: Cluster, g: Grouping, ns: string, wl: string): string {
  return g === 'none' ? '' : g === 'cluster' ? (c.spec.clusterLabel ?? '') : g === 'namespace' ? ns : `${ns}/${wl}`;
}

/** The same key, read from a Prometheus answer's labels. */
export function sampleKey(g: Grouping, m: Record<string, string>): string {
  return g === 'none'
    ? ''
    : g === 'cluster'
      ? (m.cluster ?? '')
      : g === 'namespace'
        ? m.namespace
        : `${m.namespace}/${m.workload}`;
}

function groups<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  xs.forEach((x) => out.set(key(x), [...(out.get(key(x)) ?? []), x]));
  return out;
}
const mapValues = <T>(m: Map<string, T>, f: (x: T, k: string) => number) =>
  new Map([...m].map(([k, v]) => [k, f(v, k)]));

/** p99 added by the proxies of one namespace: the cluster-wide truth's mixture, cut to the namespace. */
function namespaceP99Added(c: Cluster, mesh: 'istio' | 'linkerd', ns: string): number {
  const prox = proxyLatency[mesh];
  const bounds = mesh === 'istio' ? BUCKETS.istioMs : BUCKETS.linkerdMs;
  const pods = c.pods.filter((p) => p.mesh === mesh && p.namespace === ns && !p.histogramsUnread);
  // The client side of a namespace is its load generators' calls: they only call workloads of their own namespace.
  const here = new Set(pods.map((p) => p.workload));
  const strays = pods.flatMap((p) => p.calls.filter((x) => !here.has(x.workload)));
  if (strays.length) {
    throw new Error(`calls leave namespace ${ns}: the per-namespace truth below would be wrong`);
  }
  const dst = pods
    .filter((p) => p.rps > 0 && p.latency && p.emitsHistograms)
    .map((p) => ({ d: affine(p.latency!, prox.destination), weight: p.rps }));
  const client = clientProxy(c.spec, mesh);
  const src = pods.flatMap((p) => p.calls.map((x) => ({ d: affine(x.latency, client), weight: x.rps })));
  return mixtureQuantile(src, 0.99, bounds).promMs - mixtureQuantile(dst, 0.99, bounds).promMs;
}

/** One group's latency truth (issue #18): the true p99 added, the interval its buckets allow, the exact mean added. */
export interface GroupLatency {
  source: QuantileTruth;
  destination: QuantileTruth;
  trueAddedMs: number;
  /** What histogram_quantile on the client side minus the server side returns on exact bucket counts. */
  promAddedMs: number;
  rangeMs: [number, number];
  meanAddedMs: number;
}

function groupLatency(src: Part[], dst: Part[], bounds: number[], q: number): GroupLatency {
  const source = mixtureQuantile(src, q, bounds);
  const destination = mixtureQuantile(dst, q, bounds);
  return {
    source,
    destination,
    trueAddedMs: source.trueMs - destination.trueMs,
    promAddedMs: source.promMs - destination.promMs,
    rangeMs: [source.lowerMs - destination.upperMs, source.upperMs - destination.lowerMs],
    meanAddedMs: mixtureMean(src) - mixtureMean(dst),
  };
}

/**
 * reporter-delta latency truth per group at quantile `q`, from the generator's distributions: the whole mesh, each namespace (its
 * load generators only call their own namespace), or each workload (its callers' side against its own).
 */
export function latencyByGroup(
  c: Cluster,
  mesh: 'istio' | 'linkerd',
  g: Grouping,
  q = 0.99
): Map<string, GroupLatency> {
  const prox = proxyLatency[mesh];
  const bounds = mesh === 'istio' ? BUCKETS.istioMs : BUCKETS.linkerdMs;
  const pods = c.pods.filter((p) => p.mesh === mesh && !p.histogramsUnread);
  const served = pods.filter((p) => p.rps > 0 && p.latency && p.emitsHistograms);
  const out = new Map<string, GroupLatency>();
  const keyOf = (ns: string, wl: string) => groupKey(c, g, ns, wl);
  for (const key of new Set(served.map((p) => keyOf(p.namespace, p.workload)))) {
    const dst = served
      .filter((p) => keyOf(p.namespace, p.workload) === key)
      .map((p) => ({ d: affine(p.latency!, prox.destination), weight: p.rps }));
    // The client side of a group is the calls to its workloads, labelled with the destination's workload.
    const src = pods.flatMap((p) =>
      p.calls
        .filter((x) => keyOf(p.namespace, x.workload) === key)
        .map((x) => ({ d: affine(x.latency, clientProxy(c.spec, mesh)), weight: x.rps }))
    );
    if (src.length && dst.length) {
      out.set(key, groupLatency(src, dst, bounds, q));
    }
  }
  return out;
}

/** Ground truth per group for one figure of one mesh; an empty map means "no group has a value". */
export function truthByGroup(
  t: GroundTruth,
  c: Cluster,
  m: Mesh,
  key: string,
  g: Grouping,
  pricing: Parameters<typeof monthlyCost>[3] = ARTICLE_PRICING
): Map<string, number> {
  const dp = m.rows.dataPlane;
  const rowKey = (r: Row) => groupKey(c, g, r.pod.namespace, r.pod.workload);
  const cost = (rs: Row[]) => monthlyCost(c, rs, 'usage', pricing);
  // Shares divide by every container of the group, meshed or not.
  const all = groups(t.rows, rowKey);
  const dpGroups = groups(dp, rowKey);
  const total = (f: (r: Row) => number) => mapValues(dpGroups, (rs) => sum(rs.map(f)));
  const share = (f: (r: Row) => number) => mapValues(dpGroups, (rs, k) => sum(rs.map(f)) / sum(all.get(k)!.map(f)));
  const value = valueByGroup(c, m, key, g);
  if (value) {
    if (key !== 'value.costPerMillionRequests') {
      return value;
    }
    // Cost over the group's requests: groups with cost but no requests served (istio-system) have no value.
    const costs = truthByGroup(t, c, m, 'cost.total', g, pricing);
    return new Map(
      [...value]
        .map(([k, rps]): [string, number | null] => [
          k,
          costPerMillion(costs.get(k) ?? NaN, rps, pricing.hoursPerMonth),
        ])
        .filter((e): e is [string, number] => e[1] !== null && Number.isFinite(e[1]))
    );
  }
  switch (key) {
    case 'sidecars.cpuCores':
      return total((r) => r.cpu);
    case 'sidecars.memoryBytes':
      return total((r) => r.mem);
    case 'sidecars.cpuRequestCores':
      return total((r) => r.reqCpu);
    case 'cost.sidecars':
      return mapValues(dpGroups, cost);
    case 'cost.controlPlane':
      return mapValues(groups(m.rows.controlPlane, rowKey), cost);
    case 'cost.total':
      return mapValues(groups([...dp, ...m.rows.controlPlane, ...m.rows.nodeAgents], rowKey), cost);
    case 'sidecars.cpuShare':
      return share((r) => r.cpu);
    case 'sidecars.memoryShare':
      return share((r) => r.mem);
    case 'sidecars.cpuRequestShare':
      return share((r) => r.reqCpu);
    case 'sidecars.memoryPerPodAvg':
      return mapValues(dpGroups, (rs) => sum(rs.map((r) => r.mem)) / new Set(rs.map((r) => r.pod.pod)).size);
    case 'sidecars.vcpuPer1kRps': {
      // Divided by the requests each group's proxies serve; a group that serves none has no value.
      const served = (k: string) =>
        sum(c.pods.filter((p) => p.mesh === m.id && groupKey(c, g, p.namespace, p.workload) === k).map((p) => p.rps));
      return new Map(
        [...mapValues(dpGroups, (rs, k) => sum(rs.map((r) => r.cpu)) / (served(k) / 1000))].filter(([, v]) =>
          Number.isFinite(v)
        )
      );
    }
    case 'cost.idleSidecars': {
      const idle = groups(m.idle, (i) => {
        const [ns, wl] = i.workload.split('/');
        return groupKey(c, g, ns, wl);
      });
      const out = mapValues(idle, (is) => sum(is.map((i) => i.monthlyCostUsd)));
      if (g === 'workload') {
        return out;
      }
      // Issue #14: a group with proxies but no idle workload is a measured $0 (per workload, only idle ones show).
      const zeros = groups(m.rows.dataPlane, (r) => groupKey(c, g, r.pod.namespace, r.pod.workload));
      return new Map([...[...zeros.keys()].map((k): [string, number] => [k, 0]), ...out]);
    }
    // Issue #18 per group: the interval the buckets allow and the exact mean added (latencyByGroup, above).
    case 'latency.p99AddedLower':
    case 'latency.p99AddedUpper':
    case 'latency.meanAdded': {
      if (m.id !== 'istio' && m.id !== 'linkerd') {
        return new Map();
      }
      const lt = latencyByGroup(c, m.id, g);
      const pick = (x: GroupLatency) =>
        key === 'latency.meanAdded' ? x.meanAddedMs : x.rangeMs[key === 'latency.p99AddedLower' ? 0 : 1];
      return new Map([...lt].map(([k, x]) => [k, pick(x)]));
    }
    case 'latency.p99Added': {
      if (g === 'none' || g === 'cluster') {
        return m.latency ? new Map([[groupKey(c, g, '', ''), m.latency.deltaPromMs]]) : new Map();
      }
      const served = c.pods.filter((p) => p.mesh === m.id && p.rps > 0 && p.latency && p.emitsHistograms);
      if (g === 'namespace') {
        const namespaces = new Set(served.map((p) => p.namespace));
        return new Map([...namespaces].map((ns) => [ns, namespaceP99Added(c, m.id as 'istio' | 'linkerd', ns)]));
      }
      return new Map(
        served.map((p) => {
          const w = workloadLatency(c, p.namespace, p.workload)!;
          return [`${p.namespace}/${p.workload}`, w.source.promMs - w.destination.promMs];
        })
      );
    }
  }
  throw new Error(`no grouped ground truth for ${key}`);
}

const VALUE_FLAG: Record<string, 'UO' | 'URX' | 'UT' | 'RL'> = {
  'resilience.circuitBreaking': 'UO',
  'resilience.retriesExhausted': 'URX',
  'resilience.timeouts': 'UT',
  'resilience.rateLimited': 'RL',
};

/** Whether the demo's truth has this value figure for the mesh at this grouping (false: the model says why not). */
export function hasValueTruth(m: Mesh, key: string, g: Grouping): boolean {
  const v = m.value;
  if (key === 'value.splitServices') {
    return !!v?.splitServices && g !== 'workload';
  }
  if (key in VALUE_FLAG || key === 'value.resilienceEvents') {
    return !!v?.resilience;
  }
  return true;
}

/**
 * The value figures (issue #17) per group, from demo/truth-value.ts; undefined for any other key. The cluster
 * grouping is the ungrouped truth under the cluster's label. For cost per million, the requests served per group
 * (the caller divides the cost into them).
 */
function valueByGroup(c: Cluster, m: Mesh, key: string, g: Grouping): Map<string, number> | undefined {
  const v = m.value;
  const at = (
    byGrouping: Partial<Record<'none' | 'namespace' | 'workload', ByGroup>> | undefined
  ): Map<string, number> => {
    const rows = byGrouping?.[g === 'cluster' ? 'none' : g];
    if (!rows) {
      return new Map();
    }
    return new Map(Object.entries(rows).map(([k, x]) => [g === 'cluster' ? (c.spec.clusterLabel ?? '') : k, x]));
  };
  const minus = (a: Map<string, number>, b: Map<string, number>) => mapValues(a, (x, k) => x - (b.get(k) ?? 0));
  const flags = (fs: Array<'UO' | 'URX' | 'UT' | 'RL'>) =>
    fs
      .map((f) => at(v?.resilience?.[f]))
      .reduce(
        (a, b) => new Map([...new Set([...a.keys(), ...b.keys()])].map((k) => [k, (a.get(k) ?? 0) + (b.get(k) ?? 0)]))
      );
  switch (key) {
    case 'traffic.rps':
    case 'value.costPerMillionRequests':
      return at(v?.rps);
    case 'traffic.mtlsRps':
      return at(v?.mtlsRps);
    case 'traffic.plaintextRps':
      return minus(at(v?.rps), at(v?.mtlsRps));
    case 'value.mtlsShare':
      return at(v?.mtlsShare);
    case 'value.splitServices':
      return at(v?.splitServices ?? undefined);
    case 'value.resilienceEvents':
      return flags(['UO', 'URX', 'UT', 'RL']);
  }
  return key in VALUE_FLAG ? flags([VALUE_FLAG[key]]) : undefined;
}
