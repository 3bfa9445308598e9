/** Maps a figure id to the demo's ground truth, so that no shipped figure goes unchecked. */
import { sum, type GroundTruth } from '../../../demo/truth';

type Mesh = GroundTruth['meshes'][number];

function meshValue(m: Mesh, path: string): number | null | undefined {
  const sc = m.sidecars;
  const table: Record<string, number | null | undefined> = {
    'sidecars.pods': sc.pods,
    'sidecars.cpuCores': sc.cpuCores,
    'sidecars.memoryBytes': sc.memoryBytes,
    'sidecars.cpuShare': sc.cpuShare,
    'sidecars.memoryShare': sc.memoryShare,
    'sidecars.cpuPerPodAvg': sc.perPod?.cpuAvg,
    'sidecars.cpuPerPodMax': sc.perPod?.cpuMax,
    'sidecars.memoryPerPodAvg': sc.perPod?.memoryAvg,
    'sidecars.memoryPerPodMax': sc.perPod?.memoryMax,
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
    'nodeAgents.pods': m.rows.nodeAgents.length ? new Set(m.rows.nodeAgents.map((r) => r.pod.pod)).size : null,
    'nodeAgents.cpuCores': m.nodeAgents.cpuCores,
    'nodeAgents.memoryBytes': m.nodeAgents.memoryBytes,
    'cost.sidecars': m.monthlyCostUsd.sidecars,
    'cost.controlPlane': m.monthlyCostUsd.controlPlane,
    'cost.nodeAgents': m.monthlyCostUsd.nodeAgents,
    'cost.total': m.monthlyCostUsd.total,
    'cost.idleSidecars': m.idle.length ? sum(m.idle.map((i) => i.monthlyCostUsd)) : null,
    'latency.p99Added': m.latency?.deltaPromMs,
    'latency.p99Client': m.latency?.source.promMs,
    'latency.p99Server': m.latency?.destination.promMs,
  };
  return path in table ? table[path] : undefined;
}

/** undefined: the figure has no truth mapping (a test failure); null: truth says there is no data. */
export function truthOf(t: GroundTruth, id: string): number | null | undefined {
  const [head, ...rest] = id.split('.');
  const path = rest.join('.');
  if (head === 'cluster') {
    return (t.cluster as unknown as Record<string, number>)[path];
  }
  const m = t.meshes.find((x) => x.id === head);
  return m ? meshValue(m, path) : null;
}

export function close(actual: number, expected: number, rel = 0.01, abs = 1e-9): boolean {
  return Math.abs(actual - expected) <= Math.max(abs, rel * Math.abs(expected));
}
