import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Text, useStyles2 } from '@grafana/ui';
import type { Unit } from '../../model/figures';
import type { Report } from '../../model/report';
import { exploreUrl } from '../../utils/utils.explore';
import { formatFigure } from '../../utils/utils.units';

type Mesh = Report['meshes'][number];

/** The article's comparison columns, measured on this cluster: [header, figure id, unit, value]. */
const COLUMNS: Array<[string, string, Unit, (m: Mesh) => number | null]> = [
  ['p99 added', 'latency.p99Added', 'ms', (m) => m.latency.addedMs],
  ['Control-plane CPU', 'controlPlane.cpuCores', 'cores', (m) => m.controlPlane.cpuCores],
  ['Control-plane RAM', 'controlPlane.memoryBytes', 'bytes', (m) => m.controlPlane.memoryBytes],
  ['Sidecar RAM per pod', 'sidecars.memoryPerPodAvg', 'bytes', (m) => m.sidecars.memoryPerPodAvg],
  ['Monthly cost', 'cost.total', 'currencyUSD', (m) => m.monthlyCostUsd.total],
  ['Share of cluster CPU', 'sidecars.cpuShare', 'percentunit', (m) => m.sidecars.cpuShare],
];

interface Props {
  report: Report;
  datasourceUid: string;
  timeSec: number;
}

export function BenchmarkTable({ report, datasourceUid, timeSec }: Props) {
  const styles = useStyles2(getStyles);
  const totalPods = report.meshes.reduce((a, m) => a + (m.sidecars.pods ?? 0), 0);
  return (
    <table className={styles.table} aria-label="Benchmark table, measured on your cluster">
      <caption>
        <Text variant="h4">The benchmark table, measured on your cluster</Text>
      </caption>
      <thead>
        <tr>
          <th scope="col">Mesh</th>
          <th scope="col">Pods with a proxy</th>
          {COLUMNS.map(([h]) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.meshes.map((m) => (
          <tr key={m.id}>
            <th scope="row">{m.name}</th>
            <td>
              {m.sidecars.pods === null ? 'none' : formatFigure(m.sidecars.pods, 'pods', 0)}
              {m.sidecars.pods !== null && totalPods > 0 && report.meshes.length > 1 && ` (${formatFigure(m.sidecars.pods / totalPods, 'percentunit', 0)})`}
            </td>
            {COLUMNS.map(([h, id, unit, get]) => {
              const expr = m.queries[`${m.id}.${id}`];
              const text = formatFigure(get(m), unit);
              return (
                <td key={h}>
                  {expr ? (
                    <a className={styles.link} href={exploreUrl(datasourceUid, expr, timeSec)} title={expr}>
                      {text}
                    </a>
                  ) : (
                    <Text color="secondary">n/a</Text>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
    width: '100%',
    caption: { textAlign: 'left', paddingBottom: theme.spacing(1) },
    'th, td': { padding: theme.spacing(0.75, 1.5), borderBottom: `1px solid ${theme.colors.border.weak}`, textAlign: 'right' },
    'th:first-child': { textAlign: 'left' },
    thead: { color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize },
  }),
  // Every cell opens its own PromQL in Explore; the title shows the query on hover.
  link: css({ color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } }),
});
