import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { Alert, LoadingPlaceholder, Text, useStyles2 } from '@grafana/ui';
import type { MeshDef } from '../../model/catalogue';
import type { LatencyMethod } from '../../model/latency';
import { DataTable } from '../../components/DataTable/DataTable';
import { failureText } from '../../shared/scenes/ExplainedPanel';
import { formatFigure } from '../../utils/utils.units';
import { latencyRows } from './latencyRows';

interface LatencyTableState extends SceneObjectState {
  mesh: MeshDef;
  method: LatencyMethod;
  baselineOffset?: string;
}

/** p50, p90 and p99 added per workload for one mesh and method, with the bucket each client p99 fell in. */
export class LatencyTable extends SceneObjectBase<LatencyTableState> {
  static Component = LatencyTableRenderer;
}

function LatencyTableRenderer({ model }: SceneComponentProps<LatencyTable>) {
  const { mesh, method, baselineOffset } = model.useState();
  const styles = useStyles2(getStyles);
  const data = sceneGraph.getData(model).useState().data;
  if (!mesh.latency) {
    return null;
  }
  if (!data || data.state === 'Loading') {
    return <LoadingPlaceholder text="Measuring latency…" />;
  }
  const failed = failureText(data.errors);
  if (failed) {
    return (
      <Alert severity="error" title={`${mesh.name}: the latency queries failed`}>
        {failed}
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
      <Alert severity="info" title={`${mesh.name}: no latency for this selection`}>
        No workload has both sides of the comparison for method {method} ({mesh.latency.client.metric}
        {method === 'reporter-delta' ? ` from both reporters` : ''}
        {method === 'app-vs-mesh' ? ' and the app’s own http_server_request_duration_seconds' : ''}
        {method === 'baseline' ? `, also ${baselineOffset} earlier` : ''}) in the selected cluster and namespaces over
        this time range: idle workloads serve no requests to measure.
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
  wrapper: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), minWidth: 0 }),
});
