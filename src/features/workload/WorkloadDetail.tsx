import React from 'react';
import {
  SceneFlexItem,
  SceneFlexLayout,
  SceneObjectBase,
  SceneQueryRunner,
  VariableDependencyConfig,
  VizPanel,
  sceneGraph,
  type SceneComponentProps,
  type SceneObjectState,
} from '@grafana/scenes';
import { Alert, LinkButton } from '@grafana/ui';
import { ROUTES } from '../../constants';
import type { MeshFigureKey } from '../../model/figureKeys';
import type { FigureOptions, Unit } from '../../model/figures';
import { addedLatency } from '../../model/latency';
import { render } from '../../model/promql/render';
import { GRAFANA_UNIT } from '../../model/units';
import { prefixRoute } from '../../utils/utils.routing';
import { PanelActions } from '../../components/FigureActions/FigureActions';
import { scenePanelJson } from '../../shared/scenes/panelJson';
import { DATASOURCE_REF, figureRunner, meshOf, sceneSelection } from '../../shared/scenes/queries';
import { VAR_MESH, VAR_WORKLOAD } from '../../shared/scenes/variables';

interface WorkloadDetailState extends SceneObjectState {
  figureOptions: FigureOptions;
  workload?: string;
  body?: SceneFlexLayout;
}

function timeseries(title: string, description: string, unit: Unit, $data: SceneQueryRunner): SceneFlexItem {
  const panel: VizPanel = new VizPanel({
    pluginId: 'timeseries',
    title,
    description,
    fieldConfig: { defaults: { unit: GRAFANA_UNIT[unit], min: 0 }, overrides: [] },
    $data,
  });
  panel.setState({ headerActions: <PanelActions title={title} buildPanel={() => scenePanelJson(panel)} /> });
  return new SceneFlexItem({ minWidth: 320, minHeight: 280, body: panel });
}

/**
 * One workload's proxies over the page's time range: CPU and memory against their requests, the monthly cost, and
 * the latency its mesh adds. Reached from the breakdown's workload rows; every query comes from the model.
 */
export class WorkloadDetail extends SceneObjectBase<WorkloadDetailState> {
  protected _variableDependency = new VariableDependencyConfig(this, {
    variableNames: [VAR_MESH, VAR_WORKLOAD],
    onReferencedVariableValueChanged: () => this.rebuild(),
  });

  constructor(state: WorkloadDetailState) {
    super(state);
    this.addActivationHandler(() => this.rebuild());
  }

  private rebuild() {
    const workload = String(sceneGraph.lookupVariable(VAR_WORKLOAD, this)?.getValue() ?? '').trim();
    if (!workload) {
      this.setState({ workload: undefined, body: undefined });
      return;
    }
    const o = this.state.figureOptions;
    const mesh = meshOf(String(sceneGraph.lookupVariable(VAR_MESH, this)?.getValue() ?? 'istio'), o.meshes);
    // Grouped by workload, so a name that other workloads' pods could share still shows as separate series.
    const runner = (refs: Array<[string, MeshFigureKey]>) =>
      figureRunner(mesh, 'workload', o, refs, { instant: false, workload: true });
    const items = [
      timeseries(
        `${mesh.name} proxy CPU: used and requested`,
        'Cores the proxy containers use (cAdvisor working rate) and request (kube-state-metrics).',
        'cores',
        runner([
          ['used', 'sidecars.cpuCores'],
          ['requested', 'sidecars.cpuRequestCores'],
        ])
      ),
      timeseries(
        `${mesh.name} proxy memory: working set and requested`,
        'Working set of the proxy containers, and their memory requests.',
        'bytes',
        runner([
          ['used', 'sidecars.memoryBytes'],
          ['requested', 'sidecars.memoryRequestBytes'],
        ])
      ),
      timeseries(
        `${mesh.name} proxy cost per month`,
        'What the proxies cost per month at the configured prices and basis.',
        'currencyUSD',
        runner([['cost', 'cost.sidecars']])
      ),
    ];
    if (mesh.latency) {
      const s = sceneSelection('workload', o, true);
      const q = (quantile: number) => render(addedLatency(mesh.latency!, { ...o.latency, quantile }, s));
      const queries = [0.5, 0.9, 0.99].map((quantile) => ({
        refId: `p${quantile * 100}`,
        expr: q(quantile),
        legendFormat: `p${quantile * 100} {{namespace}}/{{workload}}`,
      }));
      items.push(
        timeseries(
          `${mesh.name} latency added`,
          'p50, p90 and p99 the proxies add (client-side minus server-side), within the histogram buckets’ resolution.',
          'ms',
          new SceneQueryRunner({ datasource: DATASOURCE_REF, queries })
        )
      );
    }
    this.setState({ workload, body: new SceneFlexLayout({ direction: 'row', wrap: 'wrap', children: items }) });
  }

  static Component = ({ model }: SceneComponentProps<WorkloadDetail>) => {
    const { body, workload } = model.useState();
    if (!workload || !body) {
      return (
        <Alert severity="info" title="Pick a workload">
          No workload runs this mesh&apos;s proxy in the selected cluster and namespaces; pick another mesh or scope, or
          open a workload from the Breakdown page&apos;s workload table.{' '}
          <LinkButton href={prefixRoute(ROUTES.Breakdown)} size="sm" variant="secondary" fill="text">
            Go to Breakdown
          </LinkButton>
        </Alert>
      );
    }
    return <body.Component model={body} />;
  };
}
