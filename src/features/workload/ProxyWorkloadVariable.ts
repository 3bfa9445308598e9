import { VariableRefresh, VariableSort } from '@grafana/data';
import {
  QueryVariable,
  VariableDependencyConfig,
  type VariableGetOptionsArgs,
  type VariableValueOption,
} from '@grafana/scenes';
import type { Observable } from 'rxjs';
import type { FigureOptions } from '../../model/figures';
import { chosenMeshes } from '../../shared/scenes/MeshScene';
import { DATASOURCE_REF } from '../../shared/scenes/queries';
import { VAR_CLUSTER, VAR_MESH, VAR_NAMESPACE, VAR_WORKLOAD } from '../../shared/scenes/variables';
import { WORKLOAD_OPTION_REGEX, workloadListQuery } from './workloadList';

const SCOPE = { clusterRegex: `$${VAR_CLUSTER}`, namespaceInclude: `$${VAR_NAMESPACE}` };

/**
 * The workload picker: the workloads that exist, from Prometheus, for the mesh chosen on the page. Its query
 * depends on the mesh (each mesh names its proxy container differently), which PromQL text alone cannot switch on,
 * so the variable rewrites its query for the current mesh before each load and reloads when the mesh changes.
 * A workload named in the URL survives the first load even when it is not listed (scenes keeps URL values).
 */
export class ProxyWorkloadVariable extends QueryVariable {
  protected _variableDependency = new VariableDependencyConfig(this, {
    statePaths: ['regex', 'query', 'datasource'],
    variableNames: [VAR_MESH],
  });

  private readonly figureOptions: FigureOptions;

  constructor(figureOptions: FigureOptions, value = '') {
    super({
      name: VAR_WORKLOAD,
      label: 'Workload',
      datasource: DATASOURCE_REF,
      query: { refId: VAR_WORKLOAD, query: workloadListQuery('istio', figureOptions, SCOPE) },
      regex: WORKLOAD_OPTION_REGEX,
      value,
      text: value,
      // Newly listed workloads appear when the time range moves.
      refresh: VariableRefresh.onTimeRangeChanged,
      sort: VariableSort.alphabeticalAsc,
    });
    this.figureOptions = figureOptions;
  }

  getValueOptions(args: VariableGetOptionsArgs): Observable<VariableValueOption[]> {
    const meshes = chosenMeshes(this, this.figureOptions.meshes).map((c) => c.mesh.id);
    const query = workloadListQuery(meshes.length ? meshes : 'istio', this.figureOptions, SCOPE);
    const current = typeof this.state.query === 'string' ? this.state.query : this.state.query.query;
    if (query !== current) {
      this.setState({ query: { refId: VAR_WORKLOAD, query } });
    }
    return super.getValueOptions(args);
  }
}
