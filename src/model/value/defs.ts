/**
 * What each mesh's metrics can tell about what the mesh does (issue #17): which label marks a request served over
 * mutual TLS, which labels name a service and its version, and where the proxy records why a request failed.
 * Kept beside the catalogue, not in it: the value figures are one concern, and a mesh without an entry here has
 * none of them, with the reason below.
 */
import type { MeshId } from '../catalogue';
import type { Matcher } from '../promql/ast';
import { eq, neq } from '../promql/dsl';

export type Resilience = 'circuitBreaking' | 'retriesExhausted' | 'timeouts' | 'rateLimited';
export const RESILIENCE: Resilience[] = ['circuitBreaking', 'retriesExhausted', 'timeouts', 'rateLimited'];

export interface MeshValueDef {
  /** On the served side of the mesh's request counter (MeshDef.traffic): requests that arrived over mutual TLS. */
  mtls: Matcher;
  /** The complement, for the workloads still served in plaintext. */
  plaintext: Matcher;
  /** Per destination service, the version label its requests carry; absent when the counter has none. */
  split?: { serviceLabel: string; serviceNamespaceLabel: string; versionLabel: string; unknownVersion: string };
  /**
   * The label holding Envoy's response flags, on either side of the counter (each flag is set by the proxy that
   * decided: the caller's for UO, URX and UT, the server's for a local rate limit), and the destination's labels
   * that group them.
   */
  flags?: { label: string; namespaceLabel: string; workloadLabel: string; flag: Record<Resilience, string> };
  /** Why a figure is missing for this mesh. */
  unavailable: Partial<Record<'split' | 'resilience', string>>;
}

export const ENVOY_FLAGS: Record<Resilience, string> = {
  circuitBreaking: 'UO',
  retriesExhausted: 'URX',
  timeouts: 'UT',
  rateLimited: 'RL',
};

export const VALUE_DEFS: Partial<Record<MeshId, MeshValueDef>> = {
  istio: {
    mtls: eq('connection_security_policy', 'mutual_tls'),
    plaintext: neq('connection_security_policy', 'mutual_tls'),
    split: {
      serviceLabel: 'destination_service',
      serviceNamespaceLabel: 'destination_service_namespace',
      versionLabel: 'destination_version',
      unknownVersion: 'unknown',
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
    unavailable: {
      split:
        "unavailable: Linkerd's request_total has no version label; traffic splits show only in its route-backend metrics " +
        '(outbound_http_route_backend_requests_total, HTTPRoute backends), which Mesh Tax does not read yet',
      resilience:
        'unavailable: Linkerd reports no Envoy response flags; its retry and timeout counters (outbound_http_route_retry_*) ' +
        'are not read yet',
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
  if (isResilience && def.unavailable.resilience) {
    return def.unavailable.resilience;
  }
  return undefined;
}
