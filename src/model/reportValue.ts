/** Reading one figure of the table back out of the report's JSON, for every surface that lists figures. */
import { meshFigureId, type MeshFigureKey } from './figureKeys';
import type { Report } from './report';

export type ReportMesh = Report['meshes'][number];

type Groups = Record<string, Record<string, number | null> | undefined>;

/** Where the report's JSON holds a figure: its group and field, `cost` as `monthlyCostUsd`, latency by side. */
export function reportValue(m: ReportMesh, key: MeshFigureKey): number | null {
  switch (key) {
    case 'latency.pNAdded':
      return m.latency.addedMs;
    case 'latency.pNClient':
      return m.latency.clientMs;
    case 'latency.pNServer':
      return m.latency.serverMs;
    case 'latency.pNAddedLower':
      return m.latency.addedRangeMs?.[0] ?? null;
    case 'latency.pNAddedUpper':
      return m.latency.addedRangeMs?.[1] ?? null;
    case 'latency.meanAdded':
      return m.latency.meanDeltaMs;
    case 'latency.pNClientLower':
      return m.latency.clientBucketMs?.lowerMs ?? null;
    case 'latency.pNClientUpper':
      return m.latency.clientBucketMs?.upperMs ?? null;
    case 'latency.pNServerLower':
      return m.latency.serverBucketMs?.lowerMs ?? null;
    case 'latency.pNServerUpper':
      return m.latency.serverBucketMs?.upperMs ?? null;
  }
  const [group, field] = key.split('.');
  if (group === 'resilience') {
    return m.value?.resilience?.[field as keyof ReportMesh['value']['resilience']] ?? null;
  }
  const groups = m as unknown as Groups;
  return groups[group === 'cost' ? 'monthlyCostUsd' : group]?.[field] ?? null;
}

/** The figure's id in this report (latency at the report's quantile). */
export const reportFigureId = (m: ReportMesh, key: MeshFigureKey) => meshFigureId(m.id, key, m.latency.quantile);

/** The mesh has the figure at all (a role or an input it lacks leaves it out). */
export const hasFigure = (m: ReportMesh, key: MeshFigureKey) => reportFigureId(m, key) in m.queries;

/** Which series the figure was read from (recorded, mixin or raw); undefined when the mesh lacks the figure. */
export const reportSource = (m: ReportMesh, key: MeshFigureKey) =>
  m.figures.find((f) => f.id === reportFigureId(m, key))?.source;
