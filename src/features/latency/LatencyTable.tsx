import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { Alert, Icon, LoadingPlaceholder, Text, useStyles2 } from '@grafana/ui';
import type { MeshDef } from '../../model/catalogue';
import type { LatencyMethod } from '../../model/latency';
import { FALLS_AS_P_RISES, isUnresolved, UNRESOLVED_FACTOR, unresolvedAdvice } from '../../model/latencyText';
import { DataTable } from '../../components/DataTable/DataTable';
import { failureText } from '../../shared/scenes/ExplainedPanel';
import { formatInterval } from '../../utils/utils.latency';
import { VISUALLY_HIDDEN } from '../../utils/utils.tableStyles';
import { formatFigure } from '../../utils/utils.units';
import { QUANTILES, quantileRef } from './latencyQueries';
import { latencyRows, type LatencyRow, type QuantileAdded } from './latencyRows';

interface LatencyTableState extends SceneObjectState {
  mesh: MeshDef;
  method: LatencyMethod;
  baselineOffset?: string;
  /** Say nothing when no workload has a value (the Workload page's chart already says why). */
  quietWhenEmpty?: boolean;
}

/**
 * p50, p90 and p99 added per workload for one mesh and method, each with the interval that holds the true value
 * (issue #18), and the exact mean added beside them. Rows whose quantiles fall as p rises say why, under the row.
 */
export class LatencyTable extends SceneObjectBase<LatencyTableState> {
  static Component = LatencyTableRenderer;
}

const ms = (v: number | null) => (v === null ? 'unavailable' : formatFigure(v, 'ms'));

function AddedCell({ a }: { a: QuantileAdded }) {
  const styles = useStyles2(getStyles);
  const interval = formatInterval(a.range);
  return (
    <td>
      <div>{ms(a.value)}</div>
      {interval && <div className={styles.interval}>{interval}</div>}
      {/* A mark in the cell, the sentence once under the table: at 420 px the phrase took four lines per cell, and
          even the word "unresolved" widened four columns past the screen. Screen readers hear the word. */}
      {isUnresolved(a.value, a.range) && (
        <div className={styles.warning} title="Unresolved: these buckets can't resolve it (see under the table)">
          <Icon name="exclamation-triangle" size="sm" aria-hidden />
          <span className={styles.visuallyHidden}>unresolved</span>
        </div>
      )}
    </td>
  );
}

function Row({ r }: { r: LatencyRow }) {
  const styles = useStyles2(getStyles);
  return (
    <>
      <tr>
        <th scope="row">{r.key}</th>
        {QUANTILES.map((q) => (
          <AddedCell key={q} a={r.added[q]} />
        ))}
        <td>{ms(r.mean)}</td>
      </tr>
      {r.fallsAsPRises && (
        <tr>
          <td colSpan={QUANTILES.length + 2} className={styles.note}>
            {r.key}: a higher quantile adds less here, because {FALLS_AS_P_RISES}
          </td>
        </tr>
      )}
    </>
  );
}

function LatencyTableRenderer({ model }: SceneComponentProps<LatencyTable>) {
  const { mesh, method, baselineOffset, quietWhenEmpty } = model.useState();
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
  const rows = latencyRows(data.series);
  if (rows.length === 0) {
    return quietWhenEmpty ? null : (
      <Alert severity="info" title={`${mesh.name}: no latency for this selection`}>
        No workload has both sides of the comparison for method {method} ({mesh.latency.client.metric}
        {method === 'reporter-delta' ? ` from both reporters` : ''}
        {method === 'app-vs-mesh' ? ' and the app’s own http_server_request_duration_seconds' : ''}
        {method === 'baseline' ? `, also ${baselineOffset} earlier` : ''}) in the selected cluster and namespaces over
        this time range: idle workloads serve no requests to measure.
      </Alert>
    );
  }
  const unresolved = rows.some((r) => QUANTILES.some((q) => isUnresolved(r.added[q].value, r.added[q].range)));
  return (
    <div className={styles.wrapper}>
      <DataTable aria-label={`Latency added by ${mesh.name}, per workload`}>
        <thead>
          <tr>
            <th scope="col">Workload</th>
            {QUANTILES.map((q) => (
              <th scope="col" key={q}>
                {quantileRef(q)} added
              </th>
            ))}
            <th scope="col">Mean added</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.key} r={r} />
          ))}
        </tbody>
      </DataTable>
      <Text variant="bodySmall" color="secondary">
        Method: {method}. Each quantile added is interpolated inside histogram buckets, so the true value lies anywhere
        in the interval under it; the mean added comes from the histograms&apos; sums and counts and is exact.
      </Text>
      {unresolved && (
        <Text variant="bodySmall" color="warning">
          <Icon name="exclamation-triangle" size="sm" aria-hidden /> Unresolved: some intervals here are more than{' '}
          {UNRESOLVED_FACTOR}× wider than their values. {unresolvedAdvice(mesh.id)}
        </Text>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), minWidth: 0 }),
  interval: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  warning: css({ color: theme.colors.warning.text, fontSize: theme.typography.bodySmall.fontSize }),
  visuallyHidden: css(VISUALLY_HIDDEN),
  // Under its row, read as a sentence: left-aligned, whatever the table's alignment for figures.
  note: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    textAlign: 'left !important' as 'left',
  }),
});
