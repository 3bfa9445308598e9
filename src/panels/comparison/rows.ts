/** Turns the panel's frames into comparison rows: one per mesh, a cell per column, "unavailable" when empty. */
import { FieldType, type PanelData } from '@grafana/data';
import { meshById, type MeshId } from '../../model/catalogue';
import { parseComparisonRefId } from '../../model/comparison';
import type { ComparisonRow } from '../../components/ComparisonTable/ComparisonTable';

function lastValue(data: PanelData, refId: string): number | null {
  const frame = data.series.find((f) => f.refId === refId && f.length > 0);
  const field = frame?.fields.find((f) => f.type === FieldType.number);
  const values = (field?.values ?? []).map(Number).filter((v) => Number.isFinite(v));
  return values.length ? values[values.length - 1] : null;
}

export function comparisonRows(data: PanelData, hideAbsent: boolean): ComparisonRow[] {
  const targets = (data.request?.targets ?? []) as Array<{ refId: string; expr?: string }>;
  const byMesh = new Map<string, ComparisonRow>();
  for (const t of targets) {
    const parsed = parseComparisonRefId(t.refId);
    if (!parsed) {
      continue;
    }
    const row = byMesh.get(parsed.meshId) ?? { name: meshName(parsed.meshId), pods: null, cells: {} };
    const value = lastValue(data, t.refId);
    if (parsed.column === 'pods') {
      row.pods = value;
    } else {
      row.cells[parsed.column] = { value, expr: t.expr ?? '' };
    }
    byMesh.set(parsed.meshId, row);
  }
  const rows = [...byMesh.values()];
  return hideAbsent ? rows.filter((r) => r.pods !== null || Object.values(r.cells).some((c) => c.value !== null)) : rows;
}

function meshName(id: string): string {
  try {
    return meshById(id as MeshId, { container: id }).name;
  } catch {
    return id;
  }
}
