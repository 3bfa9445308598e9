/**
 * kube-state-metrics v2 shapes (requests, limits, allocatable, pod info/owner) and OpenCost's node prices.
 * Completed init containers still report requests: only native sidecars among them are real, running cost.
 */
import { during } from './faults';
import { labels, nodeIp, type Series } from './seriesShape';
import type { Cluster, Container, Pod } from './types';

const KSM = [
  ['job', 'kube-state-metrics'],
  ['instance', '10.96.0.20:8080'],
] as Array<[string, string]>;

function constant(v: number) {
  return () => v;
}

/** The pod's controller: its ReplicaSet or Job (the pod's name without its last part), else the workload itself. */
function owner(pod: Pod): [string, string] {
  if (pod.workloadKind === 'Deployment') {
    return ['ReplicaSet', pod.pod.replace(/-[^-]+$/, '')];
  }
  if (pod.workloadKind === 'CronJob') {
    return ['Job', pod.pod.replace(/-[^-]+$/, '')];
  }
  return [pod.workloadKind, pod.workload];
}

/**
 * kube_replicaset_owner for every ReplicaSet and kube_job_owner for every Job the pods name: the Deployment or
 * CronJob behind them (a bare Job's owner is "<none>", as kube-state-metrics writes it).
 */
function parentSeries(cluster: Cluster): Series[] {
  const seen = new Map<string, Series>();
  for (const pod of cluster.pods) {
    const [kind, name] = owner(pod);
    const parent =
      kind === 'ReplicaSet'
        ? { metric: 'kube_replicaset_owner', child: 'replicaset', kind: 'Deployment', name: pod.workload }
        : kind === 'Job'
          ? {
              metric: 'kube_job_owner',
              child: 'job_name',
              kind: pod.workloadKind === 'CronJob' ? 'CronJob' : '<none>',
              name: pod.workloadKind === 'CronJob' ? pod.workload : '<none>',
            }
          : undefined;
    const key = `${pod.namespace}/${kind}/${name}`;
    if (parent && !seen.has(key)) {
      const controller = parent.kind === '<none>' ? '<none>' : 'true';
      seen.set(key, {
        name: parent.metric,
        labels: labels(cluster, [
          ...KSM,
          ['namespace', pod.namespace],
          [parent.child, name],
          ['owner_kind', parent.kind],
          ['owner_name', parent.name],
          ['owner_is_controller', controller],
        ]),
        value: constant(1),
      });
    }
  }
  return [...seen.values()];
}

function containerResources(cluster: Cluster, pod: Pod, c: Container): Series[] {
  const init = c.nativeSidecar || c.completedInit;
  const prefix = init ? 'kube_pod_init_container' : 'kube_pod_container';
  const l = (resource: string, unit: string) =>
    labels(cluster, [
      ...KSM,
      ['namespace', pod.namespace],
      ['pod', pod.pod],
      ['uid', pod.uid],
      ['container', c.name],
      ['node', pod.node],
      ['resource', resource],
      ['unit', unit],
    ]);
  const out: Series[] = [];
  const add = (metric: string, resource: string, unit: string, v?: number) => {
    if (v !== undefined && v > 0) {
      out.push({ name: `${prefix}_resource_${metric}`, labels: l(resource, unit), value: constant(v) });
    }
  };
  add('requests', 'cpu', 'core', c.cpuRequest);
  add('requests', 'memory', 'byte', c.memoryRequest);
  add('limits', 'cpu', 'core', c.cpuLimit);
  add('limits', 'memory', 'byte', c.memoryLimit);
  const info: Array<[string, string]> = [
    ...KSM,
    ['namespace', pod.namespace],
    ['pod', pod.pod],
    ['uid', pod.uid],
    ['container', c.name],
    ['image', c.image],
  ];
  if (init) {
    info.push(['restart_policy', c.nativeSidecar ? 'Always' : '']);
  }
  out.push({ name: `${prefix}_info`, labels: labels(cluster, info), value: constant(1) });
  return out;
}

