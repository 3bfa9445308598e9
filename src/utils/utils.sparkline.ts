/** A FieldSparkline from plain times and values: Sparkline and BigValue read the y range from field state. */
import { FieldType, type FieldSparkline } from '@grafana/data';

/**
 * `fromZero`: the y axis starts at 0 (for costs and shares), so a line that moves a little does not read as a spike
 * across the whole height.
 */
export function sparklineOf(times: number[], values: number[], fromZero = false): FieldSparkline {
  const finite = values.filter((v) => Number.isFinite(v));
  const min = fromZero ? Math.min(0, ...finite) : Math.min(...finite);
  const max = Math.max(...finite);
  return {
    y: { name: 'value', type: FieldType.number, values, config: {}, state: { range: { min, max, delta: max - min } } },
    x: { name: 'time', type: FieldType.time, values: times, config: {} },
  };
}
