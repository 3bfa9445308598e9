/**
 * Rows of the breakdown from the panel's frames: one row per namespace (or namespace/workload), from the labels
 * of each series (Prometheus time-series frames) or from label columns (table frames).
 */
import { FieldType, type DataFrame, type PanelData } from '@grafana/data';
import type { BreakdownColumn, BreakdownOptions } from '../../model/panelOptions';

export type BreakdownRow = { key: string; namespace: string; workload?: string } & Record<
  BreakdownColumn,
  number | null
>;

interface RowKey {
  key: string;
  namespace: string;
  workload?: string;
}

function keyOf(labels: Record<string, string> | undefined, groupBy: BreakdownOptions['groupBy']): RowKey | undefined {
  if (!labels?.namespace) {
    return undefined;
  }
  if (groupBy === 'namespace') {
    return { key: labels.namespace, namespace: labels.namespace };
  }
  return labels.workload
    ? { key: `${labels.namespace}/${labels.workload}`, namespace: labels.namespace, workload: labels.workload }
    : undefined;
}

function valuesOf(frame: DataFrame, groupBy: BreakdownOptions['groupBy']): Array<[RowKey, number]> {
  const num = frame.fields.find((f) => f.type === FieldType.number);
  if (!num) {
    return [];
  }
  const strings = frame.fields.filter((f) => f.type === FieldType.string);
  if (strings.length) {
    // Table frame: one row per series, labels as columns.
    return num.values.flatMap((v, i) => {
      const labels = Object.fromEntries(strings.map((f) => [f.name, String(f.values[i])]));
      const key = keyOf(labels, groupBy);
      return key ? [[key, Number(v)] as [RowKey, number]] : [];
    });
  }
  const key = keyOf(num.labels, groupBy);
  const finite = num.values.map(Number).filter((v) => Number.isFinite(v));
  return key && finite.length ? [[key, finite[finite.length - 1]]] : [];
}

/** Largest first; unavailable values sort last, never as 0. */
export function sortRows(rows: BreakdownRow[], by: BreakdownColumn): BreakdownRow[] {
  return [...rows].sort((a, b) => (b[by] ?? -Infinity) - (a[by] ?? -Infinity));
}

/** The top N rows by `o.sortBy`, with every column the panel's queries provide. */
export function breakdownRows(data: PanelData, o: BreakdownOptions): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  const fill = (refId: string | undefined, field: BreakdownColumn) => {
    for (const frame of data.series.filter((f) => refId && f.refId === refId)) {
      for (const [k, v] of valuesOf(frame, o.groupBy)) {
        const row = rows.get(k.key) ?? { ...k, cost: null, cpu: null, request: null, memory: null, share: null };
        row[field] = v;
        rows.set(k.key, row);
      }
    }
  };
  fill(o.costRefId, 'cost');
  fill(o.cpuRefId, 'cpu');
  fill(o.requestRefId, 'request');
  fill(o.memoryRefId, 'memory');
  fill(o.shareRefId, 'share');
  const kept = [...rows.values()].filter((r) => o.rowsFrom !== 'cost' || r.cost !== null);
  const topN = Number.isFinite(o.topN) && o.topN > 0 ? Math.floor(o.topN) : 10;
  return sortRows(kept, o.sortBy).slice(0, topN);
}
