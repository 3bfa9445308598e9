/**
 * One mesh as its card shows it, from a finished report or from a report still arriving: each figure is a value,
 * null with a reason (unavailable, or its own error), or undefined while it is on its way.
 */
import type { FigureRef } from '../../model/dashboards';
import { meshFigureId, type MeshFigureKey } from '../../model/figureKeys';
import type { Report } from '../../model/report';
import { reportFigureId, reportValue, type ReportMesh } from '../../model/reportValue';
import { wholeMeshShare } from '../../model/headline';
import { unresolvedText } from '../../model/latencyText';
import { formatBetween } from '../../utils/utils.latency';
import type { ReportSoFar } from './useReport';

export interface MeshView {
  id: string;
  name: string;
  dataPlaneKind: ReportMesh['dataPlaneKind'];
  quantile: number;
  has(key: MeshFigureKey): boolean;
  /** undefined: not arrived yet. */
  value(key: MeshFigureKey): number | null | undefined;
  reason(key: MeshFigureKey): string | undefined;
  expr(key: MeshFigureKey): string | undefined;
  /** The figure at one instant (an averaged report's `instantQueries`), for charts over time; else `expr`. */
  instantExpr(key: MeshFigureKey): string | undefined;
  figure(key: MeshFigureKey): FigureRef | undefined;
  /** The whole mesh's share (sidecars, control plane, node agents); undefined until the report is complete. */
  wholeShare(resource: 'cpuCores' | 'memoryBytes'): number | null | undefined;
  latencyNote?: string;
  /** Why the buckets cannot resolve the quantile added, and how to get finer ones: long, so shown on demand. */
  latencyDetail?: string;
}

/** Under the figure: the interval the buckets allow (issue #18) and any warning, short enough for a phone. */
function bucketNote(m: ReportMesh): string | undefined {
  return [formatBetween(m.latency.addedRangeMs), m.latency.partial].filter((x) => !!x).join('; ') || undefined;
}

/** On demand: the method, the client's bucket, and when the buckets cannot resolve the value, how to get finer ones. */
function bucketDetail(m: ReportMesh): string {
  const b = m.latency.clientBucketMs;
  const base = b ? `${m.latency.method}; client p99 between ${b.lowerMs} and ${b.upperMs} ms` : m.latency.method;
  return [base, unresolvedText(m.id, m.latency.addedMs, m.latency.addedRangeMs)].filter((x) => !!x).join('; ');
}

export function viewOfReport(m: ReportMesh, cluster?: Report['cluster']): MeshView {
  const id = (k: MeshFigureKey) => reportFigureId(m, k);
  const isLatency = (k: MeshFigureKey) => k === 'latency.pNAdded';
  return {
    id: m.id,
    name: m.name,
    dataPlaneKind: m.dataPlaneKind,
    quantile: m.latency.quantile,
    has: (k) => id(k) in m.queries,
    value: (k) => reportValue(m, k),
    // The latency's reason also covers a mesh with no histogram at all (no figure, so no reason by id).
    reason: (k) => (isLatency(k) ? m.latency.reason : m.reasons[id(k)]),
    expr: (k) => m.queries[id(k)],
    instantExpr: (k) => m.instantQueries?.[id(k)] ?? m.queries[id(k)],
    figure: (k) => m.figures.find((f) => f.id === id(k)),
    wholeShare: (r) => (cluster ? wholeMeshShare(m, cluster, r) : undefined),
    latencyNote: m.latency.addedMs !== null ? bucketNote(m) : undefined,
    latencyDetail: m.latency.addedMs !== null ? bucketDetail(m) : undefined,
  };
}

type Arriving = NonNullable<ReportSoFar['meshes']>[number];

export function viewOfProgress(m: Arriving, soFar: ReportSoFar, quantile: number): MeshView {
  const id = (k: MeshFigureKey) => meshFigureId(m.id, k, quantile);
  const fig = (k: MeshFigureKey) => m.figures.find((f) => f.id === id(k));
  return {
    id: m.id,
    name: m.name,
    dataPlaneKind: m.dataPlaneKind,
    quantile,
    has: (k) => !!fig(k),
    value: (k) => soFar.figures[id(k)]?.value,
    reason: (k) => soFar.figures[id(k)]?.reason,
    expr: (k) => fig(k)?.expr,
    instantExpr: (k) => fig(k)?.expr,
    figure: (k) => {
      const f = fig(k);
      return f && { id: f.id, title: f.title, unit: f.unit, expr: f.expr };
    },
    wholeShare: () => undefined,
  };
}
