/**
 * Data faults: restarted proxies, churning and deleted pods, histograms without +Inf, Istio 1.4 proxies, an idle
 * cluster and a missing kube-state-metrics. The generator side (applyFaults, counterOf, during) and the truth side
 * (seenAt: what Prometheus 2.x sees at T, with rate()'s extrapolation and the 5-minute look-back) sit together so
 * that they cannot drift apart. A cluster without faults passes through every function unchanged.
 */
import { suffix, uid, unit } from './names';
import { FIXTURE_START } from './presets';
import type { Series } from './seriesShape';
import { cpuCounter, requestCounter, running, workingSet } from './signals';
import type { Cluster, ClusterSpec, Pod } from './types';

/** Prometheus's default look-back: an instant selector sees a series' last sample up to 5 minutes old. */
export const LOOKBACK_SEC = 300;

const ref = (p: Pod) => `${p.namespace}/${p.workload}`;

function replacement(p: Pod, from: number): Pod {
  const seed = `${p.namespace}/${p.pod}/replaced`;
  return {
    ...p,
    pod: `${p.workload}-${suffix(`${p.namespace}/${p.workload}/rs2`, 10)}-${suffix(seed, 5)}`,
    uid: uid(seed),
    from,
    until: undefined,
    containers: p.containers.map((c) => ({ ...c, phase: unit(`${seed}/${c.name}`) })),
  };
}

export function applyFaults(spec: ClusterSpec, pods: Pod[]): Pod[] {
  const f = spec.faults;
  if (!f) {
    return pods;
  }
  const at = (s: number) => FIXTURE_START + s;
  return pods.flatMap((p): Pod[] => {
    const pod: Pod = { ...p };
    if (f.counterResets?.workloads.includes(ref(p))) {
      pod.proxyRestartAt = at(f.counterResets.at);
    }
    if (f.stale?.workloads.includes(ref(p))) {
      pod.until = at(f.stale.at);
    }
    if (f.idleFrom !== undefined) {
      pod.trafficUntil = at(f.idleFrom);
    }
    if (p.mesh === 'istio' && f.legacyIstioNamespaces?.includes(p.namespace)) {
      pod.legacyIstio = true;
      pod.containers = p.containers.map((c) =>
        c.mesh === 'istio' ? { ...c, image: c.image.replace(/:[^:]+$/, ':1.4.8') } : c
      );
    }
    if (f.churn?.workloads.includes(ref(p))) {
      if (p.workloadKind !== 'Deployment') {
        throw new Error(`churn: ${ref(p)} is a ${p.workloadKind}; only Deployments are replaced`);
      }
      const c = at(f.churn.at);
      return [{ ...pod, until: c }, replacement(pod, c + spec.scrapeIntervalSec)];
    }
    return [pod];
  });
}

/** A counter as the pod's series carry it: from 0 when the pod starts, and from 0 again after a proxy restart. */
export function counterOf(pod: Pod, f: (t: number) => number, restartsWithProxy: boolean): (t: number) => number {
  const restart = restartsWithProxy ? pod.proxyRestartAt : undefined;
  if (pod.from === undefined && restart === undefined) {
    return f;
  }
  // The sample at the restart itself was scraped just before it: the old total.
  return (t) => {
    const zero = restart !== undefined && t > restart ? restart : pod.from;
    return zero === undefined ? f(t) : f(t) - f(zero);
  };
}

/** A request counter: flat once traffic stops, reset with the proxy. */
export function requestsOf(pod: Pod, rps: number): (t: number) => number {
  const stop = pod.trafficUntil;
  const raw =
    stop === undefined ? (t: number) => requestCounter(rps, t) : (t: number) => requestCounter(rps, Math.min(t, stop));
  return counterOf(pod, raw, true);
}

/** The pod's series exist only while the pod does. */
export function during(pod: Pod, series: Series[]): Series[] {
  if (pod.from === undefined && pod.until === undefined) {
    return series;
  }
  return series.map((s) => ({ ...s, from: pod.from, until: pod.until }));
}

