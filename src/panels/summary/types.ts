/** Options of the summary panel: which query (refId) holds which figure, and the cost thresholds. */
export interface SummaryOptions {
  costRefId: string;
  cpuShareRefId: string;
  memoryShareRefId: string;
  latencyRefId: string;
  /** Monthly USD at which the cost turns orange, then red. */
  costWarnUsd: number;
  costCriticalUsd: number;
}

export const DEFAULT_SUMMARY_OPTIONS: SummaryOptions = {
  costRefId: 'cost',
  cpuShareRefId: 'cpuShare',
  memoryShareRefId: 'memoryShare',
  latencyRefId: 'p99Added',
  costWarnUsd: 1000,
  costCriticalUsd: 5000,
};
