/**
 * Request counters and latency histograms with the label sets Istio, Linkerd and OpenTelemetry really use.
 * Bucket counts are rps * elapsed * CDF(le), so every rate() ratio is exactly the distribution's CDF.
 */
import { during, requestsOf } from './faults';
import { cdf, mean, type Affine } from './latency';
import { BUCKETS, proxyLatency } from './meshes';
import { labels, type Labels, type Series } from './seriesShape';
import { istioSent, istioServed, linkerdServed } from './series-traffic';
import { FIXTURE_START } from './presets';
import type { Cluster, ClusterSpec, LogNormalMs, Pod } from './types';

/** The distribution changes once, at `at` (epoch seconds): what was counted before stays counted as it was. */
interface Change {
  at: number;
  after: Affine;
}

/** A counter that grows by `per` of each request: `before`'s share until the change, `after`'s from then on. */
function split(count: (t: number) => number, before: number, after: number, change?: Change) {
  if (!change) {
    return (t: number) => count(t) * before;
  }
  return (t: number) =>
    t <= change.at ? count(t) * before : count(change.at) * before + (count(t) - count(change.at)) * after;
}

/** Emits _bucket (with +Inf unless `noInf`), _sum and _count for one distribution (or one that changes once). */
function histogram(
  name: string,
  l: Labels,
  bounds: number[],
  d: Affine,
  count: (t: number) => number,
  unitScale = 1,
  noInf = false,
  change?: Change
): Series[] {
  const frac = (x: Affine, le: number) => cdf(x, le * unitScale);
  const buckets = bounds.map((le) => ({
    name: `${name}_bucket`,
    labels: [...l, ['le', String(le)]] as Labels,
    value: split(count, frac(d, le), change ? frac(change.after, le) : 0, change),
  }));
  const inf: Series[] = noInf ? [] : [{ name: `${name}_bucket`, labels: [...l, ['le', '+Inf']], value: count }];
  return [
    ...buckets,
    ...inf,
    {
      name: `${name}_sum`,
      labels: l,
      value: split(count, mean(d) / unitScale, change ? mean(change.after) / unitScale : 0, change),
    },
    { name: `${name}_count`, labels: l, value: count },
  ];
}

/**
 * The client-side proxy's parameters: `now` (after the spec's proxySlowdown, which the harness's evaluation time
 * follows) or `before` it. Without a slowdown both are the mesh's own.
 */
export function clientProxy(spec: ClusterSpec, mesh: 'istio' | 'linkerd', when: 'now' | 'before' = 'now') {
  const p = proxyLatency[mesh].source;
  const add = when === 'now' ? (spec.proxySlowdown?.addMs[mesh] ?? 0) : 0;
  return { shiftMs: p.shiftMs + add, scale: p.scale };
}

/** The client side of one call: its distribution before the slowdown, and the change, if the spec has one. */
function clientSide(cluster: Cluster, mesh: 'istio' | 'linkerd', latency: LogNormalMs) {
  const slow = cluster.spec.proxySlowdown;
  const d = affine(latency, clientProxy(cluster.spec, mesh, 'before'));
  const change = slow?.addMs[mesh]
    ? { at: FIXTURE_START + slow.at, after: affine(latency, clientProxy(cluster.spec, mesh)) }
    : undefined;
  return { d, change };
}

export function affine(base: LogNormalMs, p: { shiftMs: number; scale: number }): Affine {
  return { base, shiftMs: p.shiftMs, scale: p.scale };
}

function istioLabels(
  cluster: Cluster,
  reporter: Pod,
  reporterKind: 'source' | 'destination',
  src: string,
  dst: string
): Labels {
  const ns = reporter.namespace;
  const sa = (w: string) => `spiffe://cluster.local/ns/${ns}/sa/${w}`;
  return labels(cluster, [
    ['connection_security_policy', reporterKind === 'destination' ? 'mutual_tls' : 'unknown'],
    ['destination_app', dst],
    ['destination_canonical_revision', 'latest'],
    ['destination_canonical_service', dst],
    ['destination_cluster', 'Kubernetes'],
    ['destination_principal', sa(dst)],
    ['destination_service', `${dst}.${ns}.svc.cluster.local`],
    ['destination_service_name', dst],
    ['destination_service_namespace', ns],
    ['destination_version', reporterKind === 'destination' ? (reporter.version ?? 'v1') : 'v1'],
    ['destination_workload', dst],
    ['destination_workload_namespace', ns],
    ['instance', `${reporter.uid.slice(0, 8)}:15020`],
    ['job', 'kubernetes-pods'],
    ['namespace', ns],
    ['pod', reporter.pod],
    ['reporter', reporterKind],
    ['request_protocol', 'http'],
    ['response_code', '200'],
    ['response_flags', '-'],
    ['source_app', src],
    ['source_canonical_revision', 'latest'],
    ['source_canonical_service', src],
    ['source_cluster', 'Kubernetes'],
    ['source_principal', sa(src)],
    ['source_version', 'v1'],
    ['source_workload', src],
    ['source_workload_namespace', ns],
  ]);
}

