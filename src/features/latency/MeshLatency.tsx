import React from 'react';
import {
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneReactObject,
  VizPanel,
  sceneGraph,
  type SceneComponentProps,
  type SceneObject,
} from '@grafana/scenes';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
import { PanelActions } from '../../components/FigureActions/FigureActions';
import type { MeshDef } from '../../model/catalogue';
import type { FigureOptions } from '../../model/figures';
import type { LatencyMethod } from '../../model/latency';
import { GRAFANA_UNIT } from '../../model/units';
import { ExplainedPanel } from '../../shared/scenes/ExplainedPanel';
import { MeshScene, detectionError, type MeshSceneState } from '../../shared/scenes/MeshScene';
import { NOT_DETECTED } from '../../shared/scenes/meshVariable';
import { detectionFailedScene, notDetectedScene } from '../../shared/scenes/meshNotices';
import { scenePanelJson } from '../../shared/scenes/panelJson';
import { DATASOURCE_REF, sceneSelection } from '../../shared/scenes/queries';
import { VAR_LATENCY_METHOD } from '../../shared/scenes/variables';
import { withIntervalBand } from './intervalBand';
import { LatencyTable } from './LatencyTable';
import { latencyChartQueries, latencyTableQueries } from './latencyQueries';

interface MeshLatencyState extends MeshSceneState {
  body?: SceneFlexLayout;
}

/**
 * p99 added per workload over the page's time range, Grafana's time series panel (issue #16 §3), each with the band
 * its histogram buckets allow (issue #18). No minimum: a quantile added and its interval's lower end can be negative.
 */
export function latencyChart(mesh: MeshDef, o: FigureOptions, method: LatencyMethod): VizPanel {
  const s = sceneSelection('workload', o);
  const panel: VizPanel = new VizPanel({
    pluginId: 'timeseries',
    title: `${mesh.name}: p99 latency added over time`,
    description:
      `p99 the proxies add per workload (method ${method}). The shaded band around each line is the interval its ` +
      'histogram buckets allow: the true p99 added lies anywhere in it.',
    fieldConfig: { defaults: { unit: GRAFANA_UNIT.ms, custom: { fillOpacity: 0 } }, overrides: [] },
    options: { legend: { displayMode: 'list', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi' } },
    $data: new SceneQueryRunner({
      datasource: DATASOURCE_REF,
      queries: latencyChartQueries(mesh.latency!, o, method, s),
    }),
  });
  panel.setState({
    headerActions: <PanelActions title={panel.state.title} buildPanel={() => scenePanelJson(panel)} />,
  });
  return withIntervalBand(panel);
}

const noHistogram = (mesh: MeshDef) =>
  new SceneReactObject({
    reactNode: (
      <Alert severity="info" title={`${mesh.name} has no latency histogram that Mesh Tax reads`}>
        Added latency needs the mesh&apos;s request-duration histograms on both sides of the proxy (Istio&apos;s
        istio_request_duration_milliseconds, Linkerd&apos;s response_latency_ms).
      </Alert>
    ),
  });

function meshSection(mesh: MeshDef, o: FigureOptions, method: LatencyMethod): SceneFlexLayout | SceneFlexItem {
  if (!mesh.latency) {
    return new SceneFlexItem({ minHeight: 0, body: noHistogram(mesh) });
  }
  const s = sceneSelection('workload', o);
  const chart = new ExplainedPanel({
    panel: latencyChart(mesh, o, method),
    empty: `No ${mesh.name} workload has both sides of the comparison (${mesh.latency.client.metric}, method ${method}) in the selected cluster and namespaces over this time range.`,
  });
  const table = new LatencyTable({
    mesh,
    method,
    baselineOffset: o.latency.baselineOffset,
    $data: new SceneQueryRunner({
      datasource: DATASOURCE_REF,
      queries: latencyTableQueries(mesh.latency, o, method, s),
    }),
  });
  return new SceneFlexLayout({
    direction: 'column',
    children: [
      // The chart first: how the added latency moves over the range, then the exact figures per workload.
      new SceneFlexItem({ minHeight: 300, body: chart }),
      new SceneFlexItem({ minHeight: 0, body: table }),
    ],
  });
}

/** Added latency for the meshes chosen in the Mesh variable and the method chosen in the Method variable. */
export class MeshLatency extends MeshScene<MeshLatencyState> {
  protected extraVariables() {
    return [VAR_LATENCY_METHOD];
  }

  protected rebuild() {
    const o = this.state.figureOptions;
    const chosen = this.chosen();
    if (!chosen.length) {
      this.setState({ body: undefined });
      return;
    }
    const method = String(
      sceneGraph.lookupVariable(VAR_LATENCY_METHOD, this)?.getValue() ?? o.latency.method
    ) as LatencyMethod;
    const failed = detectionError(this);
    const notice = (body: SceneObject) => new SceneFlexItem({ body, minHeight: 0 });
    this.setState({
      body: new SceneFlexLayout({
        direction: 'column',
        children: [
          ...(failed ? [notice(detectionFailedScene(failed))] : []),
          ...chosen.map(({ mesh, detection }) =>
            detection === NOT_DETECTED ? notice(notDetectedScene(mesh)) : meshSection(mesh, o, method)
          ),
        ],
      }),
    });
  }

  static Component = ({ model }: SceneComponentProps<MeshLatency>) => {
    const { body } = model.useState();
    return body ? <body.Component model={body} /> : <LoadingPlaceholder text="Detecting meshes…" />;
  };
}
