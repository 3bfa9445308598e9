/**
 * The synthetic mesh cluster: a declarative spec (what a preset says) and the concrete
 * pods it expands to. Every emitted value is a pure function of (spec, time).
 */
export type MeshKind = 'istio' | 'istio-ambient' | 'linkerd' | 'cilium' | 'consul' | 'kuma' | 'custom';

/** Log-normal application latency, in milliseconds: median = exp(mu). */
export interface LogNormalMs {
  medianMs: number;
  sigma: number;
}

export interface ContainerSpec {
  name: string;
  image: string;
  /** Mean CPU usage, cores. Usage swings ±`cpuSwing` (fraction) over a one-hour sine. */
  cpuCores: number;
  memoryBytes: number;
  cpuRequest?: number;
  memoryRequest?: number;
  cpuLimit?: number;
  memoryLimit?: number;
  /** Native sidecar: declared as an init container with restartPolicy Always (KSM reports it as init). */
  nativeSidecar?: boolean;
  /** A completed init container: KSM reports its requests, cAdvisor has no running series. */
  completedInit?: boolean;
}

export interface WorkloadSpec {
  name: string;
  /** A CronJob's pods belong to one of its Jobs, named <cronjob>-<scheduled minute>. */
  kind: 'Deployment' | 'DaemonSet' | 'StatefulSet' | 'Job' | 'CronJob';
  /**
   * Deployments only: `digits` gives a ReplicaSet hash and pod suffix of digits only; `hash-ordinal` names pods
   * <name>-<5 chars>-<n> (a ReplicaSet <name>-<5 chars>), which the pod-name rule cannot read.
   */
  podNames?: 'digits' | 'hash-ordinal';
  /** Ignored for DaemonSets, which run one pod per node. */
  replicas?: number;
  containers: ContainerSpec[];
  /** Requests per second served by the whole workload (0 = idle). */
  rps?: number;
  /** Server-side application latency, without any proxy. */
  latency?: LogNormalMs;
  /** The app exports its own OpenTelemetry server histogram (enables the app-vs-mesh method). */
  appHistogram?: boolean;
  /** What the served requests are made of: plaintext, a canary, Envoy response flags (demo/series-traffic.ts). */
  mix?: TrafficMix;
}

/** Envoy response flags the value figures count: circuit breaking, retries exhausted, timeout, rate limited. */
export type ResponseFlag = 'UO' | 'URX' | 'UT' | 'RL';

/** Shares of a workload's served requests (0..1). Shares only split counters: every existing total is unchanged. */
export interface TrafficMix {
  /** Served to an unmeshed client in plaintext (Istio PERMISSIVE mode; Linkerd's no_identity). */
  plaintextShare?: number;
  /** The workload's last pod runs `version` and gets `share` of its requests (needs 2+ replicas). */
  canary?: { version: string; share: number };
  /** UO, URX and UT are set by the caller's proxy (the load generator's), RL by the serving proxy. */
  flags?: Partial<Record<ResponseFlag, number>>;
}

export interface NamespaceSpec {
  name: string;
  mesh: MeshKind | 'none';
  /** Istio only: inject istio-proxy as a native sidecar (Kubernetes >= 1.29). */
  nativeSidecars?: boolean;
  /** How this namespace's Deployments name their pods, the load generator's included (see WorkloadSpec). */
  podNames?: WorkloadSpec['podNames'];
  /** The injected proxies request only CPU, or only memory (both by default). */
  proxyRequests?: 'cpu-only' | 'memory-only';
  workloads: WorkloadSpec[];
}

