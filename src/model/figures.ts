/**
 * Every figure the product shows, as { id, title, unit, expr }. The app, panels, alerts and CLI all take their
 * PromQL from here; ids are stable (the CLI's `queries` output and the report refer to them).
 */
import type { MeshDef, TrafficSide } from './catalogue';
import { containerMonthlyCost, type Pricing } from './pricing';
import type { Expr, Matcher } from './promql/ast';
import { agg, bin, div, eq, labelReplace, mul, num, rate, sel, sum } from './promql/dsl';
import { render } from './promql/render';
import {
  basisVector,
  MATCH_KEY,
  podMatchers,
  REAL_CONTAINERS,
  requestVector,
  usageVector,
  type Basis,
  type Resource,
} from './resources';
import { clusterMatchers, groupLabels, groupSum, scopeMatchers, withWorkload, type Selection } from './scope';
import { addedLatency, sideQuantile, type LatencyOptions } from './latency';
import { addedLatencyBound, meanAddedLatency, sideBucketBound, type BucketEnd } from './latencyBounds';
import type { MixinSeries } from './source/mixin';

export type Unit =
  | 'cores'
  | 'bytes'
  | 'percentunit'
  | 'currencyUSD'
  | 'ms'
  | 'reqps'
  | 'pods'
  | 'nodes'
  | 'vcpuPer1kRps'
  /** A count of services (traffic splitting). */
  | 'services'
  /** Requests per second that are rare events (resilience): shown with more digits than traffic. */
  | 'eventsps';

export interface Figure {
  id: string;
  title: string;
  unit: Unit;
  expr: string;
  ast: Expr;
}

export type Role = 'dataPlane' | 'controlPlane' | 'nodeAgents';

export interface FigureOptions {
  pricing: Pricing;
  /** What a container is billed for: its usage, its requests, or the larger of the two. */
  basis: Basis;
  latency: LatencyOptions;
  /** Workloads serving fewer requests per second than this are idle. */
  idleRps: number;
  /** The other meshes' own pods, so that one mesh's data plane never claims another's control plane. */
  meshes: MeshDef[];
  /**
   * The configured regex of namespaces to leave out. Queries read it from their `Selection`; it travels here too so
   * that the scene pages, which build selections from their variables (`sceneSelection`), leave out the same
   * namespaces as the report and the CLI.
   */
  namespaceExclude?: string;
  /**
   * The configured rate window, and the kubernetes-mixin rules to read usage from (the app's cached probe decides,
   * source/figureSource.ts). Queries read both from their `Selection`; they travel here for the scene pages
   * (`sceneSelection`), so that a Breakdown figure rates over the report's window and reads the report's series.
   */
  window?: string;
  usageMixin?: MixinSeries;
}

/** Native sidecar names of every mesh considered, for the cluster-wide request total. */
export function nativeSidecarNames(meshes: MeshDef[]): string[] {
  return [...new Set(meshes.flatMap((m) => m.nativeSidecarContainers ?? []))];
}

export function roleMatchers(mesh: MeshDef, role: Role): Matcher[] | undefined {
  if (role === 'dataPlane') {
    if (!mesh.dataPlane) {
      return undefined;
    }
    const own = [mesh.controlPlane?.pod, mesh.nodeAgents?.pod].filter((x): x is string => !!x);
    return podMatchers(mesh.dataPlane, own);
  }
  const ps = role === 'controlPlane' ? mesh.controlPlane : mesh.nodeAgents;
  return ps ? podMatchers(ps, []) : undefined;
}

export function resourceExpr(resource: Resource, who: Matcher[] | undefined, s: Selection): Expr {
  return groupSum(usageVector(resource, who ?? [], s), s);
}

export function requestExpr(resource: Resource, who: Matcher[], s: Selection, natives: string[]): Expr {
  return groupSum(requestVector(resource, who, s, natives), s);
}

/** What a cost is computed from: the prices and the basis. */
export type Costing = Pick<FigureOptions, 'pricing' | 'basis'>;

/** Per-container monthly cost of a role, keyed by container (to be unioned or grouped). */
export function roleCostVector(mesh: MeshDef, role: Role, s: Selection, c: Costing): Expr | undefined {
  const who = roleMatchers(mesh, role);
  if (!who) {
    return undefined;
  }
  const natives = role === 'dataPlane' ? (mesh.nativeSidecarContainers ?? []) : [];
  return containerMonthlyCost(
    basisVector('cpu', c.basis, who, s, natives),
    basisVector('memory', c.basis, who, s, natives),
    c.pricing,
    clusterMatchers(s)
  );
}

export function costExpr(mesh: MeshDef, roles: Role[], s: Selection, c: Costing): Expr | undefined {
  const parts = roles.map((r) => roleCostVector(mesh, r, s, c)).filter((x): x is Expr => !!x);
  if (parts.length === 0) {
    return undefined;
  }
  // Roles cover disjoint containers, so `or` is a union; a missing role does not blank the total.
  return groupSum(
    parts.reduce((a, b) => bin('or', a, b)),
    s
  );
}

