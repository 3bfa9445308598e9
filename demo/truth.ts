/**
 * Ground truth, computed from the spec itself (never from PromQL): what a correct query must return at time T
 * with a rate window of W seconds. Tests compare Prometheus's answers with these numbers.
 */
import { seenAt } from './faults';
import { BUCKETS, proxyLatency } from './meshes';
import { mixtureMean, mixtureQuantile, type Part, type QuantileTruth } from './mixture';
import { affine, clientProxy } from './series-latency';
import { allocatable, nodePrices } from './series-ksm';
import { cpuRate, running, workingSet } from './signals';
import type { Cluster, Container, MeshKind, Pod } from './types';
import { valueTruth } from './truth-value';

export const GiB = 2 ** 30;
export type Basis = 'usage' | 'requests' | 'max';
export interface FlatPricing {
  cpuHourUsd: number;
  gibHourUsd: number;
  hoursPerMonth: number;
}
export const ARTICLE_PRICING: FlatPricing = { cpuHourUsd: 0.04, gibHourUsd: 0.005, hoursPerMonth: 730 };

/** One running container (or native sidecar) measured at T. */
export interface Row {
  pod: Pod;
  c: Container;
  cpu: number;
  mem: number;
  reqCpu: number;
  reqMem: number;
}

/**
 * A figure averaged over the `spanSec` before T (the model's averageOver), read from samples every `stepSec`:
 * CPU is the counter's increase over the span divided by it (what rate over the span returns), memory the mean of
 * the working set at every sample time in [T - span, T], both ends included (Prometheus 2.42's avg_over_time).
 */
export interface Averaging {
  spanSec: number;
  stepSec: number;
}

function meanWorkingSet(c: Container, t: number, a: Averaging): number {
  const n = Math.round(a.spanSec / a.stepSec);
  return sum(Array.from({ length: n + 1 }, (_, k) => workingSet(c.memoryBytes, c.phase, t - k * a.stepSec))) / (n + 1);
}

export function measure(cluster: Cluster, t: number, windowSec: number, average?: Averaging): Row[] {
  return cluster.pods.flatMap((pod) =>
    pod.containers.filter(running).map((c) => ({
      pod,
      c,
      cpu: c.seen?.cpu ?? cpuRate(c.cpuCores, c.phase, t, average?.spanSec ?? windowSec),
      mem: c.seen?.mem ?? (average ? meanWorkingSet(c, t, average) : workingSet(c.memoryBytes, c.phase, t)),
      reqCpu: c.cpuRequest ?? 0,
      reqMem: c.memoryRequest ?? 0,
    }))
  );
}

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function isDataPlane(r: Row, mesh: MeshKind): boolean {
  return r.c.mesh === mesh && (r.c.role === 'sidecar' || (mesh === 'istio-ambient' && r.c.role === 'waypoint'));
}

/** Monthly cost of rows; OpenCost prices each container at its node's rates. */
export interface OpencostPricing {
  source: 'opencost';
  hoursPerMonth: number;
}

export function monthlyCost(
  cluster: Cluster,
  rows: Row[],
  basis: Basis,
  pricing: FlatPricing | OpencostPricing
): number {
  const hours = pricing.hoursPerMonth;
  return sum(
    rows.map((r) => {
      const cpu = basis === 'usage' ? r.cpu : basis === 'requests' ? r.reqCpu : Math.max(r.cpu, r.reqCpu);
      const mem = basis === 'usage' ? r.mem : basis === 'requests' ? r.reqMem : Math.max(r.mem, r.reqMem);
      const p =
        'source' in pricing
          ? nodePrices(cluster, r.pod.node)!
          : { cpuHourlyUsd: pricing.cpuHourUsd, ramGiBHourlyUsd: pricing.gibHourUsd };
      return (cpu * p.cpuHourlyUsd + (mem / GiB) * p.ramGiBHourlyUsd) * hours;
    })
  );
}

/**
 * What rows request beyond what they use, priced per container and resource (a container using more than it asks
 * for gives nothing back), at each container's own price: the saving of right-sizing the requests.
 */
export function overRequestedCost(cluster: Cluster, rows: Row[], pricing: FlatPricing | OpencostPricing): number {
  const over = rows.map((r) => ({
    ...r,
    reqCpu: Math.max(0, r.reqCpu - r.cpu),
    reqMem: Math.max(0, r.reqMem - r.mem),
  }));
  return monthlyCost(cluster, over, 'requests', pricing);
}

function resources(rows: Row[]) {
  return { cpuCores: sum(rows.map((r) => r.cpu)), memoryBytes: sum(rows.map((r) => r.mem)) };
}

