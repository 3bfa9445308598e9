/**
 * The value figures' PromQL (issue #17): what the mesh does for the requests it serves. Built on the mesh's
 * request counter (MeshDef.traffic), served side, renamed to namespace/workload like every other traffic figure.
 * A group with traffic but no mTLS, no split or no flagged request gets a measured 0 (`or … * 0`), never a gap.
 */
import type { MeshDef } from '../catalogue';
import { costExpr, sideRate, trafficExpr, type FigureOptions } from '../figures';
import type { Expr } from '../promql/ast';
import { agg, bin, div, labelReplace, mul, num, rate, re, sel, sum } from '../promql/dsl';
import { regexQuote } from '../promql/escape';
import { groupLabels, scopeMatchers, type Selection } from '../scope';
import { RESILIENCE, VALUE_DEFS, type MeshValueDef, type Resilience } from './defs';

const valueDef = (mesh: MeshDef): MeshValueDef | undefined => (mesh.traffic ? VALUE_DEFS[mesh.id] : undefined);

/** `e`, or 0 for every group that has served traffic. */
const orZero = (e: Expr, mesh: MeshDef, s: Selection): Expr => bin('or', e, mul(trafficExpr(mesh, s)!, num(0)));

/** Requests served over mutual TLS, per second. */
export function mtlsRpsExpr(mesh: MeshDef, s: Selection): Expr | undefined {
  const d = valueDef(mesh);
  return d && orZero(sideRate(mesh.traffic!, s, [d.mtls]), mesh, s);
}

/** Requests served in plaintext, per second (0 where all arrive over mutual TLS). */
export function plaintextRpsTotalExpr(mesh: MeshDef, s: Selection): Expr | undefined {
  const d = valueDef(mesh);
  return d && orZero(sideRate(mesh.traffic!, s, [d.plaintext]), mesh, s);
}

/** The share (0..1) of served requests that arrived over mutual TLS. */
export function mtlsShareExpr(mesh: MeshDef, s: Selection): Expr | undefined {
  const mtls = mtlsRpsExpr(mesh, s);
  return mtls && div(mtls, trafficExpr(mesh, s)!);
}

/** Per the grouping (the report asks per workload): requests per second served in plaintext, where any are. */
export function plaintextRpsExpr(mesh: MeshDef, s: Selection): Expr | undefined {
  const d = valueDef(mesh);
  return d && bin('>', sideRate(mesh.traffic!, s, [d.plaintext]), num(0));
}

/**
 * Services whose served requests went to two or more versions in the window. A service is not a workload (a
 * canary is often a second Deployment behind one Service), so there is no per-workload grouping.
 */
export function splitServicesExpr(mesh: MeshDef, s: Selection): Expr | undefined {
  const d = valueDef(mesh);
  const t = mesh.traffic;
  if (!d?.split || !t || s.groupBy === 'workload') {
    return undefined;
  }
  const { metric, match, serviceLabel, serviceNamespaceLabel, versionLabels, workloadLabel } = d.split;
  const matchers = [...match, ...scopeMatchers(s, { namespace: serviceNamespaceLabel, workload: workloadLabel })];
  const service = ['cluster', serviceNamespaceLabel, serviceLabel];
  const byVersion = sum(rate(sel(metric ?? t.metric, ...matchers), s.window), [...service, ...versionLabels]);
  const versions = agg('count', bin('>', byVersion, num(0)), service);
  const outer = groupLabels(s.groupBy).map((l) => (l === 'namespace' ? serviceNamespaceLabel : l));
  const count = (e: Expr) => agg('count', e, outer.length ? outer : undefined);
  const split = bin('or', count(bin('>=', versions, num(2))), mul(count(versions), num(0)));
  if (s.groupBy !== 'namespace') {
    return split;
  }
  return sum(labelReplace(split, 'namespace', '$1', serviceNamespaceLabel, '(.*)'), groupLabels(s.groupBy));
}

/**
 * Requests per second that ended in one resilience feature, either side of the call (an Envoy response flag), or
 * on the caller's side where the mesh counts the event itself (Linkerd); with `all`, in any of those the mesh
 * counts (the benchmark table's single column).
 */
export function resilienceExpr(mesh: MeshDef, r: Resilience | 'all', s: Selection): Expr | undefined {
  const d = valueDef(mesh);
  if (d?.events) {
    return eventsExpr(mesh, d.events, r, s);
  }
  if (!d?.flags) {
    return undefined;
  }
  const side = {
    metric: mesh.traffic!.metric,
    match: {},
    namespaceLabel: d.flags.namespaceLabel,
    workloadLabel: d.flags.workloadLabel,
  };
  // Envoy joins several flags with commas ("URX,UF"): the flag may stand anywhere in the list.
  const flags = r === 'all' ? RESILIENCE.map((x) => d.flags!.flag[x]) : [d.flags.flag[r]];
  const flagged = re(d.flags.label, `(.*,)?(${flags.map(regexQuote).join('|')})(,.*)?`);
  return orZero(sideRate(side, s, [flagged]), mesh, s);
}

/** A mesh's own counters of resilience events; `all` adds up those it has (each a measured 0 where none fired). */
function eventsExpr(
  mesh: MeshDef,
  ev: NonNullable<MeshValueDef['events']>,
  r: Resilience | 'all',
  s: Selection
): Expr | undefined {
  const one = (x: Resilience) => {
    const c = ev.counters[x];
    const side = {
      metric: c?.metric ?? '',
      match: {},
      namespaceLabel: ev.namespaceLabel,
      workloadLabel: ev.workloadLabel,
    };
    return c && orZero(sideRate(side, s, c.match), mesh, s);
  };
  if (r !== 'all') {
    return one(r);
  }
  const parts = RESILIENCE.map(one).filter((e): e is Expr => !!e);
  return parts.length ? parts.reduce((a, b) => bin('+', a, b)) : undefined;
}

/** Monthly cost of the whole mesh over a month of requests at the current rate, per million requests. */
export function costPerMillionExpr(mesh: MeshDef, s: Selection, o: FigureOptions): Expr | undefined {
  const cost = costExpr(mesh, ['dataPlane', 'controlPlane', 'nodeAgents'], s, o);
  const rps = trafficExpr(mesh, s);
  return cost && rps && div(cost, mul(rps, num(requestsPerMonthPerRps(o) / 1e6)));
}

/** A month of requests at 1 request per second. */
export const requestsPerMonthPerRps = (o: Pick<FigureOptions, 'pricing'>) => 3600 * o.pricing.hoursPerMonth;
