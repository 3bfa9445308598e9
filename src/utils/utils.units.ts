/** The model's units as Grafana unit ids, formatted only by @grafana/data's value formats. */
import { formattedValueToString, getValueFormat } from '@grafana/data';
import type { Unit } from '../model/figures';
import { GRAFANA_UNIT } from '../model/units';

/** Counts that are whole by nature: "2 services", never "2.00 services" (seen in the benchmark table). */
const WHOLE: Partial<Record<Unit, number>> = { services: 0 };

/** "unavailable" for missing data: a missing figure is never shown as 0. */
export function formatFigure(value: number | null | undefined, unit: Unit, decimals = WHOLE[unit] ?? 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return 'unavailable';
  }
  return formattedValueToString(getValueFormat(GRAFANA_UNIT[unit])(value, decimals));
}