/**
 * One mesh's p99 on each side, the true p99 added and Prometheus's, the interval the two sides' buckets allow for
 * the added p99 (issue #18: deltaTrueMs must lie inside it), and the exact mean added.
 */
export interface LatencyTruth {
  source: QuantileTruth;
  destination: QuantileTruth;
  deltaTrueMs: number;
  deltaPromMs: number;
  deltaRangeMs: [number, number];
  meanDeltaMs: number;
}

/** Both sides' distributions, weighted by requests, of the pods whose histograms the model reads. */
function latencyParts(cluster: Cluster, mesh: MeshKind, unread: (p: Pod) => boolean) {
  if (mesh !== 'istio' && mesh !== 'linkerd') {
    return null;
  }
  const prox = proxyLatency[mesh];
  const dst: Part[] = cluster.pods
    .filter((p) => p.mesh === mesh && p.rps > 0 && p.latency && p.emitsHistograms && !unread(p))
    .map((p) => ({ d: affine(p.latency!, prox.destination), weight: p.rps }));
  const src: Part[] = cluster.pods
    .filter((p) => p.mesh === mesh && !unread(p))
    .flatMap((p) => p.calls.map((c) => ({ d: affine(c.latency, clientProxy(cluster.spec, mesh)), weight: c.rps })));
  return dst.length === 0 || src.length === 0 ? null : { src, dst };
}

function latencyTruth(cluster: Cluster, mesh: MeshKind): LatencyTruth | null {
  const parts = latencyParts(cluster, mesh, (p) => !!p.histogramsUnread);
  if (!parts) {
    return null;
  }
  const { src, dst } = parts;
  const bounds = mesh === 'istio' ? BUCKETS.istioMs : BUCKETS.linkerdMs;
  const source = mixtureQuantile(src, 0.99, bounds);
  const destination = mixtureQuantile(dst, 0.99, bounds);
  return {
    source,
    destination,
    deltaTrueMs: source.trueMs - destination.trueMs,
    deltaPromMs: source.promMs - destination.promMs,
    deltaRangeMs: [source.lowerMs - destination.upperMs, source.upperMs - destination.lowerMs],
    meanDeltaMs: mixtureMean(src) - mixtureMean(dst),
  };
}

/**
 * The exact mean added from _sum/_count. A histogram without +Inf still has both (only its quantiles are lost);
 * Istio 1.4's seconds histogram is not read at all.
 */
function meanAddedTruth(cluster: Cluster, mesh: MeshKind): number | null {
  const parts = latencyParts(cluster, mesh, (p) => !!p.legacyIstio);
  return parts ? mixtureMean(parts.src) - mixtureMean(parts.dst) : null;
}

/** Latency truths for one workload: both proxy sides and the app's own histogram. */
export function workloadLatency(cluster: Cluster, namespace: string, workload: string) {
  const pod = cluster.pods.find((p) => p.namespace === namespace && p.workload === workload && p.latency);
  const prox = pod?.mesh === 'istio' ? proxyLatency.istio : pod?.mesh === 'linkerd' ? proxyLatency.linkerd : undefined;
  if (!pod || !prox || pod.rps <= 0) {
    return null;
  }
  const bounds = pod.mesh === 'istio' ? BUCKETS.istioMs : BUCKETS.linkerdMs;
  const one = (p: { shiftMs: number; scale: number }, b: number[]) =>
    mixtureQuantile([{ d: affine(pod.latency!, p), weight: 1 }], 0.99, b);
  return {
    source: one(clientProxy(cluster.spec, pod.mesh as 'istio' | 'linkerd'), bounds),
    destination: one(prox.destination, bounds),
    app: pod.appHistogram
      ? one(
          { shiftMs: 0, scale: 1 },
          BUCKETS.otelSeconds.map((s) => s * 1000)
        )
      : null,
  };
}

export function meshesPresent(rows: Row[]): MeshKind[] {
  const order: MeshKind[] = ['istio', 'istio-ambient', 'linkerd', 'cilium', 'consul', 'kuma', 'custom'];
  return order.filter((m) => rows.some((r) => r.c.mesh === m && (isDataPlane(r, m) || r.c.role === 'node-agent')));
}

/**
 * Costs follow `basis` and `pricing` (flat rates, or OpenCost's price of each container's node). With `average`,
 * every figure is its mean over the span before T; requests, allocatable, prices, pods and traffic hold still in the
 * demo, so only CPU and memory move (fault presets are not averaged).
 */
