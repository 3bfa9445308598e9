import React from 'react';
import {
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  VizPanel,
  sceneGraph,
  type SceneComponentProps,
} from '@grafana/scenes';
import { Alert, LinkButton } from '@grafana/ui';
import { ROUTES } from '../../constants';
import type { MeshDef } from '../../model/catalogue';
import type { MeshFigureKey } from '../../model/figureKeys';
import type { Unit } from '../../model/figures';
import { GRAFANA_UNIT } from '../../model/units';
import { prefixRoute } from '../../utils/utils.routing';
import { PanelActions } from '../../components/FigureActions/FigureActions';
import { ExplainedPanel } from '../../shared/scenes/ExplainedPanel';
import { basisScene } from '../../shared/scenes/meshNotices';
import { MeshScene, type MeshSceneState } from '../../shared/scenes/MeshScene';
import { scenePanelJson } from '../../shared/scenes/panelJson';
import { DATASOURCE_REF, figureQueries, sceneSelection } from '../../shared/scenes/queries';
import { VAR_WORKLOAD } from '../../shared/scenes/variables';
import { withIntervalBand } from '../latency/intervalBand';
import { LatencyTable } from '../latency/LatencyTable';
import { QUANTILES, latencyChartQueries, latencyTableQueries } from '../latency/latencyQueries';

interface WorkloadDetailState extends MeshSceneState {
  workload?: string;
  body?: SceneFlexLayout;
}

/** `signed`: the values can be negative (a quantile added, its interval), so no minimum at 0, and a band. */
function timeseries(
  title: string,
  description: string,
  unit: Unit,
  $data: SceneQueryRunner,
  empty: string,
  signed = false
): SceneFlexItem {
  const panel: VizPanel = new VizPanel({
    pluginId: 'timeseries',
    title,
    description,
    fieldConfig: { defaults: { unit: GRAFANA_UNIT[unit], ...(signed ? {} : { min: 0 }) }, overrides: [] },
    $data,
  });
  panel.setState({ headerActions: <PanelActions title={title} buildPanel={() => scenePanelJson(panel)} /> });
  if (signed) {
    withIntervalBand(panel);
  }
  return new SceneFlexItem({
    minWidth: 320,
    minHeight: 280,
    md: { minWidth: 0, width: '100%', minHeight: 280 },
    body: new ExplainedPanel({ panel, empty }),
  });
}

/** "Istio (sidecar)", or "Istio (sidecar) / Linkerd" when the Mesh variable is at All. */
const namesOf = (meshes: MeshDef[]) => meshes.map((m) => m.name).join(' / ');

/**
 * One workload's proxies over the page's time range: CPU and memory against their requests, the monthly cost, and
 * the latency its mesh adds. Reached from the breakdown's workload rows; every query comes from the model. With the
 * Mesh variable at All, each panel holds every detected mesh's query (refIds prefixed by the mesh): a workload runs
 * one mesh's proxy, so only that mesh's series draw.
 */
export class WorkloadDetail extends MeshScene<WorkloadDetailState> {
  protected extraVariables() {
    return [VAR_WORKLOAD];
  }

  protected rebuild() {
    const workload = String(sceneGraph.lookupVariable(VAR_WORKLOAD, this)?.getValue() ?? '').trim();
    const meshes = this.chosen().map((c) => c.mesh);
    if (!workload || !meshes.length) {
      this.setState({ workload: undefined, body: undefined });
      return;
    }
    const o = this.state.figureOptions;
    const prefixed = meshes.length > 1;
    // Grouped by workload, so a name that other workloads' pods could share still shows as separate series.
    const runner = (refs: Array<[string, MeshFigureKey]>) =>
      new SceneQueryRunner({
        datasource: DATASOURCE_REF,
        queries: meshes.flatMap((mesh) =>
          figureQueries(mesh, 'workload', o, refs, {
            instant: false,
            workload: true,
            refPrefix: prefixed ? `${mesh.id}-` : '',
          })
        ),
      });
    const name = namesOf(meshes);
    const noProxy = `No ${name} proxy container of ${workload} has cAdvisor samples in the selected cluster and namespaces over this time range.`;
    const items = [
      timeseries(
        `${name} proxy CPU: used and requested`,
        'Cores the proxy containers use (cAdvisor working rate) and request (kube-state-metrics).',
        'cores',
        runner([
          ['used', 'sidecars.cpuCores'],
          ['requested', 'sidecars.cpuRequestCores'],
        ]),
        noProxy
      ),
      timeseries(
        `${name} proxy memory: working set and requested`,
        'Working set of the proxy containers, and their memory requests.',
        'bytes',
        runner([
          ['used', 'sidecars.memoryBytes'],
          ['requested', 'sidecars.memoryRequestBytes'],
        ]),
        noProxy
      ),
      timeseries(
        `${name} proxy cost per month`,
        'What the proxies cost per month at the configured prices and basis.',
        'currencyUSD',
        runner([['cost', 'cost.sidecars']]),
        noProxy
      ),
    ];
    const withLatency = meshes.filter((m) => m.latency);
    if (withLatency.length) {
      const s = sceneSelection('workload', o, true);
      const method = o.latency.method;
      const queries = withLatency.flatMap((mesh) =>
        latencyChartQueries(mesh.latency!, o, method, s, QUANTILES, true).map((q) => ({
          ...q,
          refId: `${prefixed ? `${mesh.id}-` : ''}${q.refId}`,
        }))
      );
      const histograms = [...new Set(withLatency.map((m) => m.latency!.client.metric))].join(' or ');
      items.push(
        timeseries(
          `${namesOf(withLatency)} latency added`,
          `p50, p90 and p99 the proxies add (method ${method}). The shaded band around the p99 is the interval its ` +
            'histogram buckets allow: the true p99 added lies anywhere in it.',
          'ms',
          new SceneQueryRunner({ datasource: DATASOURCE_REF, queries }),
          // An idle workload is the usual reason: no requests, so no request-duration histogram to compare.
          `${workload} served no requests that its proxies measured (${histograms}, method ${method}) in this time range, so there is no latency to compare: an idle workload has none.`,
          true
        ),
        // The figures at a glance: each quantile added with its interval, the mean added, and what they can't say.
        ...withLatency.map(
          (mesh) =>
            new SceneFlexItem({
              width: '100%',
              minHeight: 0,
              body: new LatencyTable({
                mesh,
                method,
                baselineOffset: o.latency.baselineOffset,
                quietWhenEmpty: true,
                $data: new SceneQueryRunner({
                  datasource: DATASOURCE_REF,
                  queries: latencyTableQueries(mesh.latency!, o, method, s),
                }),
              }),
            })
        )
      );
    }
    const { basis } = this.state;
    const basisLine = basis ? [new SceneFlexItem({ width: '100%', minHeight: 0, body: basisScene(basis) })] : [];
    this.setState({
      workload,
      body: new SceneFlexLayout({ direction: 'row', wrap: 'wrap', children: [...basisLine, ...items] }),
    });
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
