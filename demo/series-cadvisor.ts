/**
 * cAdvisor's real shapes, as the kubelet exposes them: one series per running container, plus the pod-level
 * cgroup (container=""), the pause container (container="POD") and the node's root cgroup (id="/").
 * Naive sums over all of them count the same CPU two or three times.
 */
import { alive, counterOf, during } from './faults';
import { labels, nodeIp, type Series } from './seriesShape';
import { cpuCounter, NODE_SYSTEM, PAUSE, running, usageBytes, workingSet } from './signals';
import type { Cluster, Container, Pod } from './types';

const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

function base(cluster: Cluster, pod: Pod, container: string, image: string, id: string, name: string) {
  return labels(cluster, [
    ['container', container],
    ['id', id],
    ['image', image],
    ['instance', `${nodeIp(cluster, pod.node)}:10250`],
    ['job', 'kubelet'],
    ['metrics_path', '/metrics/cadvisor'],
    ['name', name],
    ['namespace', pod.namespace],
    ['node', pod.node],
    ['pod', pod.pod],
  ]);
}

function triple(
  cluster: Cluster,
  l: Series['labels'],
  cpu: (t: number) => number,
  ws: (t: number) => number,
  usage: (t: number) => number
): Series[] {
  const out: Series[] = [
    { name: 'container_cpu_usage_seconds_total', labels: [...l, ['cpu', 'total']], value: cpu },
    { name: 'container_memory_working_set_bytes', labels: l, value: ws },
  ];
  if (cluster.spec.emitUsageBytes) {
    out.push({ name: 'container_memory_usage_bytes', labels: l, value: usage });
  }
  return out;
}

function podSeries(cluster: Cluster, pod: Pod): Series[] {
  const cg = `/kubepods/burstable/pod${pod.uid}`;
  const live = pod.containers.filter(running);
  const pausePhase = (live[0]?.phase ?? 0) / 2;
  const out: Series[] = [];
  live.forEach((c: Container, i) => {
    const cid = `${pod.uid.replace(/-/g, '')}${String(i).padStart(4, '0')}`;
    const l = base(cluster, pod, c.name, c.image, `${cg}/${cid}`, cid);
    out.push(
      ...triple(
        cluster,
        l,
        counterOf(pod, (t) => cpuCounter(c.cpuCores, c.phase, t), c.role === 'sidecar'),
        (t) => workingSet(c.memoryBytes, c.phase, t),
        (t) => usageBytes(c, t)
      )
    );
  });
  const pauseId = `${pod.uid.replace(/-/g, '')}pause`;
  out.push(
    ...triple(
      cluster,
      base(cluster, pod, 'POD', PAUSE_IMAGE, `${cg}/${pauseId}`, pauseId),
      counterOf(pod, (t) => cpuCounter(PAUSE.cpuCores, pausePhase, t), false),
      (t) => workingSet(PAUSE.memoryBytes, pausePhase, t),
      (t) => workingSet(PAUSE.memoryBytes, pausePhase, t)
    )
  );
  // The pod cgroup holds every container and the pause container.
  const podCpu = (t: number) =>
    live.reduce((a, c) => a + cpuCounter(c.cpuCores, c.phase, t), 0) + cpuCounter(PAUSE.cpuCores, pausePhase, t);
  const podWs = (t: number) =>
    live.reduce((a, c) => a + workingSet(c.memoryBytes, c.phase, t), 0) + workingSet(PAUSE.memoryBytes, pausePhase, t);
  const podUsage = (t: number) =>
    live.reduce((a, c) => a + usageBytes(c, t), 0) + workingSet(PAUSE.memoryBytes, pausePhase, t);
  // The pod cgroup outlives a container restart: it starts with the pod and never resets.
  out.push(...triple(cluster, base(cluster, pod, '', '', cg, ''), counterOf(pod, podCpu, false), podWs, podUsage));
  return during(pod, out);
}

function nodeRootSeries(cluster: Cluster, node: string, pods: Pod[]): Series[] {
  const podCpu = pods.flatMap((p) => p.containers.filter(running).map((c) => lifelong(p, c)));
  const podWs = pods.flatMap((p) =>
    p.containers
      .filter(running)
      .map((c) =>
        p.from === undefined && p.until === undefined
          ? (t: number) => workingSet(c.memoryBytes, c.phase, t)
          : (t: number) => (alive(p, t) ? workingSet(c.memoryBytes, c.phase, t) : 0)
      )
  );
  const l = labels(cluster, [
    ['id', '/'],
    ['instance', `${nodeIp(cluster, node)}:10250`],
    ['job', 'kubelet'],
    ['metrics_path', '/metrics/cadvisor'],
    ['node', node],
  ]);
  const cpu = (t: number) => podCpu.reduce((a, f) => a + f(t), 0) + cpuCounter(NODE_SYSTEM.cpuCores, 0, t);
  const ws = (t: number) => podWs.reduce((a, f) => a + f(t), 0) + NODE_SYSTEM.memoryBytes;
  return triple(cluster, l, cpu, ws, (t) => ws(t) * 1.4);
}

/** What a container adds to its node's root cgroup counter: nothing before it starts, its total after it stops. */
function lifelong(p: Pod, c: Container): (t: number) => number {
  const cpu = counterOf(p, (t: number) => cpuCounter(c.cpuCores, c.phase, t), false);
  if (p.from === undefined && p.until === undefined) {
    return cpu;
  }
  return (t) => (p.from !== undefined && t < p.from ? 0 : cpu(p.until !== undefined ? Math.min(t, p.until) : t));
}

export function cadvisorSeries(cluster: Cluster): Series[] {
  const byNode = new Map<string, Pod[]>();
  cluster.pods.forEach((p) => {
    const list = byNode.get(p.node) ?? [];
    list.push(p);
    byNode.set(p.node, list);
  });
  return [
    ...cluster.pods.flatMap((p) => podSeries(cluster, p)),
    ...cluster.nodes.flatMap((n) => nodeRootSeries(cluster, n, byNode.get(n) ?? [])),
  ];
}
