import React from 'react';
import { COMPARISON_FIGURES } from '../../model/comparison';
import type { Report } from '../../model/report';
import { ComparisonTable, type ComparisonRow } from '../../components/ComparisonTable/ComparisonTable';
import { exploreUrl } from '../../utils/utils.explore';

type Mesh = Report['meshes'][number];

/** Comparison column -> its value in the report (the figure ids come from the model's COMPARISON_FIGURES). */
const VALUES: Record<string, (m: Mesh) => number | null> = {
  p99Added: (m) => m.latency.addedMs,
  controlPlaneCpu: (m) => m.controlPlane.cpuCores,
  controlPlaneMemory: (m) => m.controlPlane.memoryBytes,
  sidecarMemoryPerPod: (m) => m.sidecars.memoryPerPodAvg,
  monthlyCost: (m) => m.monthlyCostUsd.total,
  cpuShare: (m) => m.sidecars.cpuShare,
};

export function reportRows(report: Report, datasourceUid: string, timeSec: number): ComparisonRow[] {
  return report.meshes.map((m) => ({
    name: m.name,
    pods: m.sidecars.pods,
    cells: Object.fromEntries(
      Object.entries(VALUES).map(([key, get]) => {
        const expr = m.queries[`${m.id}.${COMPARISON_FIGURES[key]}`];
        return [key, { value: get(m), expr, href: expr ? exploreUrl(datasourceUid, expr, timeSec) : undefined }];
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
