/**
 * The Overview's headline, from a finished report: what every mesh costs together, what share of the cluster's own
 * cost that is, and the biggest single saving. Pure arithmetic on figures the report measured; anything it cannot
 * say from them is null with a reason, never 0.
 */
import { meshFigureId } from './figureKeys';
import type { Report } from './report';

type Mesh = Report['meshes'][number];

export interface Saving {
  kind: 'idleSidecars' | 'overRequested';
  meshId: string;
  meshName: string;
  monthlyUsd: number;
}

export interface Headline {
  /** Sum of the meshes' monthly totals; null when one of them is unavailable (`missing` names which). */
  totalMonthlyUsd: number | null;
  missing: string[];
  /** The cluster's own monthly cost on the same prices and basis. */
  clusterMonthlyUsd: number | null;
  clusterReason?: string;
  /** totalMonthlyUsd / clusterMonthlyUsd. */
  share: number | null;
  saving: Saving | null;
  /** Some saving could be measured at all (idle cost, or over-requests), even if none is above 0. */
  savingMeasured: boolean;
}

/**
 * The cluster's own monthly cost: its own figure (`cluster.monthlyCostUsd`), priced container by container with the
 * meshes' price source and basis, so OpenCost's per-node prices and the max basis divide like for like.
 */
export function clusterMonthlyCost(r: Pick<Report, 'cluster'>): { usd: number | null; reason?: string } {
  const usd = r.cluster.monthlyCostUsd;
  if (typeof usd === 'number') {
    return { usd };
  }
  return {
    usd: null,
    reason:
      r.cluster.reasons?.['cluster.monthlyCostUsd'] ??
      "unavailable: this report has no cluster cost (it was made by a version before the cluster's cost was measured)",
  };
}

/** What the proxies request beyond what they use, on the costs' own prices (the report's figure, null when absent). */
export function overRequestedUsd(m: Mesh): number | null {
  return m.monthlyCostUsd.overRequestedSidecars ?? null;
}

export function headlineOf(r: Report): Headline {
  const missing = r.meshes.filter((m) => m.monthlyCostUsd.total === null).map((m) => m.name);
  const total = missing.length ? null : r.meshes.reduce((a, m) => a + (m.monthlyCostUsd.total ?? 0), 0);
  const cluster = clusterMonthlyCost(r);
  const savings: Saving[] = r.meshes.flatMap((m) => {
    const idle = m.monthlyCostUsd.idleSidecars;
    const over = overRequestedUsd(m);
    return [
      ...(idle !== null ? [{ kind: 'idleSidecars' as const, meshId: m.id, meshName: m.name, monthlyUsd: idle }] : []),
      ...(over !== null ? [{ kind: 'overRequested' as const, meshId: m.id, meshName: m.name, monthlyUsd: over }] : []),
    ];
  });
  const saving = savings.filter((s) => s.monthlyUsd > 0).sort((a, b) => b.monthlyUsd - a.monthlyUsd)[0] ?? null;
  return {
    totalMonthlyUsd: total,
    missing,
    clusterMonthlyUsd: cluster.usd,
    ...(cluster.reason ? { clusterReason: cluster.reason } : {}),
    share: total !== null && cluster.usd ? total / cluster.usd : null,
    saving,
    savingMeasured: savings.length > 0,
  };
}

/**
 * A mesh's whole footprint as a share of the cluster's CPU or memory: sidecars, control plane and node agents, where
 * the sidecar share counts the proxies only. A part the mesh does not run (no figure for it) adds nothing; one it runs
 * but that has no value makes the share null.
 */
export function wholeMeshShare(
  m: Mesh,
  cluster: Report['cluster'],
  resource: 'cpuCores' | 'memoryBytes'
): number | null {
  const total = cluster[resource];
  const parts = (['sidecars', 'controlPlane', 'nodeAgents'] as const).map((g) => ({
    value: m[g][resource],
    runs: meshFigureId(m.id, `${g}.${resource}`) in m.queries,
  }));
  if (!total || parts.some((p) => p.runs && p.value === null)) {
    return null;
  }
  return parts.reduce((a, p) => a + (p.value ?? 0), 0) / total;
}
