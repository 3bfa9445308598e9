/**
 * The overview's report input, from the resolved settings, the time and the page's scope. Pure (no React, no Grafana
 * runtime) so the browser host can build the very same report in node and compare the figures on screen with it.
 */
import type { ReportInput } from '../../model/report';
import type { AppSettings } from '../../model/settings';

/** The page's scope from its cluster and namespace variables, as regexes; undefined means all. */
export interface OverviewScope {
  clusterRegex?: string;
  namespaceInclude?: string;
  /** The data source holds more than one cluster and none is chosen: measure per cluster too. */
  multiCluster?: boolean;
}

/** The Overview's default range (#16 §2): a week, as Kubecost's default window; "monthly" is the mean over it. */
export const OVERVIEW_DEFAULT_RANGE = { from: 'now-7d', to: 'now' };
export const OVERVIEW_DEFAULT_RANGE_SEC = 7 * 24 * 3600;

/**
 * `fromSec`: the start of the page's range. "Monthly" is then the mean over the range (issue #16 §2: a 5-minute rate
 * x 730 h swings with the hour), as the model's `averageOver`; without it, the value at `timeSec`.
 */
export function overviewReportInput(
  settings: AppSettings,
  timeSec: number,
  scope: OverviewScope = {},
  fromSec?: number
): ReportInput {
  const span = fromSec !== undefined && timeSec > fromSec ? `${Math.round(timeSec - fromSec)}s` : undefined;
  return {
    time: timeSec,
    scope: { clusterRegex: scope.clusterRegex, namespaceInclude: scope.namespaceInclude },
    options: span ? { ...settings.options, averageOver: span } : settings.options,
    // Four more queries per mesh: only when there are clusters to tell apart.
    byCluster: !!scope.multiCluster,
  };
}
