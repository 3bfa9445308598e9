/** The report's presence test, one query per role: a mesh is present when pods run its data plane or node agents. */
import type { MeshDef } from '../catalogue';
import { podCountExpr, roleMatchers } from '../figures';
import { render } from '../promql/render';

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
