/** Every series of a demo cluster, from each exporter's generator (cAdvisor, kube-state-metrics, OpenCost, mesh). */
import { cadvisorSeries } from './series-cadvisor';
import { ksmSeries, opencostSeries } from './series-ksm';
import { latencySeries } from './series-latency';
import type { Series } from './seriesShape';
import type { Cluster } from './types';

// Callers that read or write series take their type and key from here with allSeries.
export { seriesKey, type Series } from './seriesShape';

export function allSeries(cluster: Cluster): Series[] {
  const ksm = cluster.spec.faults?.noKsm ? [] : ksmSeries(cluster);
  return [...cadvisorSeries(cluster), ...ksm, ...opencostSeries(cluster), ...latencySeries(cluster)];
}
