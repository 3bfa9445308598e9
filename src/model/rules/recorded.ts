/**
 * The model's figures read back from the series `meshtax rules` records: the same ids, titles and units as
 * clusterFigures/meshFigures, with queries over `meshtax:*` (see names.ts for how each kind is merged). The recorded
 * series are per cluster, so only the `none` and `cluster` groupings without namespace or workload filters can be
 * read this way; canReadRecorded says when. With `averageOver`, each recorded series is averaged over the span
 * (average.ts): the mean of the values the rules recorded, close to the raw mean but sampled at the rules' interval.
 */
import { asSelected } from '../average';
import type { MeshDef } from '../catalogue';
import { clusterFigures, meshFigures } from '../figureSet';
import { toFigure, type Figure, type FigureOptions } from '../figures';
import type { Expr, Matcher } from '../promql/ast';
import { agg, bin, div, eq, mul, num, sel, sum } from '../promql/dsl';
import { isLatencyKey, type FigureKey } from '../figureKeys';
import { CLUSTER_FIGURES, isClusterFigureKey, meshFigureKey, MESH_FIGURES, type Merge } from '../figureTable';
import { clusterMatchers, groupLabels, type Selection } from '../scope';

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

/** One recorded kind: its name and how its per-cluster series merge (the figure table's `record` and `merge`). */
interface Recorded {
  record: string;
  merge: Merge;
}

function merged(
  kind: Recorded,
  lookup: (key: FigureKey) => Expr,
  s: Selection,
  matchers: Matcher[],
  o: FigureOptions
): Expr {
  const series = sel(kind.record, ...matchers);
  const m = kind.merge;
  switch (m.op) {
    case 'sum':
      return sum(series, by(s));
    case 'max':
    case 'min':
      return agg(m.op, series, by(s));
    case 'ratio': {
      const den = lookup(m.den);
      const scale = typeof m.denScale === 'function' ? m.denScale(o) : m.denScale;
      return div(lookup(m.num), scale ? div(den, num(scale)) : den);
    }
    case 'weightedAvg': {
      const weight = sel(MESH_FIGURES[m.weight].record, ...matchers);
      return div(sum(mul(series, weight), by(s)), sum(weight, by(s)));
    }
  }
}

export function recordedClusterFigures(s: Selection, o: FigureOptions): Figure[] {
  assertReadable(s);
  return clusterFigures(s, o).map((f) => {
    if (!isClusterFigureKey(f.id)) {
      throw new Error(`recorded: ${f.id} is not a cluster figure of the table`);
    }
    const e = sum(sel(CLUSTER_FIGURES[f.id].record, ...clusterMatchers(s)), by(s));
    return toFigure(f.id, f.title, f.unit, asSelected(e, s));
  });
}

/**
 * The query builder's "Copy as recording rule" records under the same names with a `meshtax_grouping` label
 * (builder/recordingRule.ts); reading those too would add a second copy of the figure to every sum.
 */
const NOT_FROM_BUILDER = eq('meshtax_grouping', '');

/** Pass the mesh as the report resolved it: a control plane billed elsewhere has no figures here either. */
export function recordedMeshFigures(mesh: MeshDef, s: Selection, o: FigureOptions): Figure[] {
  assertReadable(s);
  const meshMatchers = [eq('mesh', mesh.id), NOT_FROM_BUILDER, ...clusterMatchers(s)];
  const quantile = eq('quantile', String(o.latency.quantile));
  const lookup = (key: FigureKey): Expr =>
    isClusterFigureKey(key)
      ? sum(sel(CLUSTER_FIGURES[key].record, ...clusterMatchers(s)), by(s))
      : merged(MESH_FIGURES[key], lookup, s, meshMatchers, o);
  return meshFigures(mesh, s, o).map((f) => {
    const key = meshFigureKey(mesh.id, f.id)!;
    const matchers = isLatencyKey(key) ? [...meshMatchers, quantile] : meshMatchers;
    return toFigure(f.id, f.title, f.unit, asSelected(merged(MESH_FIGURES[key], lookup, s, matchers, o), s));
  });
}

/** Pods of the mesh's data plane or node agents, from the recorded counts: the report's detection. */
export function recordedPresenceExpr(mesh: MeshDef, s: Selection): Expr {
  const matchers = [eq('mesh', mesh.id), NOT_FROM_BUILDER, ...clusterMatchers(s)];
  return sum(
    bin(
      'or',
      sel(MESH_FIGURES['sidecars.pods'].record, ...matchers),
      sel(MESH_FIGURES['nodeAgents.pods'].record, ...matchers)
    )
  );
}
