/** Options of the breakdown panel: which query holds which figure, how rows are keyed, sorted and cut. */
export interface BreakdownOptions {
  groupBy: 'namespace' | 'workload';
  sortBy: 'cost' | 'cpu' | 'memory' | 'share';
  topN: number;
  display: 'bars' | 'table';
  /** any: a row for every key any query returns; cost: only the keys the cost query returns (e.g. idle sidecars). */
  rowsFrom: 'any' | 'cost';
  costRefId: string;
  cpuRefId: string;
  memoryRefId: string;
  shareRefId: string;
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
};
