/** Turns the panel's frames into comparison rows: one per mesh, a cell per column, "unavailable" when empty. */
import { FieldType, type PanelData } from '@grafana/data';
import { meshById, type MeshId } from '../../model/catalogue';
import { parseComparisonRefId } from '../../model/comparison';
import type { ComparisonRow } from '../../components/ComparisonTable/ComparisonTable';
import { formatInterval } from '../../utils/utils.latency';

function lastValue(data: PanelData, refId: string): number | null {
  const frame = data.series.find((f) => f.refId === refId && f.length > 0);
  const field = frame?.fields.find((f) => f.type === FieldType.number);
  const values = (field?.values ?? []).map(Number).filter((v) => Number.isFinite(v));
  return values.length ? values[values.length - 1] : null;
}

interface MeshCells {
  id: string;
  row: ComparisonRow;
  agentPods: number | null;
  controlPlaneCost: number | null;
  /** The p99 added's interval ends, from the bucket bounds: a note under the value, not a column. */
  p99Lower: number | null;
  p99Upper: number | null;
}

/** A mesh is there when it has proxied pods or node-agent pods; a control plane alone (a shared istiod) is not a mesh. */
function present(m: MeshCells): boolean {
  return (m.row.pods ?? 0) > 0 || (m.agentPods ?? 0) > 0;
}

export function comparisonRows(data: PanelData, hideAbsent: boolean): ComparisonRow[] {
  const targets = (data.request?.targets ?? []) as Array<{ refId: string; expr?: string }>;
  const byMesh = new Map<string, MeshCells>();
  for (const t of targets) {
    const parsed = parseComparisonRefId(t.refId);
    if (!parsed) {
      continue;
    }
    const m = byMesh.get(parsed.meshId) ?? {
      id: parsed.meshId,
      row: { name: meshName(parsed.meshId), pods: null, cells: {} },
      agentPods: null,
      controlPlaneCost: null,
      p99Lower: null,
      p99Upper: null,
    };
    const value = lastValue(data, t.refId);
    if (parsed.column === 'pods') {
      m.row.pods = value;
    } else if (parsed.column === 'agentPods') {
      m.agentPods = value;
    } else if (parsed.column === 'controlPlaneCost') {
      m.controlPlaneCost = value;
    } else if (parsed.column === 'p99AddedLower') {
      m.p99Lower = value;
    } else if (parsed.column === 'p99AddedUpper') {
      m.p99Upper = value;
    } else {
      m.row.cells[parsed.column] = { value, expr: t.expr ?? '' };
    }
    byMesh.set(parsed.meshId, m);
  }
  const meshes = [...byMesh.values()];
  const presentIds = meshes.filter(present).map((m) => m.id);
  for (const m of meshes) {
    billSharedControlPlaneOnce(m, presentIds);
    notePercentileInterval(m);
  }
  return (hideAbsent ? meshes.filter(present) : meshes).map((m) => m.row);
}

/** The p99 added never stands alone (issue #18): its interval goes under it when the panel has both ends. */
function notePercentileInterval(m: MeshCells) {
  const cell = m.row.cells.p99Added;
  if (cell && m.p99Lower !== null && m.p99Upper !== null) {
    cell.note = formatInterval([m.p99Lower, m.p99Upper]);
  }
}

/** One istiod serves sidecar and ambient Istio: when both are present, the ambient row leaves it out. */
function billSharedControlPlaneOnce(m: MeshCells, presentIds: string[]) {
  const shared = sharedWith(m.id);
  if (!shared || !presentIds.includes(shared)) {
    return;
  }
  const cost = m.row.cells.monthlyCost;
  if (cost && cost.value !== null && m.controlPlaneCost !== null) {
    m.row.cells.monthlyCost = { ...cost, value: cost.value - m.controlPlaneCost };
  }
  delete m.row.cells.controlPlaneCpu;
  delete m.row.cells.controlPlaneMemory;
}

function sharedWith(id: string): string | undefined {
  try {
    return meshById(id as MeshId, { container: id }).controlPlaneSharedWith;
  } catch {
    return undefined;
  }
}

function meshName(id: string): string {
  try {
    return meshById(id as MeshId, { container: id }).name;
  } catch {
    return id;
  }
}
