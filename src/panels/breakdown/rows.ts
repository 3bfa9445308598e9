/**
 * Rows of the breakdown from the panel's frames: one row per namespace (or namespace/workload), from the labels
 * of each series (Prometheus time-series frames) or from label columns (table frames).
 */
import { FieldType, type DataFrame, type PanelData } from '@grafana/data';
import type { BreakdownOptions } from './types';

export interface BreakdownRow {
  key: string;
  cost: number | null;
  cpu: number | null;
  memory: number | null;
  share: number | null;
}

function keyOf(labels: Record<string, string> | undefined, groupBy: BreakdownOptions['groupBy']): string | undefined {
  if (!labels?.namespace) {
    return undefined;
  }
  return groupBy === 'workload'
    ? labels.workload
      ? `${labels.namespace}/${labels.workload}`
      : undefined
    : labels.namespace;
}

function valuesOf(frame: DataFrame, groupBy: BreakdownOptions['groupBy']): Array<[string, number]> {
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
      return key ? [[key, Number(v)] as [string, number]] : [];
    });
  }
  const key = keyOf(num.labels, groupBy);
  const finite = num.values.map(Number).filter((v) => Number.isFinite(v));
  return key && finite.length ? [[key, finite[finite.length - 1]]] : [];
}

export function breakdownRows(data: PanelData, o: BreakdownOptions): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  const fill = (refId: string, field: keyof Omit<BreakdownRow, 'key'>) => {
    for (const frame of data.series.filter((f) => f.refId === refId)) {
      for (const [key, v] of valuesOf(frame, o.groupBy)) {
        const row = rows.get(key) ?? { key, cost: null, cpu: null, memory: null, share: null };
        row[field] = v;
        rows.set(key, row);
      }
    }
  };
  fill(o.costRefId, 'cost');
  fill(o.cpuRefId, 'cpu');
  fill(o.memoryRefId, 'memory');
  fill(o.shareRefId, 'share');
  const kept = [...rows.values()].filter((r) => o.rowsFrom !== 'cost' || r.cost !== null);
  const topN = Number.isFinite(o.topN) && o.topN > 0 ? Math.floor(o.topN) : 10;
  // Unavailable values sort last, never as 0.
  return kept.sort((a, b) => (b[o.sortBy] ?? -Infinity) - (a[o.sortBy] ?? -Infinity)).slice(0, topN);
}
