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

/** "(−150 ms to +150 ms)", or undefined without an interval. */
export function intervalText(range: readonly [number, number] | null | undefined, fmt: FormatMs): string | undefined {
  return range ? `(${signedMs(range[0], fmt)} to ${signedMs(range[1], fmt)})` : undefined;
}

export function isUnresolved(value: number | null | undefined, range: readonly [number, number] | null | undefined) {
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

/** "these buckets can't resolve it" with what to do, or undefined when the interval is narrow enough. */
export function unresolvedText(
  meshId: string,
  value: number | null | undefined,
  range: readonly [number, number] | null | undefined
): string | undefined {
  return isUnresolved(value, range)
    ? `These buckets can't resolve it: the true value lies anywhere in the interval. ${finerBucketsHint(meshId)}`
    : undefined;
}

/** "2.44 ms (−150 ms to +150 ms)"; "unavailable" without a value, the value alone without an interval. */
export function addedWithInterval(
  value: number | null | undefined,
  range: readonly [number, number] | null | undefined,
  fmt: FormatMs
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return 'unavailable';
  }
  const interval = intervalText(range, fmt);
  return interval ? `${fmt(value)} ${interval}` : fmt(value);
}
