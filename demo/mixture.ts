/** Weighted mixtures of latency distributions: what a `sum by (le)` over several series describes. */
import { cdf, histogramQuantile, mean, quantile, type Affine } from './latency';

export interface Part {
  d: Affine;
  weight: number;
}

export interface QuantileTruth {
  /** The distribution's true quantile, ms. */
  trueMs: number;
  /** What histogram_quantile returns on exact bucket counts, ms. */
  promMs: number;
  /** The bucket the quantile falls in, ms. */
  lowerMs: number;
  upperMs: number;
}

export function mixtureCdf(parts: Part[], ms: number): number {
  const total = parts.reduce((a, p) => a + p.weight, 0);
  return parts.reduce((a, p) => a + p.weight * cdf(p.d, ms), 0) / total;
}

export function mixtureQuantile(parts: Part[], q: number, boundsMs: number[]): QuantileTruth {
  let lo = Math.min(...parts.map((p) => p.d.shiftMs));
  let hi = Math.max(...parts.map((p) => quantile(p.d, 0.99999)));
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mixtureCdf(parts, mid) < q) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  const hq = histogramQuantile(
    boundsMs,
    boundsMs.map((b) => mixtureCdf(parts, b)),
    q
  );
  return { trueMs: (lo + hi) / 2, promMs: hq.value, lowerMs: hq.lower, upperMs: hq.upper };
}

/** The mixture's mean, which rate(_sum) / rate(_count) over its series returns exactly. */
export function mixtureMean(parts: Part[]): number {
  const total = parts.reduce((a, p) => a + p.weight, 0);
  return parts.reduce((a, p) => a + p.weight * mean(p.d), 0) / total;
}
