/**
 * The scenes pages' Mesh variable (issue #16 §4): detected meshes first, defaulting to the first detected one, then
 * the others marked "not detected", and All. Detection is one query (`detectionExpr`, the report's pod counts per
 * mesh) run as a `query_result()` variable through Grafana's data source, scoped by the cluster and namespace
 * variables, so a Linkerd-only cluster opens on Linkerd rather than on an empty Istio breakdown.
 */
import { VariableRefresh } from '@grafana/data';
import { QueryVariable, type VariableGetOptionsArgs, type VariableValueOption } from '@grafana/scenes';
import { catchError, map, of, type Observable } from 'rxjs';
import type { MeshDef } from '../../model/catalogue';
import { MESH_OPTION_REGEX, VAR_MESH, meshDetectionQuery, meshOptions, type Detection } from './meshDetection';

export { DETECTED, DETECTION_FAILED, NOT_DETECTED, VAR_MESH, type Detection } from './meshDetection';

export class MeshVariable extends QueryVariable {
  /** Why detection failed, for the page to say so (the variable still lists every mesh). */
  detectionError?: string;

  constructor(
    private readonly meshes: MeshDef[],
    scope: { clusterRegex: string; namespaceInclude: string },
    datasource: { type: string; uid: string }
  ) {
    super({
      name: VAR_MESH,
      label: 'Mesh',
      datasource,
      query: { refId: VAR_MESH, query: meshDetectionQuery(meshes, scope) },
      regex: MESH_OPTION_REGEX,
      includeAll: true,
      // No value: the first option, the first detected mesh, is chosen once the options load (a URL value wins).
      value: '',
      text: '',
      // A mesh rolled out during the range shows up when the range moves.
      refresh: VariableRefresh.onTimeRangeChanged,
    });
  }

  getValueOptions(args: VariableGetOptionsArgs): Observable<VariableValueOption[]> {
    return super.getValueOptions(args).pipe(
      map((found) => {
        this.detectionError = undefined;
        return meshOptions(this.meshes, new Set(found.map((o) => String(o.value))));
      }),
      catchError((e: unknown) => {
        this.detectionError = messageOf(e);
        return of(meshOptions(this.meshes, undefined));
      })
    );
  }

  /** A mesh's detection as listed, undefined before the options load. */
  detectionOf(id: string): Detection | undefined {
    return this.state.options.find((o) => o.value === id)?.group as Detection | undefined;
  }
}

function messageOf(e: unknown): string {
  const x = e as { message?: string; data?: { message?: string }; statusText?: string };
  return x?.data?.message ?? x?.message ?? x?.statusText ?? String(e);
}
