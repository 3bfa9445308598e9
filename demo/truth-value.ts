/**
 * Ground truth of what the mesh does (issue #17), from the spec's traffic mixes (never from PromQL): requests
 * served, the share over mutual TLS, the workloads still served in plaintext, services split over two or more
 * versions, and the requests that ended in each Envoy response flag. Per mesh, and by namespace and workload.
 */
import { seenAt } from './faults';
import { CALLER_FLAGS, flagShare, mtlsShareOf } from './traffic';
import type { Cluster, MeshKind, Pod, ResponseFlag } from './types';

/** The meshes whose request metrics the demo emits. */
const WITH_TRAFFIC: MeshKind[] = ['istio', 'linkerd'];

export type ValueGrouping = 'none' | 'namespace' | 'workload';

/** A figure by group key: '' ungrouped, 'ns' by namespace, 'ns/workload' by workload. */
export type ByGroup = Record<string, number>;

export interface MeshValueTruth {
  mesh: MeshKind;
  rps: Record<ValueGrouping, ByGroup>;
  mtlsRps: Record<ValueGrouping, ByGroup>;
  mtlsShare: Record<ValueGrouping, ByGroup>;
  /** Workloads served in plaintext, keyed 'ns/workload', with their plaintext rate. */
  plaintext: ByGroup;
  /** Istio from its served counter, Linkerd from its callers' route-backend counter (null: the metrics cannot tell). */
  splitServices: Record<'none' | 'namespace', ByGroup> | null;
  /** Per flag the mesh counts: all four for Istio, URX and UT for Linkerd (it counts no UO or RL). */
  resilience: Partial<Record<ResponseFlag, Record<ValueGrouping, ByGroup>>> | null;
}

const keyOf = (g: ValueGrouping, ns: string, workload: string) =>
  g === 'none' ? '' : g === 'namespace' ? ns : `${ns}/${workload}`;

/** Adds `v` under each grouping's key; zero contributions still create the key (a measured 0). */
function add(into: Record<ValueGrouping, ByGroup>, ns: string, workload: string, v: number) {
  for (const g of ['none', 'namespace', 'workload'] as ValueGrouping[]) {
    const k = keyOf(g, ns, workload);
    into[g][k] = (into[g][k] ?? 0) + v;
  }
}

const grouped = (): Record<ValueGrouping, ByGroup> => ({ none: {}, namespace: {}, workload: {} });

/** Pods whose destination-side counter the demo emits (series-latency.ts: served requests and a latency). */
const serves = (p: Pod, mesh: MeshKind) => p.mesh === mesh && p.rps > 0 && !!p.latency;

export function valueTruth(generated: Cluster, t: number, windowSec: number): MeshValueTruth[] {
  const cluster = seenAt(generated, t, windowSec);
  const present = WITH_TRAFFIC.filter((m) => cluster.pods.some((p) => serves(p, m)));
  return present.map((mesh) => {
    const served = cluster.pods.filter((p) => serves(p, mesh));
    const rps = grouped();
    const mtlsRps = grouped();
    const plaintext: ByGroup = {};
    for (const p of served) {
      const mtls = mtlsShareOf(p.mix);
      add(rps, p.namespace, p.workload, p.rps);
      add(mtlsRps, p.namespace, p.workload, p.rps * mtls);
      if (mtls < 1) {
        const k = `${p.namespace}/${p.workload}`;
        plaintext[k] = (plaintext[k] ?? 0) + p.rps * (1 - mtls);
      }
    }
    const mtlsShare = grouped();
    for (const g of Object.keys(rps) as ValueGrouping[]) {
      for (const [k, v] of Object.entries(rps[g])) {
        mtlsShare[g][k] = mtlsRps[g][k] / v;
      }
    }
    return {
      mesh,
      rps,
      mtlsRps,
      mtlsShare,
      plaintext,
      splitServices: mesh === 'istio' ? splitTruth(served) : linkerdSplitTruth(cluster, served),
      resilience: mesh === 'istio' ? resilienceTruth(cluster, served) : linkerdResilienceTruth(cluster, served),
    };
  });
}

