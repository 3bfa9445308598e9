/**
 * Ground truth for the baseline method (issue #18): the client side now minus the client side `offset` earlier, per
 * group, from the generator's own distributions before and after the spec's proxy slowdown. The true added quantile is
 * the slowdown itself at every quantile (a shift moves every quantile by its size); Prometheus's figure is the
 * difference of two interpolations, and the interval comes from the two buckets as for reporter-delta.
 */
import { BUCKETS } from '../../../demo/meshes';
import { mixtureMean, mixtureQuantile, type Part } from '../../../demo/mixture';
import { affine, clientProxy } from '../../../demo/series-latency';
import type { Cluster } from '../../../demo/types';
import type { Grouping } from '../scope';
import { groupKey } from './groupTruth';

export interface BaselineTruth {
  /** The generator's true added quantile: the client's true quantile now minus before. */
  trueAddedMs: number;
  /** What histogram_quantile now minus histogram_quantile before returns on exact bucket counts. */
  promAddedMs: number;
  rangeMs: [number, number];
  meanAddedMs: number;
}

/** Per group key, the client side's calls (labelled with their destination's workload) before and after. */
function clientParts(c: Cluster, mesh: 'istio' | 'linkerd', g: Grouping, when: 'now' | 'before') {
  const proxy = clientProxy(c.spec, mesh, when);
  const out = new Map<string, Part[]>();
  for (const p of c.pods.filter((x) => x.mesh === mesh && !x.histogramsUnread)) {
    for (const call of p.calls) {
      const key = groupKey(c, g, p.namespace, call.workload);
      out.set(key, [...(out.get(key) ?? []), { d: affine(call.latency, proxy), weight: call.rps }]);
    }
  }
  return out;
}

export function baselineByGroup(
  c: Cluster,
  mesh: 'istio' | 'linkerd',
  g: Grouping,
  q: number
): Map<string, BaselineTruth> {
  const bounds = mesh === 'istio' ? BUCKETS.istioMs : BUCKETS.linkerdMs;
  const before = clientParts(c, mesh, g, 'before');
  const out = new Map<string, BaselineTruth>();
  for (const [key, now] of clientParts(c, mesh, g, 'now')) {
    const a = mixtureQuantile(now, q, bounds);
    const b = mixtureQuantile(before.get(key)!, q, bounds);
    out.set(key, {
      trueAddedMs: a.trueMs - b.trueMs,
      promAddedMs: a.promMs - b.promMs,
      rangeMs: [a.lowerMs - b.upperMs, a.upperMs - b.lowerMs],
      meanAddedMs: mixtureMean(now) - mixtureMean(before.get(key)!),
    });
  }
  return out;
}
