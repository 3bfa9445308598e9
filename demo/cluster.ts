/** Expands a ClusterSpec into concrete nodes and pods, with deterministic names, placement and phases. */
import {
  consulControlPlane,
  dataPlaneProxy,
  kumaControlPlane,
  ambientNodeAgents,
  ciliumWorkloads,
  istioControlPlane,
  istioInit,
  istioProxy,
  kubeSystem,
  linkerdControlPlane,
  linkerdInit,
  linkerdProxy,
  waypoint,
} from './meshes';
import { applyFaults } from './faults';
import { digits, suffix, uid, unit } from './names';
import { callRps, podShare, podVersion } from './traffic';
import type {
  Cluster,
  ClusterSpec,
  Container,
  ContainerSpec,
  MeshKind,
  NamespaceSpec,
  Pod,
  WorkloadSpec,
} from './types';

type Role = Container['role'];

interface Placed {
  proxyRequests?: NamespaceSpec['proxyRequests'];
  ns: string;
  w: WorkloadSpec;
  role: Role;
  mesh?: MeshKind;
  podMesh?: MeshKind;
  native?: boolean;
}

/** A CronJob's current Job: <cronjob>-<scheduled time in minutes>, as the CronJob controller names it. */
export const cronJobName = (cron: string) => `${cron}-28425600`;

function podNames(ns: string, w: WorkloadSpec, nodes: string[]): Array<{ pod: string; node?: string }> {
  if (w.kind === 'DaemonSet') {
    return nodes.map((node) => ({ pod: `${w.name}-${suffix(`${ns}/${w.name}/${node}`, 5)}`, node }));
  }
  const n = w.replicas ?? 1;
  const one = (i: number) => suffix(`${ns}/${w.name}/${i}`, 5);
  const name = (i: number): string => {
    switch (w.kind) {
      case 'StatefulSet':
        return `${w.name}-${i}`;
      case 'Job':
        return `${w.name}-${one(i)}`;
      case 'CronJob':
        return `${cronJobName(w.name)}-${one(i)}`;
      default:
        if (w.podNames === 'digits') {
          return `${w.name}-${digits(`${ns}/${w.name}/rs`, 10)}-${digits(`${ns}/${w.name}/${i}`, 5)}`;
        }
        if (w.podNames === 'hash-ordinal') {
          return `${w.name}-${suffix(`${ns}/${w.name}/rs`, 5)}-${i}`;
        }
        return `${w.name}-${suffix(`${ns}/${w.name}/rs`, 10)}-${one(i)}`;
    }
  };
  return Array.from({ length: n }, (_, i) => ({ pod: name(i) }));
}

/** The proxy as injected, with only the requests the namespace's injection settings give it. */
function withRequests(c: ContainerSpec, only: NamespaceSpec['proxyRequests']): ContainerSpec {
  if (only === 'cpu-only') {
    return { ...c, memoryRequest: undefined };
  }
  return only === 'memory-only' ? { ...c, cpuRequest: undefined } : c;
}

function toContainer(spec: ContainerSpec, seed: string, role: Role, mesh?: MeshKind): Container {
  return { ...spec, phase: unit(seed), role, mesh };
}

const namedAs = (ns: NamespaceSpec, w: WorkloadSpec): WorkloadSpec =>
  ns.podNames && w.kind === 'Deployment' && !w.podNames ? { ...w, podNames: ns.podNames } : w;

/** A meshed namespace gets a load generator whose proxy reports the source side of every call. */
function withLoadgen(ns: NamespaceSpec): WorkloadSpec[] {
  if (ns.mesh !== 'istio' && ns.mesh !== 'linkerd') {
    return ns.workloads.map((w) => namedAs(ns, w));
  }
  const loadgen: WorkloadSpec = {
    name: 'loadgen',
    kind: 'Deployment',
    replicas: 1,
    rps: 0,
    containers: [
      {
        name: 'loadgen',
        image: 'ghcr.io/meshtax/loadgen:1.0',
        cpuCores: 0.05,
        memoryBytes: 40 * 2 ** 20,
        cpuRequest: 0.1,
        memoryRequest: 64 * 2 ** 20,
      },
    ],
  };
  return [...ns.workloads, loadgen].map((w) => namedAs(ns, w));
}

