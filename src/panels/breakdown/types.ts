/** Options of the breakdown panel: which query holds which figure, how rows are keyed, sorted and cut. */
export type BreakdownColumn = 'cost' | 'cpu' | 'request' | 'memory' | 'share';

export interface BreakdownOptions {
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
