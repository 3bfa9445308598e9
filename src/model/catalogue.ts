/**
 * The mesh catalogue: each mesh is data. Selectors are regexes over cAdvisor/KSM labels, matched in full
 * (Prometheus anchors regex matchers). A proxy container inside a control-plane or node-agent pod belongs to
 * that pod's role, never to the sidecars: data-plane selectors exclude those pods by name.
 */
export type MeshId = 'istio' | 'istio-ambient' | 'linkerd' | 'cilium' | 'consul' | 'kuma' | 'custom';

/** Regexes over namespace, pod and container; absent means "any". */
export interface PodSelector {
  namespace?: string;
  pod?: string;
  container?: string;
  /** Pods that match but belong elsewhere (gateways, node agents). Own control-plane pods are always excluded. */
  excludePod?: string;
}

/** One side of a latency comparison: a histogram and the labels that name its workload. */
export interface HistogramSide {
  metric: string;
  /** Extra equality matchers, e.g. reporter="source". */
  match: Record<string, string>;
  workloadLabel: string;
  namespaceLabel: string;
  /** Multiply by this to get milliseconds. */
  toMs: number;
}

export interface MeshDef {
  id: MeshId;
  name: string;
  /** What the per-workload proxies are called in the UI. */
  dataPlaneKind: 'sidecar' | 'waypoint' | 'none';
  dataPlane?: PodSelector;
  controlPlane?: PodSelector;
  nodeAgents?: PodSelector;
  /** When this mesh is also present, the control plane is billed to it instead (one istiod serves both modes). */
  controlPlaneSharedWith?: MeshId;
  /** Container names that appear as native sidecars (init containers with restartPolicy Always). */
  nativeSidecarContainers?: string[];
  /** reporter-delta: client-side p99 minus server-side p99. */
  /**
   * `unread`: histograms of older versions the model does not read; when present, the p99 is said to be partial.
   */
  latency?: { client: HistogramSide; server: HistogramSide; unread?: string[] };
  /**
   * Requests served, per workload, for vCPU per 1k rps and idle detection; `sent` is the same metric as reported
   * by the caller's proxy, so a workload that only sends (a load generator, a cron client) is not called idle.
   */
  traffic?: TrafficSide & { sent?: Omit<TrafficSide, 'metric'> };
  notes: string;
}

export interface TrafficSide {
  metric: string;
  match: Record<string, string>;
  workloadLabel: string;
  namespaceLabel: string;
}

const ISTIO_NON_SIDECAR_PODS = 'istiod-.*|istio-(ingress|egress)gateway-.*|ztunnel-.*|.*waypoint.*';
const istioSide = (reporter: string): HistogramSide => ({
  metric: 'istio_request_duration_milliseconds_bucket',
  match: { reporter },
  workloadLabel: 'destination_workload',
  namespaceLabel: 'destination_workload_namespace',
  toMs: 1,
});

