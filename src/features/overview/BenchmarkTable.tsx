import React from 'react';
import { COMPARISON_FIGURES } from '../../model/comparison';
import { meshFigureId, P99 } from '../../model/figureKeys';
import type { Report } from '../../model/report';
import { reportValue, type ReportMesh as Mesh } from '../../model/reportValue';
import { ComparisonTable, type ComparisonRow } from '../../components/ComparisonTable/ComparisonTable';
import { exploreUrl } from '../../utils/utils.explore';

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

export function reportRows(report: Report, datasourceUid: string, timeSec: number): ComparisonRow[] {
  return report.meshes.map((m) => ({
    name: m.name,
    pods: m.sidecars.pods,
    cells: Object.fromEntries(
      COLUMNS.map((key) => {
        const expr = m.queries[meshFigureId(m.id, COMPARISON_FIGURES[key], P99)];
        return [key, { value: value(m, key), expr, href: expr ? exploreUrl(datasourceUid, expr, timeSec) : undefined }];
      })
    ),
  }));
}

export function BenchmarkTable({
  report,
  datasourceUid,
  timeSec,
}: {
  report: Report;
  datasourceUid: string;
  timeSec: number;
}) {
  return (
    <ComparisonTable
      rows={reportRows(report, datasourceUid, timeSec)}
      caption="The benchmark table, measured on your cluster"
    />
  );
}
