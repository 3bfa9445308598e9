/**
 * Latency distributions of the demo and the exact arithmetic Prometheus applies to them.
 * Each observed latency is affine in the app's log-normal latency X: L = shiftMs + scale * X.
 * That keeps CDFs and quantiles closed-form, so ground truth needs no sampling.
 */
import type { LogNormalMs } from './types';

export interface Affine {
  base: LogNormalMs;
  shiftMs: number;
  scale: number;
}

// Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): ample for bucket fractions.
function erf(x: number): number {
  const s = Math.sign(x);
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}

export function cdf(d: Affine, ms: number): number {
  const x = (ms - d.shiftMs) / d.scale;
  if (x <= 0) {
    return 0;
  }
  const z = (Math.log(x) - Math.log(d.base.medianMs)) / d.base.sigma;
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

/** The true quantile, by bisection on the CDF. */
export function quantile(d: Affine, q: number): number {
  let lo = d.shiftMs;
  let hi = d.shiftMs + d.scale * d.base.medianMs * Math.exp(8 * d.base.sigma);
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(d, mid) < q) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) / 2;
}

/** Mean of the distribution, for histogram _sum. */
export function mean(d: Affine): number {
  return d.shiftMs + d.scale * d.base.medianMs * Math.exp((d.base.sigma * d.base.sigma) / 2);
}

/**
 * What histogram_quantile returns for cumulative fractions `fractions` (same order as `bounds`, +Inf implied 1):
 * linear interpolation inside the bucket holding rank q, the lowest bucket starting at 0.
 */
export function histogramQuantile(
  bounds: number[],
  fractions: number[],
  q: number
): { value: number; lower: number; upper: number } {
  let prevBound = 0;
  let prevFrac = 0;
  for (let i = 0; i < bounds.length; i++) {
    if (fractions[i] >= q) {
      const width = fractions[i] - prevFrac;
      const value = width <= 0 ? bounds[i] : prevBound + ((bounds[i] - prevBound) * (q - prevFrac)) / width;
      return { value, lower: prevBound, upper: bounds[i] };
    }
    prevBound = bounds[i];
    prevFrac = fractions[i];
  }
  // Rank falls in +Inf: Prometheus returns the highest finite bound.
  return { value: prevBound, lower: prevBound, upper: Infinity };
}
