/**
 * What each mesh physically adds to a cluster, as the demo injects it. Deliberately independent of
 * src/model's catalogue: the demo is the ground truth the model is checked against, so it must not share its code.
 */
import type { ContainerSpec, WorkloadSpec } from './types';

const Mi = 2 ** 20;

/** Envoy costs roughly 0.2 vCPU per 1000 rps (Istio's published performance figures). */
export function istioProxy(podRps: number, native: boolean): ContainerSpec {
  return {
    name: 'istio-proxy',
    image: 'docker.io/istio/proxyv2:1.24.2',
    cpuCores: 0.006 + 0.0002 * podRps,
    memoryBytes: 52 * Mi + 0.01 * Mi * podRps,
    cpuRequest: 0.1,
    memoryRequest: 128 * Mi,
    cpuLimit: 2,
    memoryLimit: 1024 * Mi,
    nativeSidecar: native,
  };
}

/** Classic injection leaves a completed istio-init: KSM still reports its requests, which must not be counted. */
export const istioInit: ContainerSpec = {
  name: 'istio-init',
  image: 'docker.io/istio/proxyv2:1.24.2',
  cpuCores: 0,
  memoryBytes: 0,
  cpuRequest: 0.01,
  memoryRequest: 40 * Mi,
  completedInit: true,
};

export function linkerdProxy(podRps: number): ContainerSpec {
  return {
    name: 'linkerd-proxy',
    image: 'cr.l5d.io/linkerd/proxy:edge-24.11.8',
    cpuCores: 0.002 + 0.00008 * podRps,
    memoryBytes: 14 * Mi + 0.004 * Mi * podRps,
    cpuRequest: 0.1,
    memoryRequest: 20 * Mi,
    memoryLimit: 250 * Mi,
  };
}

export const linkerdInit: ContainerSpec = {
  name: 'linkerd-init',
  image: 'cr.l5d.io/linkerd/proxy-init:v2.4.1',
  cpuCores: 0,
  memoryBytes: 0,
  cpuRequest: 0.1,
  memoryRequest: 20 * Mi,
  completedInit: true,
};

function c(name: string, image: string, cpu: number, memMi: number, reqCpu?: number, reqMemMi?: number): ContainerSpec {
  return {
    name,
    image,
    cpuCores: cpu,
    memoryBytes: memMi * Mi,
    cpuRequest: reqCpu,
    memoryRequest: reqMemMi === undefined ? undefined : reqMemMi * Mi,
  };
}

export const istioControlPlane: WorkloadSpec[] = [
  {
    name: 'istiod',
    kind: 'Deployment',
    replicas: 2,
    containers: [c('discovery', 'docker.io/istio/pilot:1.24.2', 0.12, 310, 0.5, 2048)],
  },
  {
    name: 'istio-ingressgateway',
    kind: 'Deployment',
    replicas: 2,
    containers: [c('istio-proxy', 'docker.io/istio/proxyv2:1.24.2', 0.05, 90, 0.1, 128)],
  },
];

export const ambientNodeAgents: WorkloadSpec[] = [
  {
    name: 'ztunnel',
    kind: 'DaemonSet',
    containers: [c('istio-proxy', 'docker.io/istio/ztunnel:1.24.2', 0.015, 28, 0.2, 512)],
  },
  {
    name: 'istio-cni-node',
    kind: 'DaemonSet',
    containers: [c('install-cni', 'docker.io/istio/install-cni:1.24.2', 0.002, 40, 0.1, 100)],
  },
];

export function waypoint(): WorkloadSpec {
  return {
    name: 'waypoint',
    kind: 'Deployment',
    replicas: 1,
    containers: [c('istio-proxy', 'docker.io/istio/proxyv2:1.24.2', 0.03, 75, 0.1, 128)],
  };
}

const lp = (cpu: number) => c('linkerd-proxy', 'cr.l5d.io/linkerd/proxy:edge-24.11.8', cpu, 18, 0.1, 20);
export const linkerdControlPlane: WorkloadSpec[] = [
  {
    name: 'linkerd-destination',
    kind: 'Deployment',
    replicas: 1,
    containers: [
      c('destination', 'cr.l5d.io/linkerd/controller:edge-24.11.8', 0.03, 60, 0.1, 50),
      c('sp-validator', 'cr.l5d.io/linkerd/controller:edge-24.11.8', 0.001, 15, 0.1, 50),
      c('policy', 'cr.l5d.io/linkerd/policy-controller:edge-24.11.8', 0.01, 30, 0.1, 50),
      lp(0.004),
    ],
  },
  {
    name: 'linkerd-identity',
    kind: 'Deployment',
    replicas: 1,
    containers: [c('identity', 'cr.l5d.io/linkerd/controller:edge-24.11.8', 0.002, 20, 0.1, 10), lp(0.001)],
  },
  {
    name: 'linkerd-proxy-injector',
    kind: 'Deployment',
    replicas: 1,
    containers: [c('proxy-injector', 'cr.l5d.io/linkerd/controller:edge-24.11.8', 0.003, 30, 0.1, 50), lp(0.001)],
  },
];

