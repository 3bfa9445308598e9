/**
 * The figures the query builder offers, each mapped to a figure id of figureSet.ts and explained in plain words:
 * what it measures and what it cannot see. Pure data, keyed by figure kind; the metrics a figure needs are not
 * written here but read from its query (metricsOf), so they can never drift from the PromQL.
 */
import type { MeshFigureKey } from '../figureKeys';
import { VALUE_BUILDER_FIGURES, type ValueBuilderKind } from './valueFigures';

export type BuilderFigureKind =
  | 'cpuShare'
  | 'memoryShare'
  | 'memoryPerPod'
  | 'cpuRequestShare'
  | 'sidecarCpu'
  | 'controlPlaneCost'
  | 'sidecarCost'
  | 'monthlyCost'
  | 'p99Added'
  | 'vcpuPer1kRps'
  | 'idleSidecars'
  | ValueBuilderKind;

/** What a figure depends on besides the scope: shows or hides the matching form fields. */
export type BuilderInput = 'pricing' | 'latency' | 'idle';

export interface BuilderFigure {
  kind: BuilderFigureKind;
  label: string;
  /** The figure in the table (its id is `<mesh>.<key>`, latency at the chosen quantile). */
  key: MeshFigureKey;
  inputs: BuilderInput[];
  measures: string;
  cannotSee: string[];
}

const CADVISOR_LIMITS =
  'cAdvisor samples CPU and memory at the scrape interval: short spikes between scrapes are averaged away by the rate window.';
const KSM = 'Requests come from kube-state-metrics: without it the figure has no data (it is never shown as 0).';
const PRICE =
  'Flat rates price a vCPU-hour and a GiB-hour the same on every node; OpenCost uses each node’s own price but needs its node_cpu_hourly_cost and node_ram_hourly_cost series.';
const SHARED_CP = 'One istiod serves sidecar and ambient Istio: the overview bills it once, to sidecar Istio.';

export const BUILDER_FIGURES: BuilderFigure[] = [
  {
    kind: 'cpuShare',
    label: 'Sidecar CPU share',
    key: 'sidecars.cpuShare',
    inputs: [],
    measures: 'CPU used by the mesh’s proxies divided by the CPU used by every container in the same scope.',
    cannotSee: [
      CADVISOR_LIMITS,
      'Pods outside the scope are in neither the numerator nor the denominator: a namespace filter gives that namespace’s share.',
    ],
  },
  {
    kind: 'memoryShare',
    label: 'Sidecar memory share',
    key: 'sidecars.memoryShare',
    inputs: [],
    measures: 'Working-set memory of the proxies divided by the working set of every container in the scope.',
    cannotSee: ['The working set excludes inactive page cache, so it is below what the kernel reports as used.'],
  },
  {
    kind: 'memoryPerPod',
    label: 'Memory per pod',
    key: 'sidecars.memoryPerPodAvg',
    inputs: [],
    measures:
      'Average proxy working-set memory per pod that runs a proxy (the proxy containers of a pod summed first).',
    cannotSee: ['An average hides outliers: a few large proxies (big config, many endpoints) barely move it.'],
  },
  {
    kind: 'cpuRequestShare',
    label: 'Requested CPU share',
    key: 'sidecars.cpuRequestShare',
    inputs: [],
    measures:
      'CPU the proxies request divided by all CPU requested in the scope: what the scheduler reserves, used or not.',
    cannotSee: [
      KSM,
      'Native sidecars (init containers that keep running) are counted from kube_pod_init_container_resource_requests.',
    ],
  },
  {
    kind: 'sidecarCpu',
    label: 'Sidecar CPU (cores)',
    key: 'sidecars.cpuCores',
    inputs: [],
    measures: 'CPU cores used by the proxy containers, as a rate over the window.',
    cannotSee: [CADVISOR_LIMITS],
  },
  {
    kind: 'controlPlaneCost',
    label: 'Control-plane cost',
    key: 'cost.controlPlane',
    inputs: ['pricing'],
    measures: 'Monthly cost of the control-plane pods (e.g. istiod), from their CPU and memory at the chosen basis.',
    cannotSee: [
      PRICE,
      SHARED_CP,
      'Managed control planes (run by a cloud provider) are not in your cluster’s metrics.',
    ],
  },
  {
    kind: 'sidecarCost',
    label: 'Sidecar cost',
    key: 'cost.sidecars',
    inputs: ['pricing'],
    measures: 'Monthly cost of the proxy containers alone, at the chosen basis and prices.',
    cannotSee: [PRICE],
  },
  {
    kind: 'monthlyCost',
    label: 'Monthly cost (total)',
    key: 'cost.total',
    inputs: ['pricing'],
    measures: 'Proxies, control plane and node agents together, priced per month at the chosen basis.',
    cannotSee: [
      PRICE,
      'Usage basis: what the containers used. Requests basis: what they reserve. Max: the larger of the two per container, as OpenCost allocates.',
      'Extra nodes, load balancers and network egress that the mesh causes are not container metrics.',
    ],
  },
  {
    kind: 'p99Added',
    label: 'p99 latency added',
    key: 'latency.pNAdded',
    inputs: ['latency'],
    measures:
      'The 99th-percentile latency the mesh adds: reporter-delta subtracts the server proxy’s p99 from the client proxy’s; app-vs-mesh subtracts the app’s own p99 (per workload); baseline subtracts the client p99 at an earlier time.',
    cannotSee: [
      'histogram_quantile interpolates inside a bucket: the result is only as precise as the Envoy (or Linkerd) bucket the p99 falls in, often tens of milliseconds wide.',
      'A difference of two p99s is not the p99 of the difference: it is an estimate, most useful as a trend.',
      'ztunnel (ambient Istio) and Cilium export no L7 latency histogram.',
    ],
  },
  {
    kind: 'vcpuPer1kRps',
    label: 'vCPU per 1k rps',
    key: 'sidecars.vcpuPer1kRps',
    inputs: [],
    measures:
      'Proxy CPU cores divided by thousands of requests per second served: the proxy’s cost per unit of traffic.',
    cannotSee: [
      'Requests are counted by the mesh’s own request counter (server side); traffic the proxy passes without counting (plain TCP) is CPU without requests.',
      CADVISOR_LIMITS,
    ],
  },
  {
    kind: 'idleSidecars',
    label: 'Idle sidecars',
    key: 'cost.idleSidecars',
    inputs: ['pricing', 'idle'],
    measures:
      'Monthly cost of proxies on workloads that serve fewer requests per second than the idle threshold, including workloads with no request series at all.',
    cannotSee: [
      PRICE,
      'A workload is matched to its traffic by name: workloads whose pods do not follow the Deployment, DaemonSet or StatefulSet naming count as idle.',
    ],
  },
  ...VALUE_BUILDER_FIGURES,
];

export function builderFigure(kind: string): BuilderFigure | undefined {
  return BUILDER_FIGURES.find((f) => f.kind === kind);
}

/** Notes that follow from the metrics a query reads, whatever the figure. */
export function metricNotes(metrics: Set<string>): string[] {
  const out: string[] = [];
  if ([...metrics].some((m) => m.startsWith('kube_'))) {
    out.push('Needs kube-state-metrics (kube_* series).');
  }
  if (metrics.has('node_cpu_hourly_cost')) {
    out.push('Needs OpenCost’s node price series.');
  }
  if ([...metrics].some((m) => m.endsWith('_bucket'))) {
    out.push('Reads histogram buckets: precision is bounded by the bucket boundaries.');
  }
  return out;
}
