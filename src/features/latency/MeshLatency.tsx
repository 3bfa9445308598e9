import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  SceneObjectBase,
  SceneQueryRunner,
  VariableDependencyConfig,
  sceneGraph,
  type SceneComponentProps,
  type SceneObjectState,
} from '@grafana/scenes';
import { Alert, LoadingPlaceholder, Text, useStyles2 } from '@grafana/ui';
import type { FigureOptions } from '../../model/figures';
import { addedLatency, sideBuckets, type LatencyMethod } from '../../model/latency';
import { render } from '../../model/promql/render';
import { formatFigure } from '../../utils/utils.units';
import { latencyRows } from './latencyRows';
import { DATASOURCE_REF, meshOf, sceneSelection } from '../../shared/scenes/queries';
import { VAR_LATENCY_METHOD, VAR_MESH } from '../../shared/scenes/variables';
import { DataTable } from '../../components/DataTable/DataTable';

interface MeshLatencyState extends SceneObjectState {
  figureOptions: FigureOptions;
  meshId?: string;
  method?: LatencyMethod;
}

/** p50, p90 and p99 added per workload for the chosen mesh and method; queries rebuilt from the model on change. */
export class MeshLatency extends SceneObjectBase<MeshLatencyState> {
  protected _variableDependency = new VariableDependencyConfig(this, {
    variableNames: [VAR_MESH, VAR_LATENCY_METHOD],
    onReferencedVariableValueChanged: () => this.rebuild(),
  });

  constructor(state: MeshLatencyState) {
    super(state);
    this.addActivationHandler(() => this.rebuild());
  }

  private rebuild() {
    const o = this.state.figureOptions;
    const meshId = String(sceneGraph.lookupVariable(VAR_MESH, this)?.getValue() ?? 'istio');
    const method = String(
      sceneGraph.lookupVariable(VAR_LATENCY_METHOD, this)?.getValue() ?? o.latency.method
    ) as LatencyMethod;
    const mesh = meshOf(meshId, o.meshes);
    if (!mesh.latency) {
      this.setState({ meshId, method, $data: undefined });
      return;
    }
    const s = sceneSelection('workload', o);
    // The variable picks the method; the baseline offset is the configured one.
    const q = (quantile: number) => render(addedLatency(mesh.latency!, { ...o.latency, method, quantile }, s));
    const queries = [
      { refId: 'p50', expr: q(0.5), instant: true, range: false },
      { refId: 'p90', expr: q(0.9), instant: true, range: false },
      { refId: 'p99', expr: q(0.99), instant: true, range: false },
      { refId: 'buckets', expr: render(sideBuckets(mesh.latency.client, s)), instant: true, range: false },
    ];
    this.setState({ meshId, method, $data: new SceneQueryRunner({ datasource: DATASOURCE_REF, queries }) });
  }

  static Component = MeshLatencyRenderer;
}

function MeshLatencyRenderer({ model }: SceneComponentProps<MeshLatency>) {
  const { meshId, method, figureOptions } = model.useState();
  const styles = useStyles2(getStyles);
  const data = sceneGraph.getData(model).useState().data;
  const mesh = meshOf(meshId ?? 'istio', figureOptions.meshes);
  if (!mesh.latency) {
    return (
      <Alert severity="info" title={`${mesh.name} has no latency histogram that Mesh Tax reads`}>
        Added latency needs the mesh&apos;s request-duration histograms on both sides of the proxy (Istio&apos;s
        istio_request_duration_milliseconds, Linkerd&apos;s response_latency_ms).
      </Alert>
    );
  }
  if (!data || data.state === 'Loading') {
    return <LoadingPlaceholder text="Measuring latency…" />;
  }
  if (data.errors?.length) {
    return (
      <Alert severity="error" title="The data source answered with an error">
        {data.errors.map((e) => e.message).join('; ')}
      </Alert>
    );
  }
  const rows = latencyRows(
    data.series,
    { namespace: mesh.latency.client.namespaceLabel, workload: mesh.latency.client.workloadLabel },
    mesh.latency.client.toMs
  );
  if (rows.length === 0) {
    return (
      <Alert severity="info" title="No latency for this selection">
        No workload has both sides of the comparison for method {method}
        {method === 'app-vs-mesh' ? ' (the app must export http_server_request_duration_seconds)' : ''}
        {method === 'baseline' ? ` (the histogram must exist ${figureOptions.latency.baselineOffset} earlier)` : ''}.
      </Alert>
    );
  }
  return (
    <div className={styles.wrapper}>
      <DataTable aria-label={`Latency added by ${mesh.name}, per workload`}>
        <thead>
          <tr>
            <th scope="col">Workload</th>
            <th scope="col">p50 added</th>
            <th scope="col">p90 added</th>
            <th scope="col">p99 added</th>
            <th scope="col">Client p99 resolution</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.key}</th>
              <td>{formatFigure(r.p50, 'ms')}</td>
              <td>{formatFigure(r.p90, 'ms')}</td>
              <td>{formatFigure(r.p99, 'ms')}</td>
              <td>{r.bucket ? `between ${r.bucket.lowerMs} and ${r.bucket.upperMs} ms` : 'unavailable'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Text variant="bodySmall" color="secondary">
        Method: {method}. histogram_quantile interpolates inside a bucket, so a figure is only as precise as the bucket
        it fell in. Envoy&apos;s default buckets (…, 50, 100, 250, 500 ms) are coarse: for finer results, set finer
        buckets per workload with Istio&apos;s sidecar.istio.io/statsHistogramBuckets pod annotation.
      </Text>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
});