/**
 * The whole cluster's monthly cost: every real container, priced and billed as a mesh's containers are (the same
 * price source, node price per container under OpenCost, and the same basis), so a mesh's cost divides by it.
 */
export function clusterCostExpr(s: Selection, c: Costing, natives: string[]): Expr {
  return groupSum(
    containerMonthlyCost(
      basisVector('cpu', c.basis, [], s, natives),
      basisVector('memory', c.basis, [], s, natives),
      c.pricing,
      clusterMatchers(s)
    ),
    s
  );
}

/**
 * What a role's containers request beyond what they use, priced: per container and resource, the requests minus the
 * usage where that is above 0 (a container using more than it asks for frees nothing), at each container's own price.
 * Independent of the cost basis: it is what right-sizing the requests would give back.
 */
export function overRequestedCostExpr(mesh: MeshDef, role: Role, s: Selection, c: Costing): Expr | undefined {
  const who = roleMatchers(mesh, role);
  if (!who) {
    return undefined;
  }
  const natives = role === 'dataPlane' ? (mesh.nativeSidecarContainers ?? []) : [];
  // group_left() keeps the request side's labels (node included, for its price): plain on() would keep MATCH_KEY only.
  const above = (r: Resource) =>
    bin(
      '>',
      bin('-', requestVector(r, who, s, natives), usageVector(r, who, s), { on: MATCH_KEY, groupLeft: [] }),
      num(0)
    );
  return groupSum(containerMonthlyCost(above('cpu'), above('memory'), c.pricing, clusterMatchers(s)), s);
}

/**
 * Requests per second on one side of a mesh's request counter, renamed to namespace/workload per the grouping;
 * `extra` narrows it further (the value figures: mTLS only, one response flag).
 */
export function sideRate(side: TrafficSide, s: Selection, extra: Matcher[] = []): Expr {
  const matchers = [
    ...Object.entries(side.match).map(([k, v]) => eq(k, v)),
    ...extra,
    ...scopeMatchers(s, { namespace: side.namespaceLabel, workload: side.workloadLabel }),
  ];
  const by = groupLabels(s.groupBy).map((l) =>
    l === 'namespace' ? side.namespaceLabel : l === 'workload' ? side.workloadLabel : l
  );
  const summed = agg('sum', rate(sel(side.metric, ...matchers), s.window), by.length ? by : undefined);
  return renameToCommon(summed, side, s);
}

/** Requests served, per the grouping, with the mesh's workload labels renamed to namespace/workload. */
export function trafficExpr(mesh: MeshDef, s: Selection): Expr | undefined {
  return mesh.traffic ? sideRate(mesh.traffic, s) : undefined;
}

/**
 * Requests served plus requests sent, per the grouping: how busy a workload's proxy is. A workload on one side only
 * keeps that side (`or`), one on neither has no series.
 */
export function activityExpr(mesh: MeshDef, s: Selection): Expr | undefined {
  const t = mesh.traffic;
  if (!t?.sent) {
    return trafficExpr(mesh, s);
  }
  const served = sideRate(t, s);
  const sent = sideRate({ metric: t.metric, ...t.sent }, s);
  return bin('or', bin('or', bin('+', served, sent), served), sent);
}

function renameToCommon(e: Expr, side: { namespaceLabel: string; workloadLabel: string }, s: Selection): Expr {
  // The same rule as the latency normaliser: rename, then keep only the grouping labels.
  let out = e;
  const lr = (x: Expr, dst: string, src: string) => labelReplace(x, dst, '$1', src, '(.*)');
  if ((s.groupBy === 'namespace' || s.groupBy === 'workload') && side.namespaceLabel !== 'namespace') {
    out = lr(out, 'namespace', side.namespaceLabel);
  }
  if (s.groupBy === 'workload') {
    out = lr(out, 'workload', side.workloadLabel);
  }
  const by = groupLabels(s.groupBy);
  return by.length ? sum(out, by) : out;
}

/** Pods running the data plane (1 per pod, whatever its container count). */
export function podCountExpr(who: Matcher[], s: Selection): Expr {
  const pods = agg(
    'group',
    sel('container_memory_working_set_bytes', ...REAL_CONTAINERS, ...scopeMatchers(s), ...who),
    ['cluster', 'namespace', 'pod']
  );
  return groupSum(pods, s);
}

/** avg or max over pods of the per-pod sum, e.g. sidecar memory per pod. */
export function perPodExpr(op: 'avg' | 'max', resource: Resource, who: Matcher[], s: Selection): Expr {
  const perPod = sum(usageVector(resource, who, s), ['cluster', 'namespace', 'pod']);
  const by = groupLabels(s.groupBy);
  return agg(op, s.groupBy === 'workload' ? withWorkload(perPod, s) : perPod, by.length ? by : undefined);
}

/** Average allocatable per node, joined to any grouping on cluster. */
export function perNodeAllocatable(resource: Resource, s: Selection): Expr {
  const nodes = sel('kube_node_status_allocatable', eq('resource', resource), ...clusterMatchers(s));
  return agg('avg', nodes, s.groupBy === 'none' ? undefined : ['cluster']);
}

