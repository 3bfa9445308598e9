/** A quantile added as every app surface writes it: Grafana's ms formatter, with the interval its buckets allow. */
import { addedWithInterval, betweenText, intervalText } from '../model/latencyText';
import { formatFigure } from './utils.units';

// Bucket bounds are mostly whole milliseconds: "150 ms", not "150.00 ms".
const ms = (v: number) => formatFigure(v, 'ms', Number.isInteger(v) ? 0 : 2);

/** "2.44 ms (−150 ms to +150 ms)"; "unavailable" without a value. */
export function formatAdded(value: number | null | undefined, range: readonly [number, number] | null | undefined) {
  return addedWithInterval(value, range, ms);
}

/** "(−150 ms to +150 ms)" alone, for a surface that shows the value in its own place. */
export function formatInterval(range: readonly [number, number] | null | undefined): string | undefined {
  return intervalText(range, ms);
}

/** "between −150 ms and +150 ms", for a sentence. */
export function formatBetween(range: readonly [number, number] | null | undefined): string | undefined {
  return betweenText(range, ms);
}
