/**
 * A mesh's figures as the report shows them, for surfaces that cannot run the report's detection first (a static
 * dashboard): the same decisions, made inside each query.
 * - A mesh with no data-plane pods and no node agents is not there (the report's detect()): its figures give no data,
 *   even where its control plane runs (istiod with no sidecars is not a mesh to bill).
 * - A control plane shared with another mesh (istiod, for ambient Istio) is billed to its owner when the owner is
 *   there (the report's resolveShared): the sharing mesh's figures then leave it out, and its control-plane figures
 *   give no data.
 */
import { asSelected } from './average';
import type { MeshDef } from './catalogue';
import { meshFigures } from './figureSet';
import { meshFigureId } from './figureKeys';
import {
  podCountExpr,
  roleCostVector,
  roleMatchers,
  toFigure,
  type Figure,
  type FigureOptions,
  type Role,
} from './figures';
import type { Expr, Matcher } from './promql/ast';
import { agg, bin } from './promql/dsl';
import { render } from './promql/render';
import { groupSum, type Selection } from './scope';

/** One series per cluster (label-less, ungrouped) where the mesh has data-plane pods or node agents. */
export function meshPresenceExpr(mesh: MeshDef, s: Selection): Expr | undefined {
  const ps: Selection = { ...s, groupBy: s.groupBy === 'none' ? 'none' : 'cluster' };
  const who = [roleMatchers(mesh, 'dataPlane'), roleMatchers(mesh, 'nodeAgents')].filter((x): x is Matcher[] => !!x);
  if (who.length === 0) {
    return undefined;
  }
  const pods = who.map((w) => podCountExpr(w, ps)).reduce((a, b) => bin('or', a, b));
  return asSelected(ps.groupBy === 'none' ? agg('group', pods) : agg('group', pods, ['cluster']), s);
}

/**
 * The mesh billed without its control plane. Its proxies still leave the control plane's pods out, as the whole
 * mesh's do (roleMatchers), so a figure that reads no control-plane series is written exactly as before.
 */
function withoutControlPlane(mesh: MeshDef): MeshDef {
  const dp = mesh.dataPlane;
  const excludePod = [dp?.excludePod, mesh.controlPlane?.pod].filter((x): x is string => !!x).join('|');
  return { ...mesh, controlPlane: undefined, dataPlane: dp && (excludePod ? { ...dp, excludePod } : dp) };
}

export function detectedMeshFigures(mesh: MeshDef, s: Selection, o: FigureOptions): Figure[] {
  const on = { on: s.groupBy === 'none' ? [] : ['cluster'] };
  const present = meshPresenceExpr(mesh, s);
  const owner = mesh.controlPlaneSharedWith && o.meshes.find((m) => m.id === mesh.controlPlaneSharedWith);
  const ownerPresent = owner ? meshPresenceExpr(owner, s) : undefined;
  const unshared = ownerPresent
    ? new Map(meshFigures(withoutControlPlane(mesh), s, o).map((f) => [f.id, f.ast]))
    : undefined;
  const total = ownerPresent && sharedTotal(mesh, s, o, ownerPresent, on);
  return meshFigures(mesh, s, o).map((f) => {
    let e = f.ast;
    const without = unshared?.get(f.id);
    if (total && f.id === meshFigureId(mesh.id, 'cost.total')) {
      e = total;
    } else if (ownerPresent && !(without && render(without) === render(e))) {
      // A figure that reads no control-plane series (proxies, node agents, latency) is the same either way: only the
      // others are asked both ways, which doubles their query.
      e = bin('unless', e, ownerPresent, on);
      e = without ? bin('or', e, bin('and', without, ownerPresent, on)) : e;
    }
    e = present ? bin('and', e, present, on) : e;
    return toFigure(f.id, f.title, f.unit, e);
  });
}

/**
 * The total of a mesh whose control plane is shared, with the owner's presence inside the sum: the control plane's
 * containers drop out of the union while the owner is there. The same as asking for the total with and without the
 * control plane, at half the query's length (the dashboards' longest query was this figure, asked both ways).
 */
function sharedTotal(
  mesh: MeshDef,
  s: Selection,
  o: FigureOptions,
  ownerPresent: Expr,
  on: { on: string[] }
): Expr | undefined {
  const roles: Role[] = ['dataPlane', 'controlPlane', 'nodeAgents'];
  const parts = roles.flatMap((r) => {
    const v = roleCostVector(mesh, r, s, o);
    return v ? [r === 'controlPlane' ? bin('unless', v, ownerPresent, on) : v] : [];
  });
  return parts.length
    ? asSelected(
        groupSum(
          parts.reduce((a, b) => bin('or', a, b)),
          s
        ),
        s
      )
    : undefined;
}
