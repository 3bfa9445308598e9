/**
 * The options of our three nested panels (src/panels/*): their contract with the dashboards that the model generates
 * (src/model/dashboards.ts sets refIds and defaults from here), so it lives in the model and the panels import it.
 * Changing a field name or a default changes saved dashboards: treat these as a contract.
 */
import type { FigureBasisInfo } from './figureBasis';

/**
 * Every panel may carry the price source and time window its queries use (the generated dashboards set it), shown
 * under the figures by the FigureBasis component; absent, the panel says the queries decide.
 */
export interface WithBasis {
  basis?: FigureBasisInfo;
}

/** The breakdown panel: which query holds which figure, how rows are keyed, sorted and cut. */
export type BreakdownColumn = 'cost' | 'cpu' | 'request' | 'memory' | 'share';

export interface BreakdownOptions extends WithBasis {
  groupBy: 'namespace' | 'workload';
  /** The initial sort; viewers re-sort by clicking a column header. */
  sortBy: BreakdownColumn;
  topN: number;
  display: 'bars' | 'table';
  /** any: a row for every key any query returns; cost: only the keys the cost query returns (e.g. idle sidecars). */
  rowsFrom: 'any' | 'cost';
  costRefId: string;
  cpuRefId: string;
  memoryRefId: string;
  shareRefId: string;
  /** refId of the proxies' requested CPU (cores). */
  requestRefId: string;
  /** Workload rows link to the app's workload page. */
  drilldown: boolean;
  /** The mesh id the links carry; empty takes the dashboard's `mesh` variable. */
  drilldownMesh: string;
}

export const DEFAULT_BREAKDOWN_OPTIONS: BreakdownOptions = {
  groupBy: 'namespace',
  sortBy: 'cost',
  topN: 10,
  display: 'bars',
  rowsFrom: 'any',
  costRefId: 'cost',
  cpuRefId: 'cpu',
  memoryRefId: 'memory',
  shareRefId: 'share',
  requestRefId: 'request',
  drilldown: true,
  drilldownMesh: '',
};

/** The summary panel: which query (refId) holds which figure, and the cost thresholds. */
export interface SummaryOptions extends WithBasis {
  costRefId: string;
  cpuShareRefId: string;
  memoryShareRefId: string;
  latencyRefId: string;
  /** The interval that holds the true p99 added (issue #18): refIds of its lower and upper ends, in ms. */
  latencyLowRefId?: string;
  latencyHighRefId?: string;
  /** The exact mean added, in ms; shown only when the panel has a query with this refId. */
  meanAddedRefId?: string;
  /**
   * What the mesh does (issue #17): mTLS coverage (0-1), services splitting traffic, resilience events (req/s).
   * Optional, so panels saved before them keep working; shown only when the panel has a query with the refId.
   */
  mtlsShareRefId?: string;
  splitServicesRefId?: string;
  resilienceEventsRefId?: string;
  /** Monthly USD at which the cost turns orange, then red. */
  costWarnUsd: number;
  costCriticalUsd: number;
}

/**
 * The value figures' refIds when a panel sets none. Kept out of DEFAULT_SUMMARY_OPTIONS so that dashboards written
 * before them stay as they are; a dashboard that wants them sets its own (e.g. `${mesh}.mtlsShare`).
 */
export const DEFAULT_SUMMARY_VALUE_REFIDS = {
  mtlsShareRefId: 'mtlsShare',
  splitServicesRefId: 'splitServices',
  resilienceEventsRefId: 'resilienceEvents',
} as const;

export const DEFAULT_SUMMARY_OPTIONS: SummaryOptions = {
  costRefId: 'cost',
  cpuShareRefId: 'cpuShare',
  memoryShareRefId: 'memoryShare',
  latencyRefId: 'p99Added',
  costWarnUsd: 1000,
  costCriticalUsd: 5000,
};

/**
 * The summary panel's latency refIds when its options leave them unset (issue #18): the p99 added's interval and the
 * mean added. Kept out of DEFAULT_SUMMARY_OPTIONS so that dashboards saved without them stay as they are; a dashboard
 * that adds these queries needs no option.
 */
export const SUMMARY_LATENCY_REFS = { low: 'p99AddedLower', high: 'p99AddedUpper', mean: 'meanAdded' } as const;

/** The comparison panel. Queries are matched by refId `<mesh id>.<column>` (see model/comparison.ts). */
export interface ComparisonOptions extends WithBasis {
  /** Hide meshes whose queries all returned nothing: a mesh that is not there is never reported. */
  hideAbsent: boolean;
  showPodShare: boolean;
}

export const DEFAULT_COMPARISON_OPTIONS: ComparisonOptions = { hideAbsent: true, showPodShare: true };
