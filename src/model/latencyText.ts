/**
 * How a quantile added is written wherever it appears (issue #18): the value with the interval its buckets allow,
 * "2.4 ms (−150 ms to +150 ms)", and a plain warning when the interval is far wider than the value. Each surface
 * passes its own unit formatter (Grafana's in the app, Intl in the CLI), so numbers read the same everywhere.
 */

/** Wider than this many times the value (or than 1 ms when the value is about 0): the buckets cannot resolve it. */
export const UNRESOLVED_FACTOR = 10;

const MINUS = '\u2212';

export type FormatMs = (ms: number) => string;

/** "+150 ms" / "−150 ms" / "0 ms": the sign always shown, so an interval reads as a span around zero. */
export function signedMs(ms: number, fmt: FormatMs): string {
  if (ms === 0 || Object.is(ms, -0)) {
    return fmt(0);
  }
  return `${ms < 0 ? MINUS : '+'}${fmt(Math.abs(ms))}`;
}

type Range = readonly [number, number] | null | undefined;

/** "−150 ms to +150 ms", bare, for a surface that brackets or words it its own way. */
export function intervalSpan(range: Range, fmt: FormatMs): string | undefined {
  return range ? `${signedMs(range[0], fmt)} to ${signedMs(range[1], fmt)}` : undefined;
}

/** "(−150 ms to +150 ms)", or undefined without an interval. */
export function intervalText(range: Range, fmt: FormatMs): string | undefined {
  return range ? `(${intervalSpan(range, fmt)})` : undefined;
}

/** "between −150 ms and +150 ms": the interval inside a sentence. */
export function betweenText(range: Range, fmt: FormatMs): string | undefined {
  return range ? `between ${signedMs(range[0], fmt)} and ${signedMs(range[1], fmt)}` : undefined;
}

/** True when some quantile added is smaller than a lower one's (e.g. p99 added below p50 added). */
export function fallsAsPRises(values: ReadonlyArray<number | null | undefined>): boolean {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return known.some((v, i) => i > 0 && v < known[i - 1]);
}

/** Why a higher quantile can add less than a lower one: said where it happens (issue #18 §4), after "because". */
export const FALLS_AS_P_RISES =
  'each quantile added is the difference of two distributions (the client side’s quantile minus the server ' +
  'side’s), not a quantile of the per-request differences, and each side is interpolated inside its own bucket.';

export function isUnresolved(value: number | null | undefined, range: Range) {
  if (!range || value === null || value === undefined || !Number.isFinite(value)) {
    return false;
  }
  return range[1] - range[0] > UNRESOLVED_FACTOR * Math.max(Math.abs(value), 1);
}

/** How to get buckets fine enough, per mesh: Istio reads a pod annotation; Linkerd's proxy buckets are fixed. */
export function finerBucketsHint(meshId: string): string {
  switch (meshId) {
    case 'istio':
      return (
        'For finer buckets, annotate the pods with sidecar.istio.io/statsHistogramBuckets, e.g. ' +
        '\'{"istiocustom":[1,2,5,10,15,20,30,50,75,100,150,200,300,500]}\'; the mean added is exact meanwhile.'
      );
    case 'linkerd':
      return (
        "Linkerd's proxy buckets are fixed and cannot be configured: rely on the mean added, which is exact, or " +
        'narrow to one workload whose two sides share a bucket less often.'
      );
    default:
      return 'Configure finer histogram buckets in the proxy; the mean added is exact meanwhile.';
  }
}

/** What to say, and do, about an interval far wider than its value; shown once per mesh where several rows need it. */
export function unresolvedAdvice(meshId: string): string {
  return `These buckets can't resolve it: the true value lies anywhere in the interval. ${finerBucketsHint(meshId)}`;
}

/** "these buckets can't resolve it" with what to do, or undefined when the interval is narrow enough. */
export function unresolvedText(meshId: string, value: number | null | undefined, range: Range): string | undefined {
  return isUnresolved(value, range) ? unresolvedAdvice(meshId) : undefined;
}

/** "2.44 ms (−150 ms to +150 ms)"; "unavailable" without a value, the value alone without an interval. */
export function addedWithInterval(value: number | null | undefined, range: Range, fmt: FormatMs): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return 'unavailable';
  }
  const interval = intervalText(range, fmt);
  return interval ? `${fmt(value)} ${interval}` : fmt(value);
}
