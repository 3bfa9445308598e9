/** A FieldSparkline from plain times and values: Sparkline and BigValue read the y range from field state. */
import { FieldType, type FieldSparkline } from '@grafana/data';

export function sparklineOf(times: number[], values: number[]): FieldSparkline {
  const finite = values.filter((v) => Number.isFinite(v));
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return {
    y: { name: 'value', type: FieldType.number, values, config: {}, state: { range: { min, max, delta: max - min } } },
    x: { name: 'time', type: FieldType.time, values: times, config: {} },
  };
}