export interface ClusterSpec {
  preset: string;
  /** When set, every series carries cluster="<name>". */
  clusterLabel?: string;
  nodes: number;
  nodeCpuCores: number;
  nodeMemoryBytes: number;
  namespaces: NamespaceSpec[];
  /**
   * Cilium as CNI and mesh: agents and envoy on every node, operator as control plane. `envoy-cpu-only`: the
   * cilium-envoy containers request 0.05 cores and no memory, as some Helm values do.
   */
  cilium?: boolean | 'envoy-cpu-only';
  /** Emit OpenCost's node_cpu_hourly_cost / node_ram_hourly_cost. */
  opencost?: { cpuHourlyUsd: number; ramGiBHourlyUsd: number };
  scrapeIntervalSec: number;
  /** Length of the backfilled history, seconds. */
  durationSec: number;
  /** Emit latency histograms from only the first pod of each workload (keeps `large` backfillable). */
  histogramsFirstPodOnly?: boolean;
  /** Emit cAdvisor's container_memory_usage_bytes (page cache included) for the article comparison. */
  emitUsageBytes?: boolean;
  /** Data faults (demo/faults.ts); none by default, so the presets are unchanged. */
  faults?: Faults;
  /**
   * The client-side (source) proxies of these meshes add `addMs` more latency from `at` (seconds after the start, on
   * the scrape grid) on: a proxy upgrade, for the baseline method to measure (issue #18).
   */
  proxySlowdown?: { at: number; addMs: Partial<Record<'istio' | 'linkerd', number>> };
}

/** A workload as "namespace/name". */
export type WorkloadRef = string;

/**
 * Data faults. Times are seconds after the history's start (FIXTURE_START) and must sit on the scrape grid.
 */
export interface Faults {
  /** These workloads' proxies restart at `at`: their counters (cAdvisor CPU, Envoy's stats) start again from 0. */
  counterResets?: { workloads: WorkloadRef[]; at: number };
  /** These workloads' pods are replaced at `at`: old pods stop, new pods (new names) start one scrape later. */
  churn?: { workloads: WorkloadRef[]; at: number };
  /** These workloads' pods were deleted at `at`: their series simply stop. */
  stale?: { workloads: WorkloadRef[]; at: number };
  /** These meshes' latency histograms lack the le="+Inf" bucket (e.g. dropped by a relabelling rule). */
  histogramNoInf?: MeshKind[];
  /** Istio in these namespaces is still 1.4 (Mixer): istio_request_duration_seconds instead of _milliseconds. */
  legacyIstioNamespaces?: string[];
  /** All traffic stops at `at`: request counters and histograms stay, flat. */
  idleFrom?: number;
  /** No kube-state-metrics: no kube_* series at all. */
  noKsm?: boolean;
}

/** One running (or completed-init) container of a concrete pod. */
export interface Container extends ContainerSpec {
  /** Deterministic phase offset so that pods do not move in lock-step. */
  phase: number;
  /** The mesh whose proxy/agent/control plane this container is, if any. */
  role: 'app' | 'sidecar' | 'control-plane' | 'node-agent' | 'waypoint' | 'gateway' | 'system';
  mesh?: MeshKind;
  /** Ground truth only: what Prometheus sees at T when the container's series start or stop near T. */
  seen?: { cpu: number; mem: number };
}

export interface Pod {
  namespace: string;
  pod: string;
  uid: string;
  node: string;
  workload: string;
  workloadKind: WorkloadSpec['kind'];
  containers: Container[];
  /** Requests per second served by this pod. */
  rps: number;
  latency?: LogNormalMs;
  appHistogram: boolean;
  mesh?: MeshKind;
  /** Latency histograms come from this pod (all pods, or the first of each workload for `large`). */
  emitsHistograms: boolean;
  /** For a meshed namespace's load generator: the workloads it calls (it reports the source side). */
  calls: Array<{ workload: string; rps: number; latency: LogNormalMs; mix?: TrafficMix }>;
  /** The workload's traffic mix, and this pod's version label (v1 unless it is the canary). */
  mix?: TrafficMix;
  version?: string;
  /** Faults only (absolute unix times): first and last sample of every series of this pod. */
  from?: number;
  until?: number;
  /** Faults only: the proxy restarted here, so its counters start again from 0. */
  proxyRestartAt?: number;
  /** Faults only: request counters stop moving here. */
  trafficUntil?: number;
  /** Faults only: an Istio 1.4 proxy (latency in istio_request_duration_seconds). */
  legacyIstio?: boolean;
  /** Ground truth only: the model cannot read this pod's histograms (no +Inf bucket, or an old metric name). */
  histogramsUnread?: boolean;
}

export interface Cluster {
  spec: ClusterSpec;
  nodes: string[];
  pods: Pod[];
}
