/**
 * Hand-made series in the label shapes of cAdvisor, kube-state-metrics, OpenCost and Istio (the same shapes the
 * demo generator writes), with constant values, so a unit test's expected figure is arithmetic a reader can redo.
 * Counters grow linearly, so rate() over any window is exactly the per-second value given here.
 */
import type { Series } from '../../demo/series';

export const MiB = 2 ** 20;

export interface FixtureContainer {
  name: string;
  cpu: number;
  memory: number;
  cpuRequest?: number;
  memoryRequest?: number;
}

export interface FixturePod {
  namespace: string;
  pod: string;
  node: string;
  containers: FixtureContainer[];
  /** The Deployment behind the pod's ReplicaSet (kube_pod_owner + kube_replicaset_owner). */
  deployment?: string;
}

/** What cAdvisor adds to every pod: the pause container, tiny but easy to count twice. */
export const PAUSE = { cpu: 0.001, memory: 1 * MiB };

const constant = (v: number) => () => v;
const counter = (perSecond: number) => (t: number) => perSecond * t;
const L = (o: Record<string, string>): Array<[string, string]> => Object.entries(o);

function cadvisor(p: FixturePod, container: string, cpu: number, memory: number): Series[] {
  const l: Record<string, string> = {
    job: 'kubelet',
    metrics_path: '/metrics/cadvisor',
    namespace: p.namespace,
    pod: p.pod,
    node: p.node,
  };
  if (container !== '') {
    l.container = container;
    l.image = container === 'POD' ? 'registry.k8s.io/pause:3.9' : `example/${container}:1`;
  }
  return [
    { name: 'container_cpu_usage_seconds_total', labels: L({ ...l, cpu: 'total' }), value: counter(cpu) },
    { name: 'container_memory_working_set_bytes', labels: L(l), value: constant(memory) },
  ];
}

function requests(p: FixturePod, c: FixtureContainer): Series[] {
  const l = (resource: string, unit: string) =>
    L({
      job: 'kube-state-metrics',
      namespace: p.namespace,
      pod: p.pod,
      container: c.name,
      node: p.node,
      resource,
      unit,
    });
  const out: Series[] = [];
  if (c.cpuRequest !== undefined) {
    out.push({ name: 'kube_pod_container_resource_requests', labels: l('cpu', 'core'), value: constant(c.cpuRequest) });
  }
  if (c.memoryRequest !== undefined) {
    out.push({
      name: 'kube_pod_container_resource_requests',
      labels: l('memory', 'byte'),
      value: constant(c.memoryRequest),
    });
  }
  return out;
}

function owners(p: FixturePod): Series[] {
  if (!p.deployment) {
    return [];
  }
  const rs = p.pod.replace(/-[^-]+$/, '');
  const ksm = { job: 'kube-state-metrics', namespace: p.namespace };
  return [
    {
      name: 'kube_pod_owner',
      labels: L({ ...ksm, pod: p.pod, owner_kind: 'ReplicaSet', owner_name: rs, owner_is_controller: 'true' }),
      value: constant(1),
    },
    {
      name: 'kube_replicaset_owner',
      labels: L({
        ...ksm,
        replicaset: rs,
        owner_kind: 'Deployment',
        owner_name: p.deployment,
        owner_is_controller: 'true',
      }),
      value: constant(1),
    },
  ];
}

/** Every series of the pods: each container, the pause container, and the pod-level cgroup that sums them. */
export function podSeries(pods: FixturePod[]): Series[] {
  return pods.flatMap((p) => {
    const cpu = p.containers.reduce((a, c) => a + c.cpu, PAUSE.cpu);
    const memory = p.containers.reduce((a, c) => a + c.memory, PAUSE.memory);
    return [
      ...p.containers.flatMap((c) => [...cadvisor(p, c.name, c.cpu, c.memory), ...requests(p, c)]),
      ...cadvisor(p, 'POD', PAUSE.cpu, PAUSE.memory),
      ...cadvisor(p, '', cpu, memory),
      ...owners(p),
    ];
  });
}

/** OpenCost's per-node prices, in USD per core-hour and per GiB-hour. */
export function nodePriceSeries(prices: Record<string, { cpu: number; ram: number }>): Series[] {
  return Object.entries(prices).flatMap(([node, p]) => {
    const l = L({ job: 'opencost', node });
    return [
      { name: 'node_cpu_hourly_cost', labels: l, value: constant(p.cpu) },
      { name: 'node_ram_hourly_cost', labels: l, value: constant(p.ram) },
    ];
  });
}

/** A classic histogram whose buckets grow at the given cumulative rates (requests per second up to each `le`). */
export function histogram(
  metric: string,
  labels: Record<string, string>,
  cumulative: Array<[string, number]>
): Series[] {
  return cumulative.map(([le, perSecond]) => ({
    name: metric,
    labels: L({ ...labels, le }),
    value: counter(perSecond),
  }));
}
