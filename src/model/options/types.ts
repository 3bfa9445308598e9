/**
 * The one options contract: what the configuration page stores, the CLI flags and the query builder's draft all
 * resolve to (resolve.ts), and what every figure is built from (figureOptions.ts).
 */
import type { CustomMesh } from '../catalogue';
import type { LatencyMethod } from '../latency';
import type { Prices } from '../pricing';
import type { Basis } from '../resources';

/** auto: OpenCost's node prices when its metrics are present, else the flat rates. */
export type PricingSource = 'auto' | 'flat' | 'opencost';

export interface MeshTaxOptions {
  pricingSource: PricingSource;
  /** The flat rates; hoursPerMonth applies to OpenCost's hourly prices too. */
  prices: Prices;
  /** What a container is billed for: its usage, its requests, or the larger of the two. */
  basis: Basis;
  latency: { method: LatencyMethod; quantile: number; baselineOffset: string };
  /** Workloads serving fewer requests per second than this are idle. */
  idleRps: number;
  /** The rate window of every figure. */
  window: string;
  /**
   * Each figure as its mean over this long before the query's time (a Prometheus duration, e.g. 7d): counters as one
   * rate over the span, gauges and prices through avg_over_time (src/model/average.ts). Absent: the instant value.
   */
  averageOver?: string;
  /** Namespaces left out of every figure (a regex); undefined: none. */
  namespaceExclude?: string;
  /** A proxy container the catalogue does not know, measured as the "custom" mesh. */
  custom?: CustomMesh;
  /** Read CPU and memory from kubernetes-mixin's recording rules instead of cAdvisor. */
  useRecordingRules: boolean;
}

/**
 * The app's saved settings (plugin jsonData) as stored: untrusted, possibly partial or written by an older version.
 * The field names are a contract with every saved configuration; they are also the resolver's field names.
 */
export interface StoredSettings {
  defaultDatasourceUid?: string;
  pricingSource?: PricingSource;
  cpuHourUsd?: number;
  gibHourUsd?: number;
  hoursPerMonth?: number;
  basis?: Basis;
  customContainer?: string;
  namespaceExclude?: string;
  idleRps?: number;
}