export function alive(pod: Pod, t: number): boolean {
  return (pod.from === undefined || t >= pod.from) && (pod.until === undefined || t <= pod.until);
}

/**
 * Prometheus 2.x `rate()` over the samples on the scrape grid in [t-w, t] (2.42 closes both ends), including its
 * extrapolation towards the window's edges and counter-reset correction. undefined: fewer than two samples.
 */
export function promRate(v: (t: number) => number, first: number, last: number, t: number, w: number, step: number) {
  const ts: number[] = [];
  for (let g = first; g <= last; g += step) {
    ts.push(g);
  }
  if (ts.length < 2) {
    return undefined;
  }
  const vals = ts.map(v);
  let result = vals[vals.length - 1] - vals[0];
  for (let i = 1; i < vals.length; i++) {
    if (vals[i] < vals[i - 1]) {
      result += vals[i - 1];
    }
  }
  const sampled = ts[ts.length - 1] - ts[0];
  const avg = sampled / (ts.length - 1);
  let toStart = ts[0] - (t - w);
  const toEnd = t - ts[ts.length - 1];
  if (result > 0 && vals[0] >= 0) {
    toStart = Math.min(toStart, sampled * (vals[0] / result));
  }
  const edge = (d: number) => (d < avg * 1.1 ? d : avg / 2);
  return (result * ((sampled + edge(toStart) + edge(toEnd)) / sampled)) / w;
}

/** The scrape-grid samples of a pod inside [t-w, t]. */
function window(pod: Pod, t: number, w: number, step: number): { first: number; last: number } {
  const onGrid = (x: number) => FIXTURE_START + Math.ceil((x - FIXTURE_START) / step) * step;
  const first = onGrid(Math.max(pod.from ?? -Infinity, t - w));
  const last = Math.min(pod.until ?? t, t);
  return { first, last: last - ((last - FIXTURE_START) % step) };
}

/**
 * The cluster as Prometheus sees it at T: pods whose last sample is more than the look-back old are gone; pods
 * that start or stop inside the rate window get rate()'s extrapolated CPU and request rates and their last memory
 * sample. Restarted proxies need nothing: rate() corrects the reset exactly.
 */
export function seenAt(cluster: Cluster, t: number, w: number): Cluster {
  const f = cluster.spec.faults;
  if (!f) {
    return cluster;
  }
  const step = cluster.spec.scrapeIntervalSec;
  const noInf = new Set(f.histogramNoInf ?? []);
  const pods = cluster.pods
    .filter((p) => (p.from ?? -Infinity) <= t && Math.min(p.until ?? t, t) > t - LOOKBACK_SEC)
    .map((p): Pod => {
      const { first, last } = window(p, t, w, step);
      const rateOf = (v: (x: number) => number) => {
        const r = promRate(v, first, last, t, w, step);
        if (r === undefined) {
          throw new Error(`faults: ${p.pod} has fewer than 2 samples in the window; move the fault time`);
        }
        return r;
      };
      const partial = p.from !== undefined || p.until !== undefined;
      const traffic = partial || p.trafficUntil !== undefined;
      return {
        ...p,
        rps: traffic && p.rps > 0 ? rateOf(requestsOf(p, p.rps)) : p.rps,
        calls: p.calls.map((c) => (traffic ? { ...c, rps: rateOf(requestsOf(p, c.rps)) } : c)).filter((c) => c.rps > 0),
        histogramsUnread: p.legacyIstio || (!!p.mesh && noInf.has(p.mesh)),
        containers: partial
          ? p.containers.map((c) =>
              running(c)
                ? {
                    ...c,
                    seen: {
                      cpu: rateOf(counterOf(p, (x) => cpuCounter(c.cpuCores, c.phase, x), c.role === 'sidecar')),
                      mem: workingSet(c.memoryBytes, c.phase, last),
                    },
                  }
                : c
            )
          : p.containers,
      };
    });
  return { ...cluster, pods };
}
