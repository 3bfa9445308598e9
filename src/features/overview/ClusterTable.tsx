import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Text, useStyles2 } from '@grafana/ui';
import { meshFigureId, P99, type MeshFigureKey } from '../../model/figureKeys';
import { MESH_FIGURES } from '../../model/figureTable';
import type { Report } from '../../model/report';
import { reportValue } from '../../model/reportValue';
import { DataTable } from '../../components/DataTable/DataTable';
import { formatFigure } from '../../utils/utils.units';

/** The report's per-cluster figures (BY_CLUSTER_FIGURES, latency at p99); units from the figure table. */
const COLUMNS: Array<{ key: MeshFigureKey; header: string }> = [
  { key: 'cost.total', header: 'Monthly cost' },
  { key: 'sidecars.cpuShare', header: 'Share of CPU' },
  { key: 'sidecars.memoryShare', header: 'Share of memory' },
  { key: 'latency.pNAdded', header: 'p99 added' },
];

/** Cluster names the report measured per mesh; more than one means a multi-cluster data source. */
export function clustersOf(report: Report): string[] {
  const names = new Set(report.meshes.flatMap((m) => Object.keys(m.byCluster ?? {})).filter((c) => c !== ''));
  return [...names].sort();
}

/** Per-cluster rows for each mesh and its total over all clusters (the report's own figure). */
export function ClusterTable({ report }: { report: Report }) {
  const styles = useStyles2(getStyles);
  if (clustersOf(report).length < 2) {
    return null;
  }
  return (
    <DataTable aria-label="Mesh overhead by cluster">
      <caption>
        <Text variant="h4">By cluster</Text>
      </caption>
      <thead>
        <tr>
          <th scope="col">Mesh</th>
          <th scope="col">Cluster</th>
          {COLUMNS.map((c) => (
            <th scope="col" key={c.key}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.meshes.flatMap((m) => [
          ...Object.entries(m.byCluster ?? {})
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([cluster, values]) => (
              <tr key={`${m.id}/${cluster}`}>
                <th scope="row">{m.name}</th>
                <td>{cluster || '(no cluster label)'}</td>
                {COLUMNS.map((c) => (
                  <td key={c.key}>{formatFigure(values[meshFigureId(m.id, c.key, P99)], MESH_FIGURES[c.key].unit)}</td>
                ))}
              </tr>
            )),
          <tr key={`${m.id}/total`} className={styles.total}>
            <th scope="row">{m.name}</th>
            <td>All clusters</td>
            {COLUMNS.map((c) => (
              <td key={c.key}>{formatFigure(reportValue(m, c.key), MESH_FIGURES[c.key].unit)}</td>
            ))}
          </tr>,
        ])}
      </tbody>
    </DataTable>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  total: css({ fontWeight: theme.typography.fontWeightMedium }),
});
