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
import { podCountExpr, roleMatchers, toFigure, type Figure, type FigureOptions } from './figures';
import type { Expr, Matcher } from './promql/ast';
import { agg, bin } from './promql/dsl';
import type { Selection } from './scope';

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

export function detectedMeshFigures(mesh: MeshDef, s: Selection, o: FigureOptions): Figure[] {
  const on = { on: s.groupBy === 'none' ? [] : ['cluster'] };
  const present = meshPresenceExpr(mesh, s);
  const owner = mesh.controlPlaneSharedWith && o.meshes.find((m) => m.id === mesh.controlPlaneSharedWith);
  const ownerPresent = owner ? meshPresenceExpr(owner, s) : undefined;
  const unshared = ownerPresent
    ? new Map(meshFigures({ ...mesh, controlPlane: undefined }, s, o).map((f) => [f.id, f.ast]))
    : undefined;
  return meshFigures(mesh, s, o).map((f) => {
    let e = f.ast;
    if (ownerPresent && unshared) {
      const without = unshared.get(f.id);
      e = bin('unless', e, ownerPresent, on);
      e = without ? bin('or', e, bin('and', without, ownerPresent, on)) : e;
    }
    e = present ? bin('and', e, present, on) : e;
    return toFigure(f.id, f.title, f.unit, e);
  });
}
