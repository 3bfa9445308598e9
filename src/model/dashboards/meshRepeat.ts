/**
 * One row per mesh that is there, not one per catalogue entry (issues #16, #17): a `mesh` query variable lists the
 * meshes detected in scope, and one row repeats over it. Grafana gives each repeated row the variable as a local
 * value, one mesh id (RowRepeaterBehavior, public/app/features/dashboard-scene/scene/layout-default/), so a panel in
 * the row holds every catalogue mesh's targets, each gated on `$mesh`: only the row's own mesh answers.
 *
 * The gate is a comparison of constants, not a series read: a mesh's figures are built by the model per mesh (its
 * containers, pods and shape differ), so they cannot be one query over `$mesh`. The cost of it: in the row of mesh A,
 * the targets of a mesh B that is also present are evaluated and then dropped by the gate, so with N meshes present
 * Prometheus evaluates each present mesh's figures N times per refresh (absent meshes' selectors match no series).
 */
import type { VariableModel } from '@grafana/schema';
import type { MeshDef } from '../catalogue';
import { meshPresenceExpr } from '../detected';
import type { Expr } from '../promql/ast';
import { bin, labelReplace, vector } from '../promql/dsl';
import { render } from '../promql/render';
import { DS, selection } from './common';

export const MESH_VAR = 'mesh';

/**
 * One series `{mesh="<id>", name="<display name>"}` per mesh with data-plane pods or node agents in scope, as the
 * report detects them (detected.ts): a control plane alone is not a mesh.
 */
export function meshDetectionExpr(meshes: MeshDef[]): Expr {
  const s = selection('none');
  return meshes
    .flatMap((m) => {
      const present = meshPresenceExpr(m, s);
      return present ? [labelReplace(labelReplace(present, 'mesh', m.id, '', ''), 'name', m.name, '', '')] : [];
    })
    .reduce((a, b) => bin('or', a, b));
}

/** Grafana's query_result() line is `{mesh="…", name="…"} 1 <ts>` (labels in Prometheus' sorted order). */
export const MESH_VAR_REGEX = '/mesh="(?<value>[^"]+)",name="(?<text>[^"]+)"/';

export function meshVariable(meshes: MeshDef[]): VariableModel {
  return {
    name: MESH_VAR,
    label: 'Mesh',
    description: 'The meshes with data-plane pods or node agents in the selected cluster and namespaces.',
    type: 'query',
    datasource: DS,
    query: { query: `query_result(${render(meshDetectionExpr(meshes))})`, refId: MESH_VAR },
    regex: MESH_VAR_REGEX,
    multi: true,
    includeAll: true,
    current: { text: 'All', value: '$__all' },
    refresh: 2,
    sort: 0,
  } as unknown as VariableModel;
}

/**
 * `vector(1)` while `$mesh` (a regex, as Grafana writes a multi value) matches this mesh's id, else nothing: the inner
 * label_replace drops the `m` label only when the id matches, and `and on(m)` keeps the left side only then.
 */
export function meshGate(mesh: MeshDef): Expr {
  const tagged = labelReplace(vector(1), 'm', mesh.id, '', '');
  return bin('and', vector(1), labelReplace(tagged, 'm', '', 'm', `$${MESH_VAR}`), { on: ['m'] });
}

/** A figure that answers only in its own mesh's row. */
export function gatedToMesh(e: Expr, mesh: MeshDef): Expr {
  return bin('and', e, meshGate(mesh), { on: [] });
}

/** Panels in the repeated row name their targets `<mesh id>.<figure>`; their options name `${mesh}.<figure>`. */
export const meshRefId = (meshId: string, figure: string) => `${meshId}.${figure}`;
export const rowRefId = (figure: string) => meshRefId(`\${${MESH_VAR}}`, figure);

export function parseMeshRefId(refId: string): { meshId: string; figure: string } | undefined {
  const i = refId.lastIndexOf('.');
  return i > 0 ? { meshId: refId.slice(0, i), figure: refId.slice(i + 1) } : undefined;
}