export function groundTruth(
  generated: Cluster,
  t: number,
  windowSec: number,
  pricing: FlatPricing | OpencostPricing = ARTICLE_PRICING,
  idleRps = 1,
  basis: Basis = 'usage',
  average?: Averaging
) {
  if (average && generated.spec.faults) {
    throw new Error('groundTruth: averages over a span are not defined for fault presets');
  }
  // Faults: the pods, rates and memory Prometheus can see at T (the cluster itself when there are none).
  const cluster = seenAt(generated, t, windowSec);
  const rows = measure(cluster, t, windowSec, average);
  const total = resources(rows);
  const reqCpu = sum(rows.map((r) => r.reqCpu));
  const reqMem = sum(rows.map((r) => r.reqMem));
  const alloc = allocatable(cluster);
  const values = valueTruth(generated, t, windowSec);
  const meshes = meshesPresent(rows).map((id) => {
    const dp = rows.filter((r) => isDataPlane(r, id));
    const cp = rows.filter((r) => r.c.mesh === id && r.c.role === 'control-plane');
    const agents = rows.filter((r) => r.c.mesh === id && r.c.role === 'node-agent');
    const sc = resources(dp);
    const dpReqCpu = sum(dp.map((r) => r.reqCpu));
    const dpReqMem = sum(dp.map((r) => r.reqMem));
    const served = cluster.pods.filter((p) => p.mesh === id && (id === 'istio' || id === 'linkerd'));
    const rps = sum(served.map((p) => p.rps));
    const workloads = new Map<string, Row[]>();
    dp.forEach((r) =>
      workloads.set(`${r.pod.namespace}/${r.pod.workload}`, [
        ...(workloads.get(`${r.pod.namespace}/${r.pod.workload}`) ?? []),
        r,
      ])
    );
    const idle = [...workloads.entries()]
      .map(([key, rs]) => ({
        key,
        // Activity = requests served + requests sent (the calls a load generator makes): a sender is not idle.
        rps: sum(
          served
            .filter((p) => `${p.namespace}/${p.workload}` === key)
            .map((p) => p.rps + sum(p.calls.map((c) => c.rps)))
        ),
        rows: rs,
      }))
      .filter((w) => w.rps < idleRps)
      .map((w) => ({
        workload: w.key,
        rps: w.rps,
        pods: w.rows.length,
        monthlyCostUsd: monthlyCost(cluster, w.rows, basis, pricing),
      }));
    const cost = (rs: Row[]) => monthlyCost(cluster, rs, basis, pricing);
    return {
      id,
      sidecars: {
        pods: dp.length,
        ...sc,
        cpuShare: sc.cpuCores / total.cpuCores,
        memoryShare: sc.memoryBytes / total.memoryBytes,
        cpuRequestCores: dpReqCpu,
        memoryRequestBytes: dpReqMem,
        cpuRequestShare: dpReqCpu / reqCpu,
        memoryRequestShare: dpReqMem / reqMem,
        perPod: dp.length
          ? {
              cpuAvg: sc.cpuCores / dp.length,
              cpuMax: Math.max(...dp.map((r) => r.cpu)),
              memoryAvg: sc.memoryBytes / dp.length,
              memoryMax: Math.max(...dp.map((r) => r.mem)),
            }
          : null,
        nodesReservedCpu: dpReqCpu / alloc.cpu,
        nodesReservedMemory: dpReqMem / alloc.memory,
      },
      controlPlane: resources(cp),
      nodeAgents: resources(agents),
      rps,
      vcpuPer1kRps: rps > 0 ? sc.cpuCores / (rps / 1000) : null,
      latency: latencyTruth(cluster, id),
      meanAddedMs: meanAddedTruth(cluster, id),
      monthlyCostUsd: {
        sidecars: cost(dp),
        controlPlane: cost(cp),
        nodeAgents: cost(agents),
        total: cost([...dp, ...cp, ...agents]),
        overRequestedSidecars: overRequestedCost(cluster, dp, pricing),
      },
      idle,
      /** What the mesh does (issue #17): null for meshes whose request metrics the demo does not emit. */
      value: values.find((v) => v.mesh === id) ?? null,
      rows: { dataPlane: dp, controlPlane: cp, nodeAgents: agents },
    };
  });
  return {
    time: t,
    windowSec,
    cluster: {
      ...total,
      cpuRequestCores: reqCpu,
      memoryRequestBytes: reqMem,
      /** Every running container on the same prices and basis as the meshes' costs. */
      monthlyCostUsd: monthlyCost(cluster, rows, basis, pricing),
      nodes: cluster.nodes.length,
      allocatable: alloc,
    },
    meshes,
    rows,
  };
}

export type GroundTruth = ReturnType<typeof groundTruth>;
