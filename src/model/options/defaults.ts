/**
 * The one set of defaults: the configuration page, the CLI, the query builder, the scenes, the rules and the
 * dashboards all start from these.
 */
import type { MeshTaxOptions } from './types';

/**
 * A week, not a day: a week ago is the same weekday and hour, so daily and weekly traffic cycles cancel out of the
 * comparison (a day ago compares a Monday with a Sunday). It is also the CLI's documented `--baseline-offset` default
 * and the offset the shipped rules file was generated with; the scenes alone used a day before.
 */
export const DEFAULT_BASELINE_OFFSET = '1w';

export const DEFAULT_OPTIONS: MeshTaxOptions = {
  pricingSource: 'auto',
  // The article's flat rates: $0.04 per vCPU-hour and $0.005 per GiB-hour, over 730 hours a month.
  prices: { cpuHourUsd: 0.04, gibHourUsd: 0.005, hoursPerMonth: 730 },
  basis: 'usage',
  latency: { method: 'reporter-delta', quantile: 0.99, baselineOffset: DEFAULT_BASELINE_OFFSET },
  idleRps: 1,
  window: '5m',
  useRecordingRules: false,
};
