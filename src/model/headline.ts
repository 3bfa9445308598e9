/**
 * The Overview's headline, from a finished report: what every mesh costs together, what share of the cluster's own
 * cost that is, and the biggest single saving. Pure arithmetic on figures the report measured; anything it cannot
 * say from them is null with a reason, never 0.
 */
import { meshFigureId } from './figureKeys';
import { GIB } from './pricing';
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
  /** Some saving could be measured at all (idle cost, or over-requests at flat prices), even if none is above 0. */
  savingMeasured: boolean;
}

/**
 * The cluster's own monthly cost from its measured totals. Only flat prices are linear in the totals: OpenCost prices
 * each node differently, and the max basis takes the larger of usage and requests per container, not per cluster.
 */
export function clusterMonthlyCost(r: Pick<Report, 'pricing' | 'cluster'>): { usd: number | null; reason?: string } {
  const p = r.pricing;
  if (p.source !== 'flat') {
    return {
      usd: null,
      reason: "unavailable with OpenCost's per-node prices: the cluster's total is not priced per node",
    };
  }
  if (p.basis === 'max') {
    return { usd: null, reason: 'unavailable on the max basis: it is decided per container, not from cluster totals' };
  }
  const [cpu, mem] =
    p.basis === 'requests'
      ? [r.cluster.cpuRequestCores, r.cluster.memoryRequestBytes]
      : [r.cluster.cpuCores, r.cluster.memoryBytes];
  if (cpu === null || mem === null) {
    return {
      usd: null,
      reason: `unavailable: the cluster's ${p.basis === 'requests' ? 'requests' : 'usage'} were not measured`,
    };
  }
  return { usd: (cpu * p.cpuHourUsd + (mem / GIB) * p.gibHourUsd) * p.hoursPerMonth };
}

/** What the proxies request beyond what they use, at flat prices (nothing when they use more than they ask). */
export function overRequestedUsd(m: Mesh, pricing: Report['pricing']): number | null {
  const s = m.sidecars;
  if (
    pricing.source !== 'flat' ||
    [s.cpuRequestCores, s.cpuCores, s.memoryRequestBytes, s.memoryBytes].includes(null)
  ) {
    return null;
  }
  const cpu = Math.max(0, s.cpuRequestCores! - s.cpuCores!);
  const mem = Math.max(0, s.memoryRequestBytes! - s.memoryBytes!);
  return (cpu * pricing.cpuHourUsd + (mem / GIB) * pricing.gibHourUsd) * pricing.hoursPerMonth;
}

export function headlineOf(r: Report): Headline {
  const missing = r.meshes.filter((m) => m.monthlyCostUsd.total === null).map((m) => m.name);
  const total = missing.length ? null : r.meshes.reduce((a, m) => a + (m.monthlyCostUsd.total ?? 0), 0);
  const cluster = clusterMonthlyCost(r);
  const savings: Saving[] = r.meshes.flatMap((m) => {
    const idle = m.monthlyCostUsd.idleSidecars;
    const over = overRequestedUsd(m, r.pricing);
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
