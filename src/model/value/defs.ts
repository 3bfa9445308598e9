/**
 * What each mesh's metrics can tell about what the mesh does (issue #17): which label marks a request served over
 * mutual TLS, which labels name a service and its version, and where the proxy records why a request failed.
 * Kept beside the catalogue, not in it: the value figures are one concern, and a mesh without an entry here has
 * none of them, with the reason below.
 */
import type { MeshId } from '../catalogue';
import type { Matcher } from '../promql/ast';
import { eq, neq, re } from '../promql/dsl';

export type Resilience = 'circuitBreaking' | 'retriesExhausted' | 'timeouts' | 'rateLimited';
export const RESILIENCE: Resilience[] = ['circuitBreaking', 'retriesExhausted', 'timeouts', 'rateLimited'];

export interface MeshValueDef {
  /** On the served side of the mesh's request counter (MeshDef.traffic): requests that arrived over mutual TLS. */
  mtls: Matcher;
  /** The complement, for the workloads still served in plaintext. */
  plaintext: Matcher;
  /**
   * Where a service's requests show which version (or backend Service) they went to: Istio's served counter with
   * destination_version, Linkerd's outbound route-backend counter with the backend Service.
   */
  split?: {
    /** Absent: the mesh's request counter (MeshDef.traffic.metric). */
    metric?: string;
    match: Matcher[];
    serviceLabel: string;
    serviceNamespaceLabel: string;
    /** The labels that together name one version (one backend). */
    versionLabels: string[];
    /** The label a workload filter applies to. */
    workloadLabel: string;
  };
  /**
   * The label holding Envoy's response flags, on either side of the counter (each flag is set by the proxy that
   * decided: the caller's for UO, URX and UT, the server's for a local rate limit), and the destination's labels
   * that group them.
   */
  flags?: { label: string; namespaceLabel: string; workloadLabel: string; flag: Record<Resilience, string> };
  /**
   * Meshes without response flags: a counter per resilience event it counts (Linkerd's outbound route metrics),
   * grouped by the called Service's namespace and name.
   */
  events?: {
    namespaceLabel: string;
    workloadLabel: string;
    counters: Partial<Record<Resilience, { metric: string; match: Matcher[] }>>;
  };
  /** Why a figure is missing for this mesh (per resilience event where only some are missing). */
  unavailable: Partial<Record<'split' | 'resilience' | Resilience, string>>;
}

export const ENVOY_FLAGS: Record<Resilience, string> = {
  circuitBreaking: 'UO',
  retriesExhausted: 'URX',
  timeouts: 'UT',
  rateLimited: 'RL',
};

/**
 * Linkerd's outbound route metrics (linkerd2-proxy; linkerd.io 2.19 reference/proxy-metrics.md, tasks/books.md): the
 * caller's proxy labels each with the called Service (parent_*) and, per backend, the Service it sent to (backend_*).
 */
const LINKERD_ROUTE = { namespaceLabel: 'parent_namespace', workloadLabel: 'parent_name' };

export const VALUE_DEFS: Partial<Record<MeshId, MeshValueDef>> = {
  istio: {
    mtls: eq('connection_security_policy', 'mutual_tls'),
    plaintext: neq('connection_security_policy', 'mutual_tls'),
    split: {
      // Pods without a version label report "unknown": not a version of their own.
      match: [eq('reporter', 'destination'), neq('destination_version', 'unknown')],
      serviceLabel: 'destination_service',
      serviceNamespaceLabel: 'destination_service_namespace',
      versionLabels: ['destination_version'],
      workloadLabel: 'destination_workload',
    },
    flags: {
      label: 'response_flags',
      namespaceLabel: 'destination_workload_namespace',
      workloadLabel: 'destination_workload',
      flag: ENVOY_FLAGS,
    },
    unavailable: {},
  },
  linkerd: {
    mtls: eq('tls', 'true'),
    plaintext: neq('tls', 'true'),
    // An HTTPRoute with two backendRefs (Linkerd's canary) splits a parent Service over backend Services.
    split: {
      metric: 'outbound_http_route_backend_requests_total',
      match: [],
      serviceLabel: 'parent_name',
      serviceNamespaceLabel: 'parent_namespace',
      versionLabels: ['backend_namespace', 'backend_name'],
      workloadLabel: 'parent_name',
    },
    events: {
      ...LINKERD_ROUTE,
      counters: {
        // Requests whose last retry failed too (linkerd/website tasks/books.md: "failed and could not be retried").
        retriesExhausted: { metric: 'outbound_http_route_retry_limit_exceeded_total', match: [] },
        // The route's request or response-headers timeout (linkerd2 viz/cmd/stat_outbound_logical.go counts both).
        timeouts: {
          metric: 'outbound_http_route_request_statuses_total',
          match: [re('error', 'REQUEST_TIMEOUT|RESPONSE_HEADERS_TIMEOUT')],
        },
      },
    },
    unavailable: {
      circuitBreaking:
        "unavailable: Linkerd's circuit breaker takes endpoints out of the balancer (the gauge " +
        'outbound_http_balancer_endpoints{endpoint_state="pending"}) and counts no requests it turned away',
      rateLimited:
        "unavailable: Linkerd's local rate limit (HTTPLocalRateLimitPolicy) answers 429, but its proxy metrics have no " +
        "counter of limited requests, and a 429 in response_total may be the application's own",
    },
  },
};

/** Why a mesh without an entry has no value figures. */
export function noValueReason(meshName: string): string {
  return `unavailable: ${meshName} exports no per-request metrics Mesh Tax reads (no request counter with TLS, version or response-flag labels)`;
}

/**
 * Why a mesh has no such value figure at this grouping, or undefined when the key is not a value figure or the
 * mesh has it. Said by the query builder; the report's reasons come from the same `unavailable` texts.
 */
export function valueUnavailable(
  mesh: { id: MeshId; name: string; traffic?: unknown },
  key: string,
  groupBy: string
): string | undefined {
  const def = mesh.traffic ? VALUE_DEFS[mesh.id] : undefined;
  const isSplit = key === 'value.splitServices';
  const isResilience = key.startsWith('resilience.') || key === 'value.resilienceEvents';
  if (!isSplit && !isResilience && !key.startsWith('value.') && !key.startsWith('traffic.')) {
    return undefined;
  }
  if (!def) {
    return noValueReason(mesh.name);
  }
  if (isSplit && def.unavailable.split) {
    return def.unavailable.split;
  }
  if (isSplit && groupBy === 'workload') {
    return 'unavailable by workload: a service is not a workload (a canary is often a second Deployment behind one Service); group by namespace or not at all';
  }
  const event = key.startsWith('resilience.') ? (key.slice('resilience.'.length) as Resilience) : undefined;
  if (isResilience && (def.unavailable.resilience ?? (event && def.unavailable[event]))) {
    return def.unavailable.resilience ?? def.unavailable[event!];
  }
  return undefined;
}
