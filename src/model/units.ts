/** The model's units as Grafana unit ids: one map for the app's formatting and the generated dashboards. */
import type { Unit } from './figures';

export const GRAFANA_UNIT: Record<Unit, string> = {
  cores: 'suffix: cores',
  bytes: 'bytes',
  percentunit: 'percentunit',
  currencyUSD: 'currencyUSD',
  ms: 'ms',
  reqps: 'reqps',
  pods: 'suffix: pods',
  nodes: 'suffix: nodes',
  vcpuPer1kRps: 'suffix: vCPU per 1k rps',
  services: 'suffix: services',
  eventsps: 'reqps',
};

/**
 * Units that count whole things. An integer count shows no decimals ("1 service", not "1.00 services"); a mean over a
 * range (19.5 pods) keeps them. The singular, for exactly one, as a Grafana unit id too.
 */
export const COUNT_UNIT_SINGULAR: Partial<Record<Unit, string>> = {
  pods: 'suffix: pod',
  services: 'suffix: service',
};
