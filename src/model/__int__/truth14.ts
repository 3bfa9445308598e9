/**
 * Issue #14's view of the demo's ground truth: every figure of the report, by id, with real zeros as 0 (idle cost
 * when nothing is idle, requests of proxies that request nothing) and null only where the figure has no value.
 */
import { sum, type GroundTruth } from '../../../demo/truth';
import type { Report } from '../report';
import { truthOf } from './truthOf';

type Mesh = GroundTruth['meshes'][number];

function meshTruth(m: Mesh, key: string): number | null | undefined {
  const sc = m.sidecars;
  const agents = new Set(m.rows.nodeAgents.map((r) => r.pod.pod)).size;
  const table: Record<string, number | null | undefined> = {
    'sidecars.pods': sc.pods,
    'sidecars.cpuCores': sc.cpuCores,
    'sidecars.memoryBytes': sc.memoryBytes,
    'sidecars.cpuShare': sc.cpuShare,
    'sidecars.memoryShare': sc.memoryShare,
    'sidecars.cpuPerPodAvg': sc.perPod?.cpuAvg ?? null,
    'sidecars.cpuPerPodMax': sc.perPod?.cpuMax ?? null,
    'sidecars.memoryPerPodAvg': sc.perPod?.memoryAvg ?? null,
    'sidecars.memoryPerPodMax': sc.perPod?.memoryMax ?? null,
    'sidecars.cpuRequestCores': sc.cpuRequestCores,
    'sidecars.memoryRequestBytes': sc.memoryRequestBytes,
    'sidecars.cpuRequestShare': sc.cpuRequestShare,
    'sidecars.memoryRequestShare': sc.memoryRequestShare,
    'sidecars.nodesReservedCpu': sc.nodesReservedCpu,
    'sidecars.nodesReservedMemory': sc.nodesReservedMemory,
    'sidecars.vcpuPer1kRps': m.vcpuPer1kRps,
    'traffic.rps': m.rps,
    'controlPlane.cpuCores': m.controlPlane.cpuCores,
    'controlPlane.memoryBytes': m.controlPlane.memoryBytes,
    'nodeAgents.pods': agents,
    'nodeAgents.cpuCores': m.nodeAgents.cpuCores,
    'nodeAgents.memoryBytes': m.nodeAgents.memoryBytes,
    'cost.sidecars': m.monthlyCostUsd.sidecars,
    'cost.controlPlane': m.monthlyCostUsd.controlPlane,
    'cost.nodeAgents': m.monthlyCostUsd.nodeAgents,
    'cost.total': m.monthlyCostUsd.total,
    // A measured zero when no workload is idle.
    'cost.idleSidecars': sum(m.idle.map((i) => i.monthlyCostUsd)),
    'latency.p99Added': m.latency?.deltaPromMs ?? null,
    'latency.p99Client': m.latency?.source.promMs ?? null,
    'latency.p99Server': m.latency?.destination.promMs ?? null,
  };
  // What the mesh does (issue #17): the same truth as every other test reads.
  return key in table ? table[key] : truthOf({ meshes: [m] } as unknown as GroundTruth, `${m.id}.${key}`);
}

/** undefined: no truth for this id (a test failure); null: the figure has no value. */
export function truth14(t: GroundTruth, id: string): number | null | undefined {
  const [head, ...rest] = id.split('.');
  const key = rest.join('.');
  if (head === 'cluster') {
    return (t.cluster as unknown as Record<string, number>)[key];
  }
  const m = t.meshes.find((x) => x.id === head);
  return m ? meshTruth(m, key) : undefined;
}

type ReportMesh = Report['meshes'][number];

/** A figure's value as the report shows it, by figure id. */
export function reportValue(r: Report, id: string): number | null | undefined {
  const [head, group, name] = id.split('.');
  if (head === 'cluster') {
    return (r.cluster as unknown as Record<string, number | null>)[group];
  }
  const m = r.meshes.find((x) => x.id === head);
  if (!m) {
    return undefined;
  }
  const latency: Record<string, number | null> = {
    p99Added: m.latency.addedMs,
    p99Client: m.latency.clientMs,
    p99Server: m.latency.serverMs,
    // Issue #18: the interval around the quantile added, each side's bucket and the exact mean added.
    p99AddedLower: m.latency.addedRangeMs?.[0] ?? null,
    p99AddedUpper: m.latency.addedRangeMs?.[1] ?? null,
    p99ClientLower: m.latency.clientBucketMs?.lowerMs ?? null,
    p99ClientUpper: m.latency.clientBucketMs?.upperMs ?? null,
    p99ServerLower: m.latency.serverBucketMs?.lowerMs ?? null,
    p99ServerUpper: m.latency.serverBucketMs?.upperMs ?? null,
    meanAdded: m.latency.meanDeltaMs,
  };
  const groups: Record<string, Record<string, number | null> | undefined> = {
    sidecars: m.sidecars,
    controlPlane: m.controlPlane,
    nodeAgents: m.nodeAgents,
    traffic: m.traffic,
    cost: m.monthlyCostUsd,
    latency,
    value: m.value as unknown as Record<string, number | null>,
    resilience: m.value.resilience,
  };
  return groups[group]?.[name];
}

export const figureIds = (m: ReportMesh) => m.figures.map((f) => f.id);

/** |a - b| within `rel` of b (or 1e-12 absolute near zero). A null or undefined `actual` is never close. */
export function within(actual: number | null | undefined, expected: number, rel: number): boolean {
  return typeof actual === 'number' && Math.abs(actual - expected) <= Math.max(1e-12, rel * Math.abs(expected));
}