/** Services (namespace/workload here: one Service per workload) whose served requests went to 2+ versions. */
function splitTruth(served: Pod[]): Record<'none' | 'namespace', ByGroup> {
  const versions = new Map<string, Set<string>>();
  for (const p of served) {
    const k = `${p.namespace}/${p.workload}`;
    versions.set(k, (versions.get(k) ?? new Set()).add(p.version ?? 'v1'));
  }
  const out: Record<'none' | 'namespace', ByGroup> = { none: { '': 0 }, namespace: {} };
  for (const p of served) {
    out.namespace[p.namespace] ??= 0;
  }
  for (const [k, vs] of versions) {
    if (vs.size >= 2) {
      out.none[''] += 1;
      out.namespace[k.split('/')[0]] += 1;
    }
  }
  return out;
}

/**
 * Requests per second ending in each flag, by the destination's namespace and workload: UO, URX and UT on the
 * load generator's calls, RL on the serving pods. Every served workload has a key (a measured 0).
 */
function resilienceTruth(cluster: Cluster, served: Pod[]): Record<ResponseFlag, Record<ValueGrouping, ByGroup>> {
  const flags: ResponseFlag[] = [...CALLER_FLAGS, 'RL'];
  const out = Object.fromEntries(flags.map((f) => [f, grouped()])) as Record<
    ResponseFlag,
    Record<ValueGrouping, ByGroup>
  >;
  for (const p of served) {
    for (const f of flags) {
      add(out[f], p.namespace, p.workload, f === 'RL' ? p.rps * flagShare(p.mix, 'RL') : 0);
    }
  }
  const callers = cluster.pods.filter((p) => p.mesh === 'istio' && p.calls.length > 0);
  for (const p of callers) {
    for (const c of p.calls) {
      for (const f of CALLER_FLAGS) {
        add(out[f], p.namespace, c.workload, c.rps * flagShare(c.mix, f));
      }
    }
  }
  return out;
}

/** Linkerd's load generators' calls to the served workloads (its route metrics are the caller's). */
const linkerdCalls = (cluster: Cluster, served: Pod[]) => {
  const known = new Set(served.map((p) => `${p.namespace}/${p.workload}`));
  return cluster.pods
    .filter((p) => p.mesh === 'linkerd')
    .flatMap((p) => p.calls.map((c) => ({ ns: p.namespace, ...c })))
    .filter((c) => known.has(`${c.ns}/${c.workload}`));
};

/**
 * Linkerd: a called Service split over 2+ backends (a canary's version is its own backend Service). Every service
 * a meshed caller calls has a key by namespace (a measured 0); one nobody meshed calls has no route metrics at all.
 */
function linkerdSplitTruth(cluster: Cluster, served: Pod[]): Record<'none' | 'namespace', ByGroup> {
  const calls = linkerdCalls(cluster, served);
  const versions = (ns: string, w: string) =>
    new Set(served.filter((p) => p.namespace === ns && p.workload === w).map((p) => p.version ?? 'v1')).size;
  const out: Record<'none' | 'namespace', ByGroup> = { none: { '': 0 }, namespace: {} };
  const seen = new Set<string>();
  for (const c of calls) {
    out.namespace[c.ns] ??= 0;
    const k = `${c.ns}/${c.workload}`;
    if (!seen.has(k) && versions(c.ns, c.workload) >= 2) {
      seen.add(k);
      out.none[''] += 1;
      out.namespace[c.ns] += 1;
    }
  }
  return out;
}

/**
 * Linkerd: requests per second whose retries ran out (URX) or that timed out (UT), by the called Service, which is
 * the workload here; every served workload has a key (a measured 0).
 */
function linkerdResilienceTruth(
  cluster: Cluster,
  served: Pod[]
): Partial<Record<ResponseFlag, Record<ValueGrouping, ByGroup>>> {
  const flags: ResponseFlag[] = ['URX', 'UT'];
  const out = Object.fromEntries(flags.map((f) => [f, grouped()])) as Record<
    'URX' | 'UT',
    Record<ValueGrouping, ByGroup>
  >;
  for (const p of served) {
    flags.forEach((f) => add(out[f as 'URX' | 'UT'], p.namespace, p.workload, 0));
  }
  for (const c of linkerdCalls(cluster, served)) {
    flags.forEach((f) => add(out[f as 'URX' | 'UT'], c.ns, c.workload, c.rps * flagShare(c.mix, f)));
  }
  return out;
}

/** Cost per million requests served: the monthly cost over a month of requests at the current rate. */
export function costPerMillion(monthlyUsd: number, rps: number, hoursPerMonth: number): number | null {
  return rps > 0 ? (monthlyUsd / (rps * 3600 * hoursPerMonth)) * 1e6 : null;
}

export const totalOf = (g: ByGroup) => Object.values(g).reduce((a, b) => a + b, 0);
