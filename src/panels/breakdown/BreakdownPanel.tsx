import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, PanelProps } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import type { Unit } from '../../model/figures';
import { DataTable } from '../../components/DataTable/DataTable';
import { WithFigureBasis } from '../../components/FigureBasis/FigureBasis';
import { workloadUrl } from '../../utils/utils.routing';
import { formatFigure } from '../../utils/utils.units';
import { breakdownRows, sortRows, type BreakdownRow } from './rows';
import type { BreakdownColumn, BreakdownOptions } from '../../model/panelOptions';

const COLUMNS: Array<{ key: BreakdownColumn; header: (o: BreakdownOptions) => string; unit: Unit; decimals?: number }> =
  [
    { key: 'cost', header: () => 'Cost per month', unit: 'currencyUSD' },
    { key: 'cpu', header: () => 'Proxy CPU', unit: 'cores', decimals: 3 },
    { key: 'request', header: () => 'Proxy CPU requested', unit: 'cores', decimals: 3 },
    { key: 'memory', header: () => 'Proxy memory', unit: 'bytes', decimals: 1 },
    {
      key: 'share',
      header: (o) => `Proxy share of ${o.groupBy === 'workload' ? 'workload' : 'namespace'} CPU`,
      unit: 'percentunit',
    },
  ];

/** The drill-down link of a workload row, carrying the mesh and time range when the host can resolve them. */
function drillUrl(
  r: BreakdownRow,
  o: BreakdownOptions,
  replace: PanelProps['replaceVariables'] | undefined
): string | undefined {
  if (!r.workload) {
    return undefined;
  }
  const range = new URLSearchParams(replace?.('${__url_time_range}') ?? '');
  return workloadUrl(r.namespace, r.workload, {
    'var-mesh': o.drilldownMesh || replace?.('${mesh}'),
    from: range.get('from') ?? undefined,
    to: range.get('to') ?? undefined,
  });
}

/** The refIds as this panel's queries are named: in a row repeated over `mesh`, `${mesh}.cost` is its mesh's. */
function withRefIdsOf(o: BreakdownOptions, replace: PanelProps['replaceVariables'] | undefined): BreakdownOptions {
  const r = (x: string) => (replace ? replace(x) : x);
  return {
    ...o,
    costRefId: r(o.costRefId),
    cpuRefId: r(o.cpuRefId),
    memoryRefId: r(o.memoryRefId),
    shareRefId: r(o.shareRefId),
    requestRefId: r(o.requestRefId),
  };
}

/** The rows, with the price source and time window they use under them. */
export function BreakdownPanel(props: PanelProps<BreakdownOptions>) {
  return (
    <WithFigureBasis basis={props.options.basis}>
      <BreakdownBody {...props} />
    </WithFigureBasis>
  );
}

function BreakdownBody({ data, options, replaceVariables }: PanelProps<BreakdownOptions>) {
  const styles = useStyles2(getStyles);
  // The options choose the top N and the initial order; a click on a header re-sorts those rows.
  const [sortBy, setSortBy] = useState<BreakdownColumn | undefined>();
  const by = sortBy ?? options.sortBy;
  const rows = sortRows(breakdownRows(data, withRefIdsOf(options, replaceVariables)), by);
  const failed = data.errors?.map((e) => e.message).filter(Boolean) ?? [];
  if (rows.length === 0 && failed.length) {
    // The query failed: say so, rather than advising about labels.
    return (
      <Alert severity="error" title="The breakdown's queries failed">
        {failed.join('; ')}
      </Alert>
    );
  }
  if (rows.length === 0) {
    return (
      <Alert severity="info" title={`No ${options.groupBy}s with a proxy in this data`}>
        The queries returned no series with a {options.groupBy === 'workload' ? 'namespace and workload' : 'namespace'}{' '}
        label. Group the queries by {options.groupBy}, or change the grouping in the panel options.
      </Alert>
    );
  }
  const columns = COLUMNS.filter((c) => c.key !== 'request' || rows.some((r) => r.request !== null));
  const max = Math.max(...rows.map((r) => r[by] ?? 0), 0);
  return (
    <DataTable data-testid="data-testid meshtax-breakdown-panel" aria-label={`Mesh cost by ${options.groupBy}`}>
      <thead>
        <tr>
          <th scope="col">{options.groupBy === 'workload' ? 'Workload' : 'Namespace'}</th>
          {columns.map((c) => (
            <th scope="col" key={c.key} aria-sort={by === c.key ? 'descending' : 'none'}>
              <button type="button" className={styles.sort} onClick={() => setSortBy(c.key)}>
                {c.header(options)}
                {by === c.key ? ' ▼' : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const v = r[by];
          const width = v !== null && max > 0 ? `${(100 * v) / max}%` : '0%';
          const href = options.drilldown ? drillUrl(r, options, replaceVariables) : undefined;
          return (
            <tr key={r.key}>
              <th scope="row">
                {href ? (
                  <a className={styles.link} href={href} title={`Open ${r.key}: its proxies over time`}>
                    {r.key}
                  </a>
                ) : (
                  r.key
                )}
                {options.display === 'bars' && <div className={styles.bar} style={{ width }} aria-hidden />}
              </th>
              {columns.map((c) => (
                <td key={c.key}>{formatFigure(r[c.key], c.unit, c.decimals)}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  // Headers are buttons so keyboard users can sort too.
  sort: css({
    background: 'none',
    border: 'none',
    padding: 0,
    color: 'inherit',
    font: 'inherit',
    textAlign: 'inherit',
    cursor: 'pointer',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  link: css({ color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } }),
  // The bar length is the row's value of the sort column, relative to the largest row.
  bar: css({
    height: theme.spacing(0.5),
    marginTop: theme.spacing(0.5),
    background: theme.colors.primary.main,
    borderRadius: theme.shape.radius.default,
  }),
});
