/** The model's units as Grafana unit ids, formatted only by @grafana/data's value formats. */
import { formattedValueToString, getValueFormat } from '@grafana/data';
import type { Unit } from '../model/figures';

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
};

/** "unavailable" for missing data: a missing figure is never shown as 0. */
export function formatFigure(value: number | null | undefined, unit: Unit, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return 'unavailable';
  }
  return formattedValueToString(getValueFormat(GRAFANA_UNIT[unit])(value, decimals));
}
