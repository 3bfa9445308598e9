/**
 * The query builder's entries for what the mesh does (issue #17): requests served, mTLS coverage, the workloads
 * still served in plaintext, split services, each resilience event and the cost per million requests. Each maps to
 * the figure table's key, so the builder shows the very query the report runs (src/model/value/queries.ts).
 */
import type { BuilderFigure } from './catalogue';

export type ValueBuilderKind =
  | 'requestsPerSecond'
  | 'mtlsShare'
  | 'plaintextRps'
  | 'splitServices'
  | 'circuitBreaking'
  | 'retriesExhausted'
  | 'timeouts'
  | 'rateLimited'
  | 'resilienceEvents'
  | 'costPerMillionRequests';

const SERVED_SIDE =
  'Counted by the serving proxy (Istio reporter="destination", Linkerd direction="inbound"): workloads without a proxy, and traffic that bypasses it (excluded ports, host network), are not counted at all.';
const PLAIN_TCP = 'Plain TCP through the proxy has no request counter: it is bytes, not requests.';
const NOT_ARRIVED =
  'Requests the caller’s proxy turned away (circuit breaking) never reach the server, so they are not among the requests served.';
/** Why a flag set by the serving proxy can count one request more than once (istio/istio#51619). */
const ATTEMPTS =
  'A flag set by the serving proxy is counted per attempt: when the caller retries (Istio retries a 503 twice by default), one request can count up to three times.';
const ONE_SIDE =
  'Envoy sets a response flag only in the proxy that ended the request; the other proxy records the status it saw (a 503, a 504, or DC when the caller hung up), so no request is counted on both sides.';

export const VALUE_BUILDER_FIGURES: BuilderFigure[] = [
  {
    kind: 'requestsPerSecond',
    label: 'Requests served per second',
    key: 'traffic.rps',
    inputs: [],
    measures: 'Requests per second the mesh’s proxies served, as a rate of the mesh’s request counter over the window.',
    cannotSee: [SERVED_SIDE, PLAIN_TCP, NOT_ARRIVED],
  },
  {
    kind: 'mtlsShare',
    label: 'mTLS coverage',
    key: 'value.mtlsShare',
    inputs: [],
    measures:
      'The share of served requests that arrived over mutual TLS: Istio’s connection_security_policy="mutual_tls", Linkerd’s tls="true", divided by all requests served.',
    cannotSee: [
      SERVED_SIDE,
      'A share of requests, not of connections or bytes: one busy plaintext client can outweigh many quiet mTLS ones.',
      'It says the connection was mutual TLS, not that an authorization policy checked the caller’s identity.',
    ],
  },
  {
    kind: 'plaintextRps',
    label: 'Plaintext requests (group by workload to list the workloads)',
    key: 'traffic.plaintextRps',
    inputs: [],
    measures:
      'Requests per second served without mutual TLS; grouped by workload, the workloads that still receive plaintext, each with its rate (0 where all arrive over mTLS).',
    cannotSee: [
      SERVED_SIDE,
      'Who sends them: a client without a proxy has no identity, so Istio labels its source "unknown".',
    ],
  },
  {
    kind: 'splitServices',
    label: 'Traffic splitting (services)',
    key: 'value.splitServices',
    inputs: [],
    measures:
      'Services whose served requests went to two or more versions in the window (Istio: destination_version per destination_service).',
    cannotSee: [
      'A version is the pod’s version label: pods without one report "unknown" and are not a version of their own.',
      'A service is not a workload (a canary is often a second Deployment behind one Service), so there is no per-workload grouping.',
      'A split the caller’s code makes between two Services shows as two services, not a split.',
    ],
  },
  {
    kind: 'circuitBreaking',
    label: 'Requests ended by circuit breaking (UO)',
    key: 'resilience.circuitBreaking',
    inputs: [],
    measures: 'Requests per second that Envoy ended with response flag UO (upstream overflow: a circuit breaker tripped).',
    cannotSee: [ONE_SIDE, ATTEMPTS, 'Breakers that only eject hosts (outlier detection) end no request with UO.'],
  },
  {
    kind: 'retriesExhausted',
    label: 'Requests that exhausted their retries (URX)',
    key: 'resilience.retriesExhausted',
    inputs: [],
    measures: 'Requests per second that Envoy gave up on after the retry limit (response flag URX).',
    cannotSee: [ONE_SIDE, 'Retries that succeeded leave no flag: the work retries saved is not counted here.'],
  },
  {
    kind: 'timeouts',
    label: 'Requests ended by an upstream timeout (UT)',
    key: 'resilience.timeouts',
    inputs: [],
    measures: 'Requests per second that Envoy ended because the route’s timeout passed (response flag UT, a 504).',
    cannotSee: [ONE_SIDE, 'Timeouts in the application’s own client never reach the proxy’s flags.'],
  },
  {
    kind: 'rateLimited',
    label: 'Requests rate limited (RL)',
    key: 'resilience.rateLimited',
    inputs: [],
    measures: 'Requests per second that Envoy turned away with a rate limit (response flag RL, a 429).',
    cannotSee: [ONE_SIDE, ATTEMPTS, 'A rate limit the application enforces itself answers 429 with no flag.'],
  },
  {
    kind: 'resilienceEvents',
    label: 'Resilience events (UO, URX, UT or RL)',
    key: 'value.resilienceEvents',
    inputs: [],
    measures: 'Requests per second that ended in any of circuit breaking, retries exhausted, upstream timeout or rate limiting.',
    cannotSee: [ONE_SIDE, ATTEMPTS, 'Envoy joins flags with commas ("URX,UF"): a request with two of them counts once.'],
  },
  {
    kind: 'costPerMillionRequests',
    label: 'Cost per million requests',
    key: 'value.costPerMillionRequests',
    inputs: ['pricing'],
    measures:
      'The mesh’s monthly cost (proxies, control plane, node agents) divided by a month of requests at the current rate, per million.',
    cannotSee: [
      'A month at the current rate: a quiet hour makes every request look dear, a busy one cheap. Average over a range to smooth it.',
      PLAIN_TCP,
      'Groups with cost but no requests served (the control plane’s namespace) have no value.',
    ],
  },
];
