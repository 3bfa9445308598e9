/** Scene query runners fed only by the model: the UI chooses inputs, the model writes the PromQL. */
import { SceneQueryRunner } from '@grafana/scenes';
import type { MeshDef } from '../../model/catalogue';
import { meshFigureId, type MeshFigureKey } from '../../model/figureKeys';
import { meshFigures } from '../../model/figureSet';
import { DEFAULT_OPTIONS } from '../../model/options/defaults';
import type { FigureOptions } from '../../model/figures';
import { call } from '../../model/promql/dsl';
import { render } from '../../model/promql/render';
import type { Grouping, Selection } from '../../model/scope';
import { VAR_CLUSTER, VAR_DATASOURCE, VAR_NAMESPACE, VAR_WORKLOAD } from './variables';

export const DATASOURCE_REF = { type: 'prometheus', uid: `\${${VAR_DATASOURCE}}` };

/**
 * The scene variables as a selection; `workload` narrows to the drill-down's workload, regex-escaped by scenes.
 * The configured window and namespace exclusion come from the options, as they do for the report and the CLI: not
 * `$__rate_interval`, which Grafana sizes from the time range (about 1m for 6h), so a Breakdown figure would differ
 * from the Overview's by the difference between a 1m and a 5m rate. The mixin rules are the page's probe's choice.
 */
export function sceneSelection(
  groupBy: Grouping,
  o: Pick<FigureOptions, 'namespaceExclude' | 'window' | 'usageMixin'>,
  workload = false
): Selection {
  return {
    window: o.window ?? DEFAULT_OPTIONS.window,
    ...(o.usageMixin ? { mixin: o.usageMixin } : {}),
    groupBy,
    clusterRegex: `$${VAR_CLUSTER}`,
    namespaceInclude: `$${VAR_NAMESPACE}`,
    ...(o.namespaceExclude ? { namespaceExclude: o.namespaceExclude } : {}),
    ...(workload ? { workloadInclude: `\${${VAR_WORKLOAD}:regex}` } : {}),
  };
}

export interface RunnerOptions {
  instant?: boolean;
  workload?: boolean;
  /** Largest first (`sort_desc`), for bar charts, which draw series in the order they arrive. */
  sortDesc?: boolean;
  /** Prefixed to each refId, so queries of several meshes can share one runner. */
  refPrefix?: string;
}

/** One query per [refId, figure key], for `mesh` at `groupBy`; figures the mesh lacks are left out. */
export function figureQueries(
  mesh: MeshDef,
  groupBy: Grouping,
  o: FigureOptions,
  refs: Array<[string, MeshFigureKey]>,
  { instant = true, workload = false, sortDesc = false, refPrefix = '' }: RunnerOptions = {}
) {
  const figures = meshFigures(mesh, sceneSelection(groupBy, o, workload), o);
  return refs.flatMap(([refId, key]) => {
    const f = figures.find((x) => x.id === meshFigureId(mesh.id, key, o.latency.quantile));
    return f
      ? [
          {
            refId: `${refPrefix}${refId}`,
            expr: sortDesc ? render(call('sort_desc', f.ast)) : f.expr,
            instant,
            range: !instant,
            legendFormat:
              groupBy === 'workload'
                ? '{{namespace}}/{{workload}}'
                : groupBy === 'namespace'
                  ? '{{namespace}}'
                  : '__auto',
          },
        ]
      : [];
  });
}

/** One runner of figureQueries (instant by default). */
export function figureRunner(
  mesh: MeshDef,
  groupBy: Grouping,
  o: FigureOptions,
  refs: Array<[string, MeshFigureKey]>,
  opts: RunnerOptions = {}
): SceneQueryRunner {
  return new SceneQueryRunner({ datasource: DATASOURCE_REF, queries: figureQueries(mesh, groupBy, o, refs, opts) });
}
