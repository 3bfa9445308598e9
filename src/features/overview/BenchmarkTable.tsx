import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { COMPARISON_FIGURES } from '../../model/comparison';
import { meshFigureId, P99 } from '../../model/figureKeys';
import type { Report } from '../../model/report';
import { reportValue, type ReportMesh as Mesh } from '../../model/reportValue';
import { ComparisonTable, type ComparisonRow } from '../../components/ComparisonTable/ComparisonTable';
import { formatInterval } from '../../utils/utils.latency';

/** The comparison columns the app's table shows (pods is the row's own; the others feed the panel only). */
const COLUMNS = [
  'p99Added',
  'controlPlaneCpu',
  'controlPlaneMemory',
  'sidecarMemoryPerPod',
  'monthlyCost',
  'cpuShare',
  'mtlsShare',
  'splitServices',
  'resilienceEvents',
];

const value = (m: Mesh, column: string) => reportValue(m, COMPARISON_FIGURES[column]);

/**
 * One row per mesh. Cells carry their PromQL (on hover) but no link: a table of links reads as navigation; each
 * figure opens in Explore from its card.
 */
export function reportRows(report: Report): ComparisonRow[] {
  return report.meshes.map((m) => ({
    name: m.name,
    pods: m.sidecars.pods,
    cells: Object.fromEntries(
      COLUMNS.map((key) => {
        const expr = m.queries[meshFigureId(m.id, COMPARISON_FIGURES[key], P99)];
        // The quantile added is interpolated inside buckets: its interval goes under it, as everywhere (#18).
        const note = key === 'p99Added' ? formatInterval(m.latency.addedRangeMs) : undefined;
        return [key, { value: value(m, key), expr, note }];
      })
    ),
  }));
}

export function BenchmarkTable({ report }: { report: Report; datasourceUid?: string; timeSec?: number }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.wrap}>
      <ComparisonTable
        rows={reportRows(report)}
        caption="The meshes side by side, measured on your cluster"
        emphasis="monthlyCost"
      />
      <span className={styles.hint} aria-hidden>
        Swipe the table sideways for more columns →
      </span>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ minWidth: 0 }),
  // Only where the table is wider than the page: at phone widths.
  hint: css({
    display: 'none',
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    [theme.breakpoints.down('md')]: { display: 'block' },
  }),
});
