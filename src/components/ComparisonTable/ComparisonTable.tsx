import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Text, useStyles2 } from '@grafana/ui';
import type { Unit } from '../../model/figures';
import { formatFigure } from '../../utils/utils.units';

/** The article's comparison columns: [key, header, unit]. The app and the comparison panel share them. */
export const COMPARISON_COLUMNS: Array<[string, string, Unit]> = [
  ['p99Added', 'p99 added', 'ms'],
  ['controlPlaneCpu', 'Control-plane CPU', 'cores'],
  ['controlPlaneMemory', 'Control-plane RAM', 'bytes'],
  ['sidecarMemoryPerPod', 'Sidecar RAM per pod', 'bytes'],
  ['monthlyCost', 'Monthly cost', 'currencyUSD'],
  ['cpuShare', 'Share of cluster CPU', 'percentunit'],
  ['mtlsShare', 'mTLS', 'percentunit'],
  ['splitServices', 'Traffic splitting', 'services'],
  ['resilienceEvents', 'Resilience events', 'eventsps'],
];

export interface ComparisonCell {
  value: number | null;
  /** The PromQL behind the value; a cell without one is "n/a" for that mesh. */
  expr?: string;
  href?: string;
  /** A second, smaller line under the value: the p99 added's interval (issue #18), so the value never stands alone. */
  note?: string;
}

export interface ComparisonRow {
  name: string;
  pods: number | null;
  cells: Record<string, ComparisonCell>;
}

interface Props {
  rows: ComparisonRow[];
  caption?: string;
  /** A column to put first, right after the mesh, and set in bold: the one the reader came for. */
  emphasis?: string;
}

export function ComparisonTable({ rows, caption, emphasis }: Props) {
  const styles = useStyles2(getStyles);
  const totalPods = rows.reduce((a, r) => a + (r.pods ?? 0), 0);
  const first = COMPARISON_COLUMNS.filter(([k]) => k === emphasis);
  const rest = COMPARISON_COLUMNS.filter(([k]) => k !== emphasis);
  const cellOf = (r: ComparisonRow, key: string, unit: Unit) => {
    const cell = r.cells[key];
    if (!cell?.expr) {
      return (
        <td key={key}>
          <Text color="secondary">n/a</Text>
        </td>
      );
    }
    const text = formatFigure(cell.value, unit);
    return (
      <td key={key} title={cell.expr} className={key === emphasis ? styles.emphasis : undefined}>
        {cell.href ? (
          <a className={styles.link} href={cell.href} title={cell.expr}>
            {text}
          </a>
        ) : (
          text
        )}
        {cell.note && <div className={styles.note}>{cell.note}</div>}
      </td>
    );
  };
  return (
    // The wrapper scrolls the table sideways at narrow widths instead of the page; the hint says so where it does.
    <div className={styles.scroll}>
      <table className={styles.table} aria-label={caption ?? 'Mesh comparison'}>
        {caption && (
          <caption>
            <Text variant="h4">{caption}</Text>
          </caption>
        )}
        <thead>
          <tr>
            <th scope="col">Mesh</th>
            {first.map(([key, header]) => (
              <th scope="col" key={key}>
                {header}
              </th>
            ))}
            <th scope="col">Pods with a proxy</th>
            {rest.map(([key, header]) => (
              <th scope="col" key={key}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              {first.map(([key, , unit]) => cellOf(r, key, unit))}
              <td className={styles.pods}>
                {r.pods === null ? 'none' : formatFigure(r.pods, 'pods', 0)}
                {r.pods !== null &&
                  totalPods > 0 &&
                  rows.length > 1 &&
                  ` (${formatFigure(r.pods / totalPods, 'percentunit', 0)})`}
              </td>
              {rest.map(([key, , unit]) => cellOf(r, key, unit))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflowX: 'auto', maxWidth: '100%' }),
  table: css({
    borderCollapse: 'collapse',
    width: '100%',
    caption: { captionSide: 'top', textAlign: 'left', paddingBottom: theme.spacing(1) },
    'th, td': {
      padding: theme.spacing(0.75, 1.5),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'right',
    },
    'th:first-child': { textAlign: 'left' },
    thead: { color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize },
  }),
  emphasis: css({ fontWeight: theme.typography.fontWeightBold, fontSize: theme.typography.h5.fontSize }),
  note: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    fontWeight: theme.typography.fontWeightRegular,
    whiteSpace: 'nowrap',
  }),
  // "20 pods (53%)" stays on one line.
  pods: css({ whiteSpace: 'nowrap' }),
  // Every cell opens its own PromQL in Explore; the title shows the query on hover.
  link: css({ color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } }),
});
