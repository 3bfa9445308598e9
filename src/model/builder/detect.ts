/** The report's presence test, one query per role: a mesh is present when pods run its data plane or node agents. */
import type { MeshDef } from '../catalogue';
import { podCountExpr, roleMatchers } from '../figures';
import type { Expr, Matcher } from '../promql/ast';
import { bin, labelReplace } from '../promql/dsl';
import { render } from '../promql/render';
import type { Selection } from '../scope';

export interface MeshProbe {
  mesh: MeshDef;
  /** Pod counts; any above 0 means present. */
  exprs: string[];
}

export function detectionProbes(meshes: MeshDef[], cluster?: string): MeshProbe[] {
  return meshes.map((mesh) => ({
    mesh,
    exprs: [roleMatchers(mesh, 'dataPlane'), roleMatchers(mesh, 'nodeAgents')]
      .filter((who) => !!who)
      .map((who) => render(podCountExpr(who!, { window: '5m', groupBy: 'none', cluster: cluster || undefined }))),
  }));
}

/** Detected meshes first, each group in catalogue order. */
export function detectedFirst(meshes: MeshDef[], detected: Set<string>): MeshDef[] {
  return [...meshes.filter((m) => detected.has(m.id)), ...meshes.filter((m) => !detected.has(m.id))];
}

/**
 * One query that names every mesh present in `s`'s scope: a series `{mesh="<id>"}` per mesh whose data plane or node
 * agents run pods (the same pod counts as the probes above). The scenes' mesh variable lists its answer, so the
 * pages follow what runs in the cluster instead of a fixed default.
 */
export function detectionExpr(
  meshes: MeshDef[],
  s: Pick<Selection, 'cluster' | 'clusterRegex' | 'namespaceInclude'>
): Expr | undefined {
  const scope: Selection = { ...s, window: '5m', groupBy: 'none' };
  const perMesh = meshes.flatMap((mesh) => {
    const counts = [roleMatchers(mesh, 'dataPlane'), roleMatchers(mesh, 'nodeAgents')]
      .filter((who): who is Matcher[] => !!who)
      .map((who) => podCountExpr(who, scope));
    if (!counts.length) {
      return [];
    }
    // `or` of label-less pod counts: present when either role has pods; the mesh's id becomes the series' label.
    const present = counts.reduce((a, b) => bin('or', a, b));
    return [labelReplace(present, 'mesh', mesh.id, '', '')];
  });
  return perMesh.length ? perMesh.reduce((a, b) => bin('or', a, b)) : undefined;
}