function linkerdLabels(cluster: Cluster, reporter: Pod, direction: 'inbound' | 'outbound', dst: string): Labels {
  const ns = reporter.namespace;
  const pairs: Labels = [
    ['authority', `${dst}.${ns}.svc.cluster.local:8080`],
    ['control_plane_ns', 'linkerd'],
    ['deployment', reporter.workload],
    ['direction', direction],
    ['instance', `${reporter.uid.slice(0, 8)}:4191`],
    ['job', 'linkerd-proxy'],
    ['namespace', ns],
    ['pod', reporter.pod],
    ['status_code', '200'],
    ['tls', 'true'],
  ];
  if (direction === 'outbound') {
    pairs.push(['dst_deployment', dst], ['dst_namespace', ns]);
  }
  return labels(cluster, pairs);
}

/** Istio 1.5+ reports milliseconds; Istio 1.4 (Mixer) reported istio_request_duration_seconds. */
function istioHistogram(
  pod: Pod,
  l: Labels,
  d: Affine,
  count: (t: number) => number,
  noInf: boolean,
  change?: Change
): Series[] {
  return pod.legacyIstio
    ? histogram('istio_request_duration_seconds', l, BUCKETS.istioLegacySeconds, d, count, 1000, noInf, change)
    : histogram('istio_request_duration_milliseconds', l, BUCKETS.istioMs, d, count, 1, noInf, change);
}

function podLatency(cluster: Cluster, pod: Pod): Series[] {
  const out: Series[] = [];
  const noLe = (l: Labels) => l;
  const noInf = !!pod.mesh && !!cluster.spec.faults?.histogramNoInf?.includes(pod.mesh);
  if (pod.mesh === 'istio' && pod.rps > 0 && pod.latency) {
    const l = istioLabels(cluster, pod, 'destination', 'loadgen', pod.workload);
    const count = requestsOf(pod, pod.rps);
    out.push(...istioServed(pod, noLe(l)));
    if (pod.emitsHistograms) {
      out.push(...istioHistogram(pod, l, affine(pod.latency, proxyLatency.istio.destination), count, noInf));
    }
  }
  if (pod.mesh === 'linkerd' && pod.rps > 0 && pod.latency) {
    const l = linkerdLabels(cluster, pod, 'inbound', pod.workload);
    const count = requestsOf(pod, pod.rps);
    out.push(...linkerdServed(pod, l));
    if (pod.emitsHistograms) {
      out.push(
        ...histogram(
          'response_latency_ms',
          l,
          BUCKETS.linkerdMs,
          affine(pod.latency, proxyLatency.linkerd.destination),
          count,
          1,
          noInf
        )
      );
    }
  }
  for (const call of pod.calls) {
    const count = requestsOf(pod, call.rps);
    if (pod.mesh === 'istio') {
      const l = istioLabels(cluster, pod, 'source', pod.workload, call.workload);
      out.push(...istioSent(pod, l, call));
      const { d, change } = clientSide(cluster, 'istio', call.latency);
      out.push(...istioHistogram(pod, l, d, count, noInf, change));
    } else if (pod.mesh === 'linkerd') {
      const l = linkerdLabels(cluster, pod, 'outbound', call.workload);
      out.push({ name: 'request_total', labels: l, value: count });
      const { d, change } = clientSide(cluster, 'linkerd', call.latency);
      out.push(...histogram('response_latency_ms', l, BUCKETS.linkerdMs, d, count, 1, noInf, change));
    }
  }
  if (pod.appHistogram && pod.latency && pod.rps > 0 && pod.emitsHistograms) {
    const l = labels(cluster, [
      ['http_request_method', 'GET'],
      ['http_response_status_code', '200'],
      ['http_route', '/api'],
      ['instance', `${pod.uid.slice(0, 8)}:9464`],
      ['job', `${pod.namespace}/${pod.workload}`],
      ['namespace', pod.namespace],
      ['pod', pod.pod],
    ]);
    out.push(
      ...histogram(
        'http_server_request_duration_seconds',
        l,
        BUCKETS.otelSeconds,
        affine(pod.latency, { shiftMs: 0, scale: 1 }),
        requestsOf(pod, pod.rps),
        1000
      )
    );
  }
  return out;
}

export function latencySeries(cluster: Cluster): Series[] {
  return cluster.pods.flatMap((p) => during(p, podLatency(cluster, p)));
}
