/**
 * The model's figures read back from the series `meshtax rules` records: the same ids, titles and units as
 * clusterFigures/meshFigures, with queries over `meshtax:*` (see names.ts for how each kind is merged). The recorded
 * series are per cluster, so only the `none` and `cluster` groupings without namespace or workload filters can be
 * read this way; canReadRecorded says when.
 */
import type { MeshDef } from '../catalogue';
import { clusterFigures, meshFigures } from '../figureSet';
import { toFigure, type Figure, type FigureOptions } from '../figures';
import type { Expr, Matcher } from '../promql/ast';
import { agg, bin, div, eq, mul, num, sel, sum } from '../promql/dsl';
import { clusterMatchers, groupLabels, type Selection } from '../scope';
import { CLUSTER_RECORDS, clusterKey, isLatencyKey, meshKey, MESH_RECORDS, type RecordedKind } from './names';

export function canReadRecorded(s: Selection): boolean {
  return (
    (s.groupBy === 'none' || s.groupBy === 'cluster') &&
    !s.namespaceInclude &&
    !s.namespaceExclude &&
    !s.workloadInclude
  );
}

function assertReadable(s: Selection) {
  if (!canReadRecorded(s)) {
    throw new Error('recorded figures are per cluster: they cannot be grouped or filtered by namespace or workload');
  }
}

const by = (s: Selection) => {
  const labels = groupLabels(s.groupBy);
  return labels.length ? labels : undefined;
};

function merged(kind: RecordedKind, lookup: (key: string) => Expr, s: Selection, matchers: Matcher[]): Expr {
  const series = sel(kind.record, ...matchers);
  const m = kind.merge;
  switch (m.op) {
    case 'sum':
      return sum(series, by(s));
    case 'max':
      return agg('max', series, by(s));
    case 'ratio': {
      const den = lookup(m.den);
      return div(lookup(m.num), m.denScale ? div(den, num(m.denScale)) : den);
    }
    case 'weightedAvg': {
      const weight = sel(MESH_RECORDS[m.weight].record, ...matchers);
      return div(sum(mul(series, weight), by(s)), sum(weight, by(s)));
    }
  }
}

export function recordedClusterFigures(s: Selection, o: FigureOptions): Figure[] {
  assertReadable(s);
  return clusterFigures(s, o).map((f) => {
    const kind = CLUSTER_RECORDS[clusterKey(f.id)!];
    return toFigure(f.id, f.title, f.unit, sum(sel(kind.record, ...clusterMatchers(s)), by(s)));
  });
}

/** Pass the mesh as the report resolved it: a control plane billed elsewhere has no figures here either. */
export function recordedMeshFigures(mesh: MeshDef, s: Selection, o: FigureOptions): Figure[] {
  assertReadable(s);
  const meshMatchers = [eq('mesh', mesh.id), ...clusterMatchers(s)];
  const quantile = eq('quantile', String(o.latency.quantile));
  const lookup = (key: string): Expr => {
    const ck = clusterKey(key);
    if (ck) {
      return sum(sel(CLUSTER_RECORDS[ck].record, ...clusterMatchers(s)), by(s));
    }
    return merged(MESH_RECORDS[key], lookup, s, meshMatchers);
  };
  return meshFigures(mesh, s, o).map((f) => {
    const key = meshKey(mesh.id, f.id)!;
    const matchers = isLatencyKey(key) ? [...meshMatchers, quantile] : meshMatchers;
    return toFigure(f.id, f.title, f.unit, merged(MESH_RECORDS[key], lookup, s, matchers));
  });
}

/** Pods of the mesh's data plane or node agents, from the recorded counts: the report's detection. */
export function recordedPresenceExpr(mesh: MeshDef, s: Selection): Expr {
  const matchers = [eq('mesh', mesh.id), ...clusterMatchers(s)];
  return sum(
    bin(
      'or',
      sel(MESH_RECORDS['sidecars.pods'].record, ...matchers),
      sel(MESH_RECORDS['nodeAgents.pods'].record, ...matchers)
    )
  );
}
