/**
 * Request counters split by a workload's traffic mix, with the labels Istio and Linkerd really use:
 * - Istio, served (reporter="destination"): mTLS from the load generator, plaintext from an unmeshed client
 *   (connection_security_policy="none", the source unknown, as Istio reports a client without a proxy), and
 *   requests the serving proxy rate-limits (429, response_flags="RL"); destination_version is the pod's version.
 * - Istio, sent (reporter="source"): what the load generator's proxy turns away (UO, 503), gives up on after
 *   retries (URX, 503) or times out (UT, 504).
 * - Linkerd, served (direction="inbound"): tls="true", or tls="no_identity" with no_tls_reason for plaintext.
 * - Linkerd, sent (the load generator's outbound route metrics, linkerd.io 2.19 reference/proxy-metrics.md): requests
 *   per backend Service of the parent Service (a canary's version is a backend `<workload>-<version>`, as an HTTPRoute
 *   with two backendRefs splits it), requests ended by a timeout (error="REQUEST_TIMEOUT"), and requests whose
 *   retries ran out (outbound_http_route_retry_limit_exceeded_total). Linkerd has no per-request circuit-breaking or
 *   rate-limit counter, so UO and RL leave no trace here.
 * The parts of each split add up to the unsplit counter, so every figure that sums the counter is unchanged.
 */
import { requestsOf } from './faults';
import type { Labels, Series } from './seriesShape';
import { CALLER_FLAGS, FLAG_STATUS, flagShare, mtlsShareOf } from './traffic';
import type { Pod, ResponseFlag, TrafficMix } from './types';

const UNKNOWN_SOURCE = [
  'source_app',
  'source_canonical_revision',
  'source_canonical_service',
  'source_cluster',
  'source_principal',
  'source_version',
  'source_workload',
  'source_workload_namespace',
];

/** `l` with these labels set (kept in place when present, appended otherwise). */
function withLabels(l: Labels, set: Record<string, string>): Labels {
  const out: Labels = l.map(([k, v]) => [k, k in set ? set[k] : v]);
  for (const [k, v] of Object.entries(set)) {
    if (!l.some(([key]) => key === k)) {
      out.push([k, v]);
    }
  }
  return out;
}

function parts(
  pod: Pod,
  name: string,
  l: Labels,
  rps: number,
  split: Array<[number, Record<string, string>]>
): Series[] {
  return split
    .filter(([share]) => share > 0)
    .map(([share, set]) => {
      const count = requestsOf(pod, rps * share);
      return { name, labels: withLabels(l, set), value: count };
    });
}

const flagged = (f: ResponseFlag) => ({ response_code: FLAG_STATUS[f], response_flags: f });

/** Istio's destination-side counter of one serving pod. `l` carries the mutual-TLS, status-200 labels. */
export function istioServed(pod: Pod, l: Labels): Series[] {
  const mix = pod.mix;
  const mtls = mtlsShareOf(mix);
  const rl = flagShare(mix, 'RL');
  const plaintext = Object.fromEntries(UNKNOWN_SOURCE.map((k) => [k, 'unknown']));
  return parts(pod, 'istio_requests_total', l, pod.rps, [
    [mtls - rl, {}],
    [rl, flagged('RL')],
    [1 - mtls, { ...plaintext, connection_security_policy: 'none' }],
  ]);
}

/** Istio's source-side counter of one call of the load generator. */
export function istioSent(pod: Pod, l: Labels, call: { rps: number; mix?: TrafficMix }): Series[] {
  const shares = CALLER_FLAGS.map((f): [number, Record<string, string>] => [flagShare(call.mix, f), flagged(f)]);
  const ok = 1 - shares.reduce((a, [s]) => a + s, 0);
  return parts(pod, 'istio_requests_total', l, call.rps, [[ok, {}], ...shares]);
}

/** Linkerd's inbound counter of one serving pod. `l` carries tls="true". */
export function linkerdServed(pod: Pod, l: Labels): Series[] {
  const mtls = mtlsShareOf(pod.mix);
  return parts(pod, 'request_total', l, pod.rps, [
    [mtls, {}],
    [1 - mtls, { tls: 'no_identity', no_tls_reason: 'not_provided_by_remote' }],
  ]);
}

/** What one call of a Linkerd load generator goes through: its target's versions and their shares of requests. */
export interface LinkerdCall {
  rps: number;
  mix?: TrafficMix;
  workload: string;
  /** [version, share of the target's requests], stable first. */
  versions: Array<[string, number]>;
}

/** The Service a backend of a split is: the stable version keeps the workload's name. */
export const linkerdBackend = (workload: string, version: string, stable: string) =>
  version === stable ? workload : `${workload}-${version}`;

/**
 * Linkerd's outbound route metrics of one call. `l` carries the caller pod's labels; the route labels name the
 * called Service as parent (and its HTTPRoute, named after it).
 */
export function linkerdRoutes(pod: Pod, l: Labels, call: LinkerdCall): Series[] {
  const ns = pod.namespace;
  const route = withLabels(l, {
    parent_group: 'core',
    parent_kind: 'Service',
    parent_name: call.workload,
    parent_namespace: ns,
    parent_port: '8080',
    route_group: 'gateway.networking.k8s.io',
    route_kind: 'HTTPRoute',
    route_name: call.workload,
    route_namespace: ns,
  });
  const stable = call.versions[0][0];
  const backends = call.versions.map(([v, share]): [number, Record<string, string>] => [
    share,
    {
      backend_group: 'core',
      backend_kind: 'Service',
      backend_name: linkerdBackend(call.workload, v, stable),
      backend_namespace: ns,
      backend_port: '8080',
    },
  ]);
  const ut = flagShare(call.mix, 'UT');
  return [
    ...parts(pod, 'outbound_http_route_backend_requests_total', route, call.rps, backends),
    ...parts(pod, 'outbound_http_route_request_statuses_total', route, call.rps, [
      [1 - ut, { http_status: '200', error: '' }],
      [ut, { http_status: '', error: 'REQUEST_TIMEOUT' }],
    ]),
    ...parts(pod, 'outbound_http_route_retry_limit_exceeded_total', route, call.rps, [
      [flagShare(call.mix, 'URX'), {}],
    ]),
  ];
}
