/**
 * The duration grammar Grafana applies to an alert rule's `for` (and a rule group's interval): Prometheus's
 * `model.ParseDuration` (prometheus/common model/time.go), which Grafana calls from the provisioning API's JSON
 * decoding and from file provisioning (pkg/services/provisioning/alerting/rules_types.go). Units run from largest to
 * smallest, each at most once, integers only; "0" alone needs no unit. Grafana has no `$__interval` here: a macro
 * is a 400. The window of a PromQL range is a different grammar (see promql/escape.ts).
 */
const PROM_DURATION =
  /^(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?$/;
const UNIT_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];
/** Go's time.Duration is int64 nanoseconds (2^63 - 1 ns, in whole ms): newer prometheus/common refuses anything longer ("out of range"). */
const MAX_MS = 9_223_372_036_854;

/** Milliseconds, or why the text is not a duration Grafana accepts. */
export function parsePromDuration(text: string): { ms: number } | { error: string } {
  if (text === '0') {
    return { ms: 0 };
  }
  if (text === '') {
    return { error: 'is empty; write a duration such as 5m or 1h30m (or 0)' };
  }
  const m = PROM_DURATION.exec(text);
  if (!m) {
    const hint = /\$/.test(text)
      ? 'Grafana does not expand variables such as $__interval here'
      : 'units go from largest to smallest, each once: y, w, d, h, m, s, ms (for example 1h30m)';
    return { error: `is not a Prometheus duration: ${hint}` };
  }
  const ms = m.slice(1).reduce((sum, n, i) => sum + (n ? Number(n) * UNIT_MS[i] : 0), 0);
  return ms > MAX_MS ? { error: 'is longer than Grafana can store (about 292 years)' } : { ms };
}