/** A data-plane proxy with CPU that grows with traffic, for the meshes whose latency the demo does not model. */
function proxy(name: string, image: string, podRps: number, baseMi: number): ContainerSpec {
  return {
    name,
    image,
    cpuCores: 0.004 + 0.00015 * podRps,
    memoryBytes: baseMi * Mi,
    cpuRequest: 0.1,
    memoryRequest: 64 * Mi,
  };
}

export const dataPlaneProxy = {
  consul: (rps: number) => proxy('consul-dataplane', 'hashicorp/consul-dataplane:1.6.1', rps, 38),
  kuma: (rps: number) => proxy('kuma-sidecar', 'docker.io/kumahq/kuma-dp:2.9.1', rps, 45),
  /** An operator's own proxy, found only through the "custom" mesh settings. */
  custom: (rps: number) => proxy('envoy-legacy', 'envoyproxy/envoy:v1.31.3', rps, 60),
};

export const consulControlPlane: WorkloadSpec[] = [
  {
    name: 'consul-server',
    kind: 'StatefulSet',
    replicas: 1,
    containers: [c('consul', 'hashicorp/consul:1.20.1', 0.05, 180, 0.1, 200)],
  },
  {
    name: 'consul-connect-injector',
    kind: 'Deployment',
    replicas: 1,
    containers: [c('sidecar-injector', 'hashicorp/consul-k8s-control-plane:1.6.1', 0.01, 60, 0.05, 50)],
  },
];

export const kumaControlPlane: WorkloadSpec[] = [
  {
    name: 'kuma-control-plane',
    kind: 'Deployment',
    replicas: 1,
    containers: [c('control-plane', 'docker.io/kumahq/kuma-cp:2.9.1', 0.03, 120, 0.1, 256)],
  },
];

const ciliumAgent: WorkloadSpec = {
  name: 'cilium',
  kind: 'DaemonSet',
  containers: [c('cilium-agent', 'quay.io/cilium/cilium:v1.16.5', 0.06, 220, 0.1, 512)],
};

export const ciliumWorkloads: {
  agents: WorkloadSpec[];
  agentsEnvoyCpuOnly: WorkloadSpec[];
  controlPlane: WorkloadSpec[];
} = {
  /** cilium-envoy requesting 0.05 cores and no memory: a container whose cost `cpu + memory` would drop. */
  agentsEnvoyCpuOnly: [
    ciliumAgent,
    {
      name: 'cilium-envoy',
      kind: 'DaemonSet',
      containers: [c('cilium-envoy', 'quay.io/cilium/cilium-envoy:v1.30.8', 0.01, 45, 0.05)],
    },
  ],
  agents: [
    {
      name: 'cilium',
      kind: 'DaemonSet',
      containers: [c('cilium-agent', 'quay.io/cilium/cilium:v1.16.5', 0.06, 220, 0.1, 512)],
    },
    {
      name: 'cilium-envoy',
      kind: 'DaemonSet',
      containers: [c('cilium-envoy', 'quay.io/cilium/cilium-envoy:v1.30.8', 0.01, 45, 0.05, 64)],
    },
  ],
  controlPlane: [
    {
      name: 'cilium-operator',
      kind: 'Deployment',
      replicas: 2,
      containers: [c('cilium-operator', 'quay.io/cilium/operator-generic:v1.16.5', 0.008, 60, 0.1, 128)],
    },
  ],
};

export const kubeSystem: WorkloadSpec[] = [
  {
    name: 'coredns',
    kind: 'Deployment',
    replicas: 2,
    containers: [c('coredns', 'registry.k8s.io/coredns/coredns:v1.11.3', 0.01, 30, 0.1, 70)],
  },
  {
    name: 'kube-proxy',
    kind: 'DaemonSet',
    containers: [c('kube-proxy', 'registry.k8s.io/kube-proxy:v1.31.4', 0.004, 25, 0.1, 0)],
  },
];

/**
 * Proxy latency, affine in the app's latency X: the destination (server-side) proxy sees shift + scale*X,
 * the source (client-side) proxy sees both hops.
 */
export const proxyLatency = {
  istio: { destination: { shiftMs: 0.35, scale: 1 }, source: { shiftMs: 1.6, scale: 1.02 } },
  linkerd: { destination: { shiftMs: 0.12, scale: 1 }, source: { shiftMs: 0.7, scale: 1.01 } },
};

export const BUCKETS = {
  istioMs: [
    0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000,
  ],
  linkerdMs: [
    1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500, 1000, 2000, 3000, 4000, 5000, 10000, 20000, 30000,
    40000, 50000,
  ],
  /** Istio 1.4 (Mixer) defaults, in seconds. */
  istioLegacySeconds: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  otelSeconds: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
};
