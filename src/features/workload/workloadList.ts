/** The workload picker's PromQL, pure (no scenes or Grafana imports) so the integration test can run it in node. */
import { CATALOGUE } from '../../model/catalogue';
import { meshFigures } from '../../model/figureSet';
import type { FigureOptions } from '../../model/figures';
import { bin } from '../../model/promql/dsl';
import { render } from '../../model/promql/render';

/** Each answer of Grafana's `query_result()` reads `{cluster="…",namespace="…",workload="…"} <value> <ms>`. */
export const WORKLOAD_OPTION_REGEX = '/workload="([^"]*)"/';

/**
 * A `query_result()` variable query listing the workloads that run `meshId`'s proxy within `scope` (scene variable
 * references such as `$cluster`): the model's proxy-pod count per workload, so the list names workloads exactly as
 * the drill-down's queries group them. Empty for a mesh without per-workload proxies.
 */
export function workloadListQuery(
  meshIds: string | string[],
  o: FigureOptions,
  scope: { clusterRegex: string; namespaceInclude: string }
): string {
  // The configured meshes (a custom proxy included), as the scene's mesh variable lists them.
  const meshes = (Array.isArray(meshIds) ? meshIds : [meshIds]).map(
    (id) => o.meshes.find((m) => m.id === id) ?? CATALOGUE[0]
  );
  // Pods are counted from a gauge: the window is not read, but a Selection needs one.
  // The configured namespace exclusion applies here as on every other page.
  const selection = {
    window: '5m',
    groupBy: 'workload' as const,
    ...scope,
    ...(o.namespaceExclude ? { namespaceExclude: o.namespaceExclude } : {}),
  };
  const pods = meshes.flatMap(
    (mesh) => meshFigures(mesh, selection, o).find((f) => f.id === `${mesh.id}.sidecars.pods`)?.ast ?? []
  );
  // Mesh All: every chosen mesh's workloads (a workload runs one mesh's proxy, so the union has no duplicates).
  return pods.length ? `query_result(${render(pods.reduce((a, b) => bin('or', a, b)))})` : '';
}
