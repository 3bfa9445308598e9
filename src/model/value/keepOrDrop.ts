/**
 * The Overview's keep-or-drop facts per mesh (issue #17): what it costs and adds to p99, what it does here, and what
 * removing it would free; with two meshes side by side, a projection of moving one's remaining pods to the other,
 * priced from each mesh's per-pod proxy cost measured here. Pure arithmetic on the report: anything it cannot say
 * from measured figures is null, never 0.
 */
import { hasFigure, reportValue, type ReportMesh } from '../reportValue';
import type { MeshFigureKey } from '../figureKeys';
import { ARTICLE_NODE_LINE } from './nodes';

export interface KeepOrDropFacts {
  meshId: string;
  meshName: string;
  monthlyUsd: number | null;
  p99AddedMs: number | null;
  requestsPerSecond: number | null;
  mtlsShare: number | null;
  splitServices: number | null;
  resilienceEvents: number | null;
  /** What removing the mesh frees: its whole cost, the cores and memory it uses, the nodes' worth its proxies request. */
  frees: { monthlyUsd: number | null; cores: number | null; memoryBytes: number | null; nodes: number | null };
  /** Why a fact above is null, in the report's own words (Linkerd's split: no version label, ...). */
  reasons: Partial<Record<ReasonedFact, string>>;
}

export type ReasonedFact =
  'monthlyUsd' | 'p99AddedMs' | 'requestsPerSecond' | 'mtlsShare' | 'splitServices' | 'resilienceEvents';

/** The cluster's node count against the article's line, or why it is unknown. */
export interface NodeFact {
  nodes: number | null;
  line: number;
  reason?: string;
}

export function clusterNodeFact(report: {
  cluster: { nodes?: number | null; reasons: Record<string, string> };
}): NodeFact {
  const nodes = report.cluster.nodes ?? null;
  return {
    nodes,
    line: ARTICLE_NODE_LINE,
    ...(nodes === null ? { reason: report.cluster.reasons['cluster.nodes'] ?? 'unavailable: not in this report' } : {}),
  };
}

export interface MoveProjection {
  from: { id: string; name: string };
  to: { id: string; name: string };
  /** The inputs, shown beside the result. */
  pods: number;
  fromPerPodUsd: number;
  toPerPodUsd: number;
  /** pods × (to − from): negative is a saving. Proxies only; control planes are not part of it. */
  monthlyChangeUsd: number;
}

/** Sum over the figures this mesh has; null when one of them it has is unavailable. */
function sumOf(m: ReportMesh, keys: MeshFigureKey[]): number | null {
  const parts = keys.filter((k) => hasFigure(m, k)).map((k) => reportValue(m, k));
  if (parts.length === 0 || parts.some((v) => v === null)) {
    return null;
  }
  return (parts as number[]).reduce((a, b) => a + b, 0);
}

/** The report's reason for each null fact; the value block's reasons are keyed `<mesh>.value.<field>`. */
function reasonsOf(m: ReportMesh, f: Omit<KeepOrDropFacts, 'reasons'>): KeepOrDropFacts['reasons'] {
  const where: Record<ReasonedFact, string> = {
    monthlyUsd: `${m.id}.cost.total`,
    p99AddedMs: `${m.id}.latency.p${Math.round(m.latency.quantile * 100)}Added`,
    requestsPerSecond: `${m.id}.value.requestsPerSecond`,
    mtlsShare: `${m.id}.value.mtlsShare`,
    splitServices: `${m.id}.value.splitServices`,
    resilienceEvents: `${m.id}.value.resilienceEvents`,
  };
  return Object.fromEntries(
    (Object.keys(where) as ReasonedFact[])
      .filter((k) => f[k] === null)
      .map((k) => [k, (k === 'p99AddedMs' ? m.latency.reason : undefined) ?? m.reasons[where[k]] ?? 'no data'])
  );
}

export function keepOrDropFacts(m: ReportMesh): KeepOrDropFacts {
  const facts = factsOf(m);
  return { ...facts, reasons: reasonsOf(m, facts) };
}

function factsOf(m: ReportMesh): Omit<KeepOrDropFacts, 'reasons'> {
  const cpuNodes = reportValue(m, 'sidecars.nodesReservedCpu');
  const memNodes = reportValue(m, 'sidecars.nodesReservedMemory');
  return {
    meshId: m.id,
    meshName: m.name,
    monthlyUsd: m.monthlyCostUsd.total,
    p99AddedMs: m.latency.addedMs,
    // A report without the block (an older JSON) has none of these: unavailable, never a crash.
    requestsPerSecond: m.value?.requestsPerSecond ?? null,
    mtlsShare: m.value?.mtlsShare ?? null,
    splitServices: m.value?.splitServices ?? null,
    resilienceEvents: m.value?.resilienceEvents ?? null,
    frees: {
      monthlyUsd: m.monthlyCostUsd.total,
      cores: sumOf(m, ['sidecars.cpuCores', 'controlPlane.cpuCores', 'nodeAgents.cpuCores']),
      memoryBytes: sumOf(m, ['sidecars.memoryBytes', 'controlPlane.memoryBytes', 'nodeAgents.memoryBytes']),
      // The larger of the two: the nodes that would no longer be needed for the proxies' requests.
      nodes: cpuNodes === null || memNodes === null ? null : Math.max(cpuNodes, memNodes),
    },
  };
}

const perPod = (m: ReportMesh): number | null => {
  const pods = m.sidecars.pods;
  const cost = m.monthlyCostUsd.sidecars;
  return pods && cost !== null ? cost / pods : null;
};

/** Every move between two sidecar meshes that both run pods here, each with its inputs. */
export function moveProjections(meshes: ReportMesh[]): MoveProjection[] {
  const priced = meshes.filter((m) => perPod(m) !== null);
  return priced.flatMap((from) =>
    priced
      .filter((to) => to.id !== from.id)
      .map((to) => ({
        from: { id: from.id, name: from.name },
        to: { id: to.id, name: to.name },
        pods: from.sidecars.pods!,
        fromPerPodUsd: perPod(from)!,
        toPerPodUsd: perPod(to)!,
        monthlyChangeUsd: from.sidecars.pods! * (perPod(to)! - perPod(from)!),
      }))
  );
}