function podSeries(cluster: Cluster, pod: Pod): Series[] {
  const [kind, name] = owner(pod);
  const podLabels: Array<[string, string]> = [...KSM, ['namespace', pod.namespace], ['pod', pod.pod], ['uid', pod.uid]];
  return [
    {
      name: 'kube_pod_info',
      labels: labels(cluster, [
        ...podLabels,
        ['node', pod.node],
        ['host_ip', nodeIp(cluster, pod.node)],
        ['created_by_kind', kind],
        ['created_by_name', name],
      ]),
      value: constant(1),
    },
    {
      name: 'kube_pod_owner',
      labels: labels(cluster, [
        ...podLabels,
        ['owner_kind', kind],
        ['owner_name', name],
        ['owner_is_controller', 'true'],
      ]),
      value: constant(1),
    },
    {
      name: 'kube_pod_status_phase',
      labels: labels(cluster, [...podLabels, ['phase', 'Running']]),
      value: constant(1),
    },
    ...pod.containers.flatMap((c) => containerResources(cluster, pod, c)),
  ];
}

/** Allocatable is capacity minus kube-reserved and system-reserved. */
export function allocatable(cluster: Cluster): { cpu: number; memory: number } {
  return {
    cpu: cluster.spec.nodeCpuCores - 0.1 - 0.03 * cluster.spec.nodeCpuCores,
    memory: cluster.spec.nodeMemoryBytes - 1.5 * 2 ** 30,
  };
}

function nodeSeries(cluster: Cluster, node: string): Series[] {
  const a = allocatable(cluster);
  const l = (resource: string, unit: string) =>
    labels(cluster, [...KSM, ['node', node], ['resource', resource], ['unit', unit]]);
  return [
    { name: 'kube_node_status_capacity', labels: l('cpu', 'core'), value: constant(cluster.spec.nodeCpuCores) },
    { name: 'kube_node_status_capacity', labels: l('memory', 'byte'), value: constant(cluster.spec.nodeMemoryBytes) },
    { name: 'kube_node_status_allocatable', labels: l('cpu', 'core'), value: constant(a.cpu) },
    { name: 'kube_node_status_allocatable', labels: l('memory', 'byte'), value: constant(a.memory) },
    {
      name: 'kube_node_info',
      labels: labels(cluster, [...KSM, ['node', node], ['internal_ip', nodeIp(cluster, node)]]),
      value: constant(1),
    },
  ];
}

export function ksmSeries(cluster: Cluster): Series[] {
  return [
    ...cluster.pods.flatMap((p) => during(p, podSeries(cluster, p))),
    ...parentSeries(cluster),
    ...cluster.nodes.flatMap((n) => nodeSeries(cluster, n)),
  ];
}

/** Per-node prices; every third node is dearer so that flat and OpenCost pricing differ measurably. */
export function nodePrices(
  cluster: Cluster,
  node: string
): { cpuHourlyUsd: number; ramGiBHourlyUsd: number } | undefined {
  const oc = cluster.spec.opencost;
  if (!oc) {
    return undefined;
  }
  const f = 1 + 0.25 * (cluster.nodes.indexOf(node) % 3 === 0 ? 1 : 0);
  return { cpuHourlyUsd: oc.cpuHourlyUsd * f, ramGiBHourlyUsd: oc.ramGiBHourlyUsd * f };
}

export function opencostSeries(cluster: Cluster): Series[] {
  return cluster.nodes.flatMap((node) => {
    const price = nodePrices(cluster, node);
    if (!price) {
      return [];
    }
    const l = labels(cluster, [
      ['job', 'opencost'],
      ['instance', 'opencost.opencost:9003'],
      ['node', node],
      ['instance_type', 'm6i.2xlarge'],
      ['region', 'us-east-1'],
    ]);
    return [
      { name: 'node_cpu_hourly_cost', labels: l, value: constant(price.cpuHourlyUsd) },
      { name: 'node_ram_hourly_cost', labels: l, value: constant(price.ramGiBHourlyUsd) },
    ];
  });
}
