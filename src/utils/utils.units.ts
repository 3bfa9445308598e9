/** The model's units as Grafana unit ids, formatted only by @grafana/data's value formats. */
import { formattedValueToString, getValueFormat } from '@grafana/data';
import type { Unit } from '../model/figures';
import { COUNT_UNIT_SINGULAR, GRAFANA_UNIT } from '../model/units';

/**
 * "unavailable" for missing data: a missing figure is never shown as 0. Whole counts (COUNT_UNIT_SINGULAR) show no
 * decimals: "2 services", "1 service", never "2.00 services" (seen in the benchmark table); a mean count keeps them.
 */
export function formatFigure(value: number | null | undefined, unit: Unit, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return 'unavailable';
  }
  const singular = COUNT_UNIT_SINGULAR[unit];
  if (singular && Number.isInteger(value)) {
    return formattedValueToString(getValueFormat(value === 1 ? singular : GRAFANA_UNIT[unit])(value, 0));
  }
  return formattedValueToString(getValueFormat(GRAFANA_UNIT[unit])(value, decimals));
}
