/**
 * The demo's series: a name, ordered labels, and a value as a pure function of time. The generators
 * (series-cadvisor, series-ksm, series-latency) import this leaf, and series.ts gathers their output, so no module
 * imports one that imports it back.
 */
import type { Cluster } from './types';

export type Labels = Array<[string, string]>;

export interface Series {
  name: string;
  labels: Labels;
  value: (t: number) => number;
  /** Faults only: no samples before `from` or after `until`. */
  from?: number;
  until?: number;
}

/** Drops empty labels (Prometheus treats them as absent) and adds the optional cluster label. */
export function labels(cluster: Cluster, pairs: Labels): Labels {
  const out = pairs.filter(([, v]) => v !== '');
  if (cluster.spec.clusterLabel) {
    out.push(['cluster', cluster.spec.clusterLabel]);
  }
  return out;
}

function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `name{a="b",...}` in the exposition formats' syntax. */
export function seriesKey(s: Pick<Series, 'name' | 'labels'>): string {
  if (s.labels.length === 0) {
    return s.name;
  }
  return `${s.name}{${s.labels.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
}

/** Node i's IP, for instance labels. */
export function nodeIp(cluster: Cluster, node: string): string {
  const i = cluster.nodes.indexOf(node);
  return `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`;
}
