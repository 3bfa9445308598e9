/**
 * What the Mesh variable lists, pure (no scenes or Grafana imports) so the integration test runs it in node: the
 * detection query as a `query_result()` variable query, and the options in the order the pages offer them.
 */
import type { VariableValueOption } from '@grafana/scenes';
import type { MeshDef } from '../../model/catalogue';
import { detectionExpr } from '../../model/builder/detect';
import { render } from '../../model/promql/render';

export const VAR_MESH = 'mesh';

/** Option groups; a page reads a mesh's detection from its option's group. */
export const DETECTED = 'Detected';
export const NOT_DETECTED = 'Not detected';
export const DETECTION_FAILED = 'Detection failed';

/** Each answer of Grafana's `query_result()` reads `{mesh="linkerd"} 12 1704067200000`. */
export const MESH_OPTION_REGEX = '/mesh="([^"]*)"/';

export type Detection = typeof DETECTED | typeof NOT_DETECTED | typeof DETECTION_FAILED;

/** The variable's query: `query_result()` of the detection expression over the scene's cluster and namespaces. */
export function meshDetectionQuery(meshes: MeshDef[], scope: { clusterRegex: string; namespaceInclude: string }) {
  const expr = detectionExpr(meshes, scope);
  return expr ? `query_result(${render(expr)})` : '';
}

/**
 * The options in the order the page offers them: detected meshes in catalogue order, then the rest. `detected`
 * undefined means detection failed: every mesh is listed, none claimed present or absent.
 */
export function meshOptions(meshes: MeshDef[], detected: Set<string> | undefined): VariableValueOption[] {
  if (!detected) {
    return meshes.map((m) => ({ label: m.name, value: m.id, group: DETECTION_FAILED }));
  }
  return [
    ...meshes.filter((m) => detected.has(m.id)).map((m) => ({ label: m.name, value: m.id, group: DETECTED })),
    ...meshes
      .filter((m) => !detected.has(m.id))
      .map((m) => ({ label: `${m.name} (not detected)`, value: m.id, group: NOT_DETECTED })),
  ];
}
