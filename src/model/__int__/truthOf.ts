/** Maps a figure id to the demo's ground truth, so that no shipped figure goes unchecked. */
import { ARTICLE_PRICING, sum, type GroundTruth } from '../../../demo/truth';
import { costPerMillion } from '../../../demo/truth-value';

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
    'cost.overRequestedSidecars': m.monthlyCostUsd.overRequestedSidecars,
    // A measured $0 when nothing is idle (issue #14).
    'cost.idleSidecars': sum(m.idle.map((i) => i.monthlyCostUsd)),
    'latency.p99Added': m.latency?.deltaPromMs,
    'latency.p99Client': m.latency?.source.promMs,
    'latency.p99Server': m.latency?.destination.promMs,
    // What the mesh does (issue #17); demo/truth-value.ts. Both price sources bill 730 hours a month.
    // A mesh that served nothing (a measured 0 rps) served 0 over mTLS and 0 in plaintext: its parts are 0 too.
    'traffic.mtlsRps': m.value ? m.value.mtlsRps.none[''] : m.rps === 0 ? 0 : undefined,
    'traffic.plaintextRps': m.value ? m.value.rps.none[''] - m.value.mtlsRps.none[''] : m.rps === 0 ? 0 : undefined,
    'value.mtlsShare': m.value?.mtlsShare.none[''],
    'value.splitServices': m.value?.splitServices?.none[''],
    'value.costPerMillionRequests': costPerMillion(m.monthlyCostUsd.total, m.rps, ARTICLE_PRICING.hoursPerMonth),
    'resilience.circuitBreaking': m.value?.resilience?.UO?.none[''],
    'resilience.retriesExhausted': m.value?.resilience?.URX?.none[''],
    'resilience.timeouts': m.value?.resilience?.UT?.none[''],
    'resilience.rateLimited': m.value?.resilience?.RL?.none[''],
    'value.resilienceEvents': m.value?.resilience
      ? sum((['UO', 'URX', 'UT', 'RL'] as const).map((f) => m.value!.resilience![f]?.none[''] ?? 0))
      : undefined,
    'latency.p99AddedLower': m.latency?.deltaRangeMs[0],
    'latency.p99AddedUpper': m.latency?.deltaRangeMs[1],
    'latency.meanAdded': m.meanAddedMs,
    'latency.p99ClientLower': m.latency?.source.lowerMs,
    'latency.p99ClientUpper': m.latency?.source.upperMs,
    'latency.p99ServerLower': m.latency?.destination.lowerMs,
    'latency.p99ServerUpper': m.latency?.destination.upperMs,
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

/**
 * The demo's data is exact (float counters, samples on the rate window's edges, histograms whose truth is
 * Prometheus's own interpolation), so only float rounding may separate an answer from the truth. At 1%, dropping
 * `container!="POD"` passed: the pause containers move cluster CPU by 0.1-0.3%.
 */
export const EXACT = 1e-6;

/**
 * Recorded series only: promtool 2.42 backfills rules at start + n*15 s - 0.988 s, so the sample seen at T was
 * computed from the scrape before T (seen in the TSDB: 1704073799.012 holds the 1704073785 value). The demo's CPU
 * moves up to 0.65% and its memory 0.27% in 15 s, so 1% is the tightest bound that is not a coin toss.
 */
export const RECORDED_LAG = 0.01;

/**
 * True when both are numbers and agree within `rel` (or `abs` near zero). null, undefined and NaN are never
 * close to anything: `null - 0` is 0 in JavaScript, which once let a missing figure pass as $0.
 */
export function close(actual: unknown, expected: unknown, rel = EXACT, abs = 1e-9): boolean {
  if (typeof actual !== 'number' || typeof expected !== 'number' || Number.isNaN(actual) || Number.isNaN(expected)) {
    return false;
  }
  return Math.abs(actual - expected) <= Math.max(abs, rel * Math.abs(expected));
}
