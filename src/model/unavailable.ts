/**
 * Why a figure has no value. A figure is a finite number or null with a reason: Prometheus's NaN (0/0,
 * histogram_quantile without +Inf or without requests) and ±Inf (x/0) become null with the likely cause.
 */
import type { Figure } from './figures';
import { metricsOf } from './metrics';

export function unavailableReason(f: Pick<Figure, 'unit' | 'ast'>, result: number | undefined): string {
  const needs = [...metricsOf(f.ast)].join(', ');
  if (result === undefined) {
    return `no data: needs ${needs}`;
  }
  if (f.unit === 'ms') {
    return `unavailable: histogram_quantile gave ${result}, because there were no requests in the window or the histogram has no le="+Inf" bucket (${needs})`;
  }
  if (f.unit === 'vcpuPer1kRps') {
    return `unavailable: no requests in the window, so CPU per 1000 requests is undefined (${result} from ${needs})`;
  }
  return `unavailable: the query gave ${result}, a division by zero (${needs} are 0 in the window)`;
}
