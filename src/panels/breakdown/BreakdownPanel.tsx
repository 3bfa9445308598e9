import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, PanelProps } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import { formatFigure } from '../../utils/utils.units';
import { breakdownRows } from './rows';
import type { BreakdownOptions } from './types';
import { dataTableStyle } from '../../utils/utils.tableStyles';

export function BreakdownPanel({ data, options }: PanelProps<BreakdownOptions>) {
  const styles = useStyles2(getStyles);
  const rows = breakdownRows(data, options);
  if (rows.length === 0) {
    return (
      <Alert severity="info" title={`No ${options.groupBy}s with a proxy in this data`}>
        The queries returned no series with a {options.groupBy === 'workload' ? 'namespace and workload' : 'namespace'}{' '}
        label. Group the queries by {options.groupBy}, or change the grouping in the panel options.
      </Alert>
    );
  }
  const max = Math.max(...rows.map((r) => r[options.sortBy] ?? 0), 0);
  return (
    <table
      className={styles.table}
      data-testid="data-testid meshtax-breakdown-panel"
      aria-label={`Mesh cost by ${options.groupBy}`}
    >
      <thead>
        <tr>
          <th scope="col">{options.groupBy === 'workload' ? 'Workload' : 'Namespace'}</th>
          <th scope="col">Cost per month</th>
          <th scope="col">Proxy CPU</th>
          <th scope="col">Proxy memory</th>
          <th scope="col">Proxy share of {options.groupBy === 'workload' ? 'workload' : 'namespace'} CPU</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const v = r[options.sortBy];
          const width = v !== null && max > 0 ? `${(100 * v) / max}%` : '0%';
          return (
            <tr key={r.key}>
              <th scope="row">
                {r.key}
                {options.display === 'bars' && <div className={styles.bar} style={{ width }} aria-hidden />}
              </th>
              <td>{formatFigure(r.cost, 'currencyUSD')}</td>
              <td>{formatFigure(r.cpu, 'cores', 3)}</td>
              <td>{formatFigure(r.memory, 'bytes', 1)}</td>
              <td>{formatFigure(r.share, 'percentunit')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css(dataTableStyle(theme)),
  // The bar length is the row's value of the sort column, relative to the largest row.
  bar: css({
    height: theme.spacing(0.5),
    marginTop: theme.spacing(0.5),
    background: theme.colors.primary.main,
    borderRadius: theme.shape.radius.default,
  }),
});
