/**
 * The histogram bucket a quantile falls in, from the per-`le` rates Prometheus returns. Envoy's default
 * buckets are coarse (…, 50, 100, 250 ms), so "between 100 and 250 ms" is the honest precision.
 */
export interface BucketBounds {
  lowerMs: number;
  upperMs: number;
}

export function bucketOf(rates: Array<{ le: string; value: number }>, q: number, toMs: number): BucketBounds | null {
  const sorted = rates
    .map((r) => ({ le: r.le === '+Inf' ? Infinity : Number(r.le), value: r.value }))
    .filter((r) => !Number.isNaN(r.le))
    .sort((a, b) => a.le - b.le);
  const total = sorted.find((r) => r.le === Infinity)?.value ?? 0;
  if (!(total > 0)) {
    return null;
  }
  let lower = 0;
  for (const r of sorted) {
    if (r.value >= q * total) {
      return { lowerMs: lower * toMs, upperMs: r.le * toMs };
    }
    lower = r.le;
  }
  return null;
}