function placements(spec: ClusterSpec): Placed[] {
  const out: Placed[] = [];
  const meshes = new Set(spec.namespaces.map((n) => n.mesh));
  for (const w of kubeSystem) {
    out.push({ ns: 'kube-system', w, role: 'system' });
  }
  if (spec.cilium) {
    const agents = spec.cilium === 'envoy-cpu-only' ? ciliumWorkloads.agentsEnvoyCpuOnly : ciliumWorkloads.agents;
    agents.forEach((w) => out.push({ ns: 'kube-system', w, role: 'node-agent', mesh: 'cilium' }));
    ciliumWorkloads.controlPlane.forEach((w) =>
      out.push({ ns: 'kube-system', w, role: 'control-plane', mesh: 'cilium' })
    );
  }
  if (meshes.has('istio') || meshes.has('istio-ambient')) {
    // One istiod serves both data-plane modes; it is billed to sidecar Istio when that mode is present.
    const cpMesh: MeshKind = meshes.has('istio') ? 'istio' : 'istio-ambient';
    out.push({ ns: 'istio-system', w: istioControlPlane[0], role: 'control-plane', mesh: cpMesh });
    out.push({ ns: 'istio-system', w: istioControlPlane[1], role: 'gateway', mesh: cpMesh });
  }
  if (meshes.has('istio-ambient')) {
    ambientNodeAgents.forEach((w) => out.push({ ns: 'istio-system', w, role: 'node-agent', mesh: 'istio-ambient' }));
  }
  if (meshes.has('linkerd')) {
    linkerdControlPlane.forEach((w) => out.push({ ns: 'linkerd', w, role: 'control-plane', mesh: 'linkerd' }));
  }
  if (meshes.has('consul')) {
    consulControlPlane.forEach((w) => out.push({ ns: 'consul', w, role: 'control-plane', mesh: 'consul' }));
  }
  if (meshes.has('kuma')) {
    kumaControlPlane.forEach((w) => out.push({ ns: 'kuma-system', w, role: 'control-plane', mesh: 'kuma' }));
  }
  for (const ns of spec.namespaces) {
    const podMesh = ns.mesh === 'none' ? undefined : ns.mesh;
    withLoadgen(ns).forEach((w) =>
      out.push({ ns: ns.name, w, role: 'app', podMesh, native: ns.nativeSidecars, proxyRequests: ns.proxyRequests })
    );
    if (ns.mesh === 'istio-ambient') {
      out.push({ ns: ns.name, w: waypoint(), role: 'waypoint', mesh: 'istio-ambient' });
    }
  }
  return out;
}

export function expandCluster(spec: ClusterSpec): Cluster {
  const nodes = Array.from({ length: spec.nodes }, (_, i) => `node-${String(i).padStart(4, '0')}`);
  const pods: Pod[] = [];
  let cursor = 0;
  for (const p of placements(spec)) {
    const names = podNames(p.ns, p.w, nodes);
    // Without a canary, exactly rps / n as before (a share times rps could differ in the last bit).
    const rpsOf = (i: number) =>
      p.w.mix?.canary ? (p.w.rps ?? 0) * podShare(p.w, i, names.length) : (p.w.rps ?? 0) / names.length;
    const nsSpec = spec.namespaces.find((n) => n.name === p.ns);
    const isLoadgen = p.role === 'app' && p.w.name === 'loadgen';
    const calls =
      isLoadgen && nsSpec
        ? nsSpec.workloads
            .filter((w) => (w.rps ?? 0) > 0 && w.latency)
            .map((w) => ({ workload: w.name, rps: callRps(w.rps!, w.mix), latency: w.latency!, mix: w.mix }))
        : [];
    names.forEach(({ pod, node }, i) => {
      const podRps = rpsOf(i);
      const proxyRps = podRps + calls.reduce((a, c) => a + c.rps, 0);
      const seed = `${p.ns}/${pod}`;
      const containers = p.w.containers.map((c) => toContainer(c, `${seed}/${c.name}`, p.role, p.mesh));
      const sidecar = (c: ContainerSpec, mesh: MeshKind) =>
        containers.push(toContainer(withRequests(c, p.proxyRequests), `${seed}/proxy`, 'sidecar', mesh));
      if (p.podMesh === 'istio') {
        sidecar(istioProxy(proxyRps, !!p.native), 'istio');
        if (!p.native) {
          containers.push(toContainer(istioInit, `${seed}/init`, 'system', 'istio'));
        }
      } else if (p.podMesh === 'consul' || p.podMesh === 'kuma' || p.podMesh === 'custom') {
        sidecar(dataPlaneProxy[p.podMesh](proxyRps), p.podMesh);
      } else if (p.podMesh === 'linkerd') {
        sidecar(linkerdProxy(proxyRps), 'linkerd');
        containers.push(toContainer(linkerdInit, `${seed}/init`, 'system', 'linkerd'));
      }
      pods.push({
        namespace: p.ns,
        pod,
        uid: uid(seed),
        node: node ?? nodes[cursor++ % nodes.length],
        workload: p.w.name,
        workloadKind: p.w.kind,
        containers,
        rps: podRps,
        latency: p.w.latency,
        appHistogram: !!p.w.appHistogram,
        mesh: p.podMesh ?? p.mesh,
        emitsHistograms: !spec.histogramsFirstPodOnly || i === 0,
        calls,
        ...(p.w.mix ? { mix: p.w.mix, version: podVersion(p.w, i, names.length) } : {}),
      });
    });
  }
  return { spec, nodes, pods: applyFaults(spec, pods) };
}