export const CATALOGUE: MeshDef[] = [
  {
    id: 'istio',
    name: 'Istio (sidecar)',
    dataPlaneKind: 'sidecar',
    dataPlane: { container: 'istio-proxy', excludePod: ISTIO_NON_SIDECAR_PODS },
    controlPlane: { namespace: 'istio-system', pod: 'istiod-.*' },
    nativeSidecarContainers: ['istio-proxy'],
    // Istio before 1.5 (Mixer) reported seconds under another name; those proxies are left out of the p99.
    latency: {
      client: istioSide('source'),
      server: istioSide('destination'),
      unread: ['istio_request_duration_seconds_bucket'],
    },
    traffic: {
      metric: 'istio_requests_total',
      match: { reporter: 'destination' },
      workloadLabel: 'destination_workload',
      namespaceLabel: 'destination_workload_namespace',
      sent: {
        match: { reporter: 'source' },
        workloadLabel: 'source_workload',
        namespaceLabel: 'source_workload_namespace',
      },
    },
    notes: 'Gateways are not sidecars and are left out; istiod is the control plane.',
  },
  {
    id: 'istio-ambient',
    name: 'Istio (ambient)',
    dataPlaneKind: 'waypoint',
    dataPlane: { container: 'istio-proxy', pod: '.*waypoint.*' },
    nodeAgents: { namespace: 'istio-system', pod: 'ztunnel-.*|istio-cni-node-.*' },
    controlPlane: { namespace: 'istio-system', pod: 'istiod-.*' },
    controlPlaneSharedWith: 'istio',
    notes:
      'ztunnel and istio-cni run on every node; waypoints are per-namespace L7 proxies. ztunnel has no L7 latency histogram.',
  },
  {
    id: 'linkerd',
    name: 'Linkerd',
    dataPlaneKind: 'sidecar',
    dataPlane: { container: 'linkerd-proxy' },
    controlPlane: { namespace: 'linkerd', pod: 'linkerd-(destination|identity|proxy-injector)-.*' },
    nativeSidecarContainers: ['linkerd-proxy'],
    latency: {
      client: {
        metric: 'response_latency_ms_bucket',
        match: { direction: 'outbound' },
        workloadLabel: 'dst_deployment',
        namespaceLabel: 'dst_namespace',
        toMs: 1,
      },
      server: {
        metric: 'response_latency_ms_bucket',
        match: { direction: 'inbound' },
        workloadLabel: 'deployment',
        namespaceLabel: 'namespace',
        toMs: 1,
      },
    },
    traffic: {
      metric: 'request_total',
      match: { direction: 'inbound' },
      workloadLabel: 'deployment',
      namespaceLabel: 'namespace',
      sent: { match: { direction: 'outbound' }, workloadLabel: 'deployment', namespaceLabel: 'namespace' },
    },
    notes: 'The control plane pods carry their own linkerd-proxy; it is counted as control plane.',
  },
  {
    id: 'cilium',
    name: 'Cilium',
    dataPlaneKind: 'none',
    nodeAgents: { container: 'cilium-agent|cilium-envoy' },
    controlPlane: { container: 'cilium-operator' },
    notes: 'Sidecar-less: the agent (also your CNI) and the per-node Envoy carry the mesh.',
  },
  {
    id: 'consul',
    name: 'Consul',
    dataPlaneKind: 'sidecar',
    dataPlane: { container: 'consul-dataplane|envoy-sidecar' },
    controlPlane: { namespace: 'consul', pod: 'consul-(server|connect-injector|webhook-cert-manager)-.*' },
    notes: 'consul-dataplane since 1.14; envoy-sidecar before.',
  },
  {
    id: 'kuma',
    name: 'Kuma',
    dataPlaneKind: 'sidecar',
    dataPlane: { container: 'kuma-sidecar' },
    controlPlane: { namespace: 'kuma-system', pod: 'kuma-control-plane-.*' },
    nativeSidecarContainers: ['kuma-sidecar'],
    notes: '',
  },
];

/** Settings for an operator's own proxy container. */
export interface CustomMesh {
  /** Container name regex, e.g. "my-proxy" or "envoy|nginx-sidecar". */
  container: string;
  controlPlane?: PodSelector;
  name?: string;
}

export function customMesh(c: CustomMesh): MeshDef {
  return {
    id: 'custom',
    name: c.name ?? `Custom (${c.container})`,
    dataPlaneKind: 'sidecar',
    dataPlane: { container: c.container },
    controlPlane: c.controlPlane,
    notes: 'An operator-defined proxy container.',
  };
}

export function meshById(id: MeshId, custom?: CustomMesh): MeshDef {
  if (id === 'custom') {
    if (!custom) {
      throw new Error('the custom mesh needs a container name or regex');
    }
    return customMesh(custom);
  }
  return CATALOGUE.find((m) => m.id === id)!;
}