export function nodesReservedExpr(resource: Resource, who: Matcher[], s: Selection, natives: string[]): Expr {
  // Ungrouped, both sides are label-less; grouped, each namespace or workload divides by its own cluster's nodes.
  const matching = s.groupBy === 'none' ? undefined : { on: ['cluster'], groupLeft: [] };
  return div(requestExpr(resource, who, s, natives), perNodeAllocatable(resource, s), matching);
}

/**
 * Per cluster (or one label-less series, ungrouped): the mesh's request counter exists at all. Without it no proxy
 * can be told busy, so idle cost is unavailable rather than "every proxy".
 */
export function trafficPresenceExpr(mesh: MeshDef, s: Selection): Expr | undefined {
  if (!mesh.traffic) {
    return undefined;
  }
  const series = sel(mesh.traffic.metric, ...clusterMatchers(s));
  return s.groupBy === 'none' ? agg('group', series) : agg('group', series, ['cluster']);
}

const onTrafficPresence = (s: Selection) => ({ on: s.groupBy === 'none' ? [] : ['cluster'] });

export function idleCostExpr(mesh: MeshDef, s: Selection, c: Costing, idleRps: number): Expr | undefined {
  const ws: Selection = { ...s, groupBy: 'workload' };
  const cost = costExpr(mesh, ['dataPlane'], ws, c);
  // Served and sent: a load generator's proxy that only sends is busy, not idle.
  const traffic = activityExpr(mesh, ws);
  const present = trafficPresenceExpr(mesh, ws);
  if (!cost || !traffic || !present) {
    return undefined;
  }
  // A workload with no request series at all is idle too: `unless` keeps it.
  const idle = bin('unless', cost, bin('>=', traffic, num(idleRps)), { on: ['cluster', 'namespace', 'workload'] });
  return bin('and', idle, present, onTrafficPresence(ws));
}

/**
 * Idle cost summed to the grouping. When no workload is idle the sum is empty, yet the answer is a measured $0:
 * the proxies' cost times zero fills it in, wherever proxies exist and the mesh's request counter does.
 */
export function idleCostTotalExpr(mesh: MeshDef, s: Selection, c: Costing, idleRps: number): Expr | undefined {
  const perWorkload = idleCostExpr(mesh, s, c, idleRps);
  if (!perWorkload || s.groupBy === 'workload') {
    return perWorkload;
  }
  const by = groupLabels(s.groupBy);
  const none = bin(
    'and',
    mul(costExpr(mesh, ['dataPlane'], s, c)!, num(0)),
    trafficPresenceExpr(mesh, s)!,
    onTrafficPresence(s)
  );
  return bin('or', sum(perWorkload, by.length ? by : undefined), none);
}

/**
 * For telling "every proxy is idle" from "the mesh's workload names match no proxy's": workloads with traffic, and
 * those of them that also run a proxy (both counts, at the workload grouping).
 */
export function trafficMatchExprs(mesh: MeshDef, s: Selection): { busy: Expr; matched: Expr } | undefined {
  const ws: Selection = { ...s, groupBy: 'workload' };
  const traffic = activityExpr(mesh, ws);
  const dp = roleMatchers(mesh, 'dataPlane');
  if (!traffic || !dp) {
    return undefined;
  }
  const busy = bin('>', traffic, num(0));
  return {
    busy: agg('count', busy),
    matched: agg('count', bin('and', busy, podCountExpr(dp, ws), { on: ['cluster', 'namespace', 'workload'] })),
  };
}

export function latencyExpr(mesh: MeshDef, o: LatencyOptions, s: Selection): Expr | undefined {
  return mesh.latency ? addedLatency(mesh.latency, o, s) : undefined;
}

export function sideQuantileExpr(mesh: MeshDef, which: 'client' | 'server', q: number, s: Selection): Expr | undefined {
  return mesh.latency ? sideQuantile(mesh.latency[which], q, s) : undefined;
}

/** One end of the interval that holds the true quantile added (issue #18). */
export function latencyBoundExpr(mesh: MeshDef, o: LatencyOptions, s: Selection, end: BucketEnd): Expr | undefined {
  return mesh.latency ? addedLatencyBound(mesh.latency, o, s, end) : undefined;
}

export function meanLatencyExpr(mesh: MeshDef, o: LatencyOptions, s: Selection): Expr | undefined {
  return mesh.latency ? meanAddedLatency(mesh.latency, o, s) : undefined;
}

export function sideBoundExpr(
  mesh: MeshDef,
  which: 'client' | 'server',
  q: number,
  s: Selection,
  end: BucketEnd
): Expr | undefined {
  return mesh.latency ? sideBucketBound(mesh.latency[which], q, s, end) : undefined;
}

export const toFigure = (id: string, title: string, unit: Unit, ast: Expr): Figure => ({
  id,
  title,
  unit,
  ast,
  expr: render(ast),
});
