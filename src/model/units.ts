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
