/**
 * The page's time range as Grafana's add-to-dashboard form wants it (a TimeRange whose `raw` it copies into the new
 * dashboard: public/app/features/dashboard-scene/addToDashboard/addToDashboard.ts). Every app page keeps its range
 * in the URL as `from`/`to` (the scene pages sync it there), so that is where it is read.
 */
import { dateMath, dateTime, type DateTime, type TimeRange } from '@grafana/data';

/** The scene pages' default (src/shared/scenes/ScenePage.tsx), used when the URL has no range yet. */
export const DEFAULT_RANGE = { from: 'now-6h', to: 'now' };

function end(text: string, fallback: string, roundUp: boolean): { raw: string | DateTime; value: DateTime } {
  // Epoch milliseconds, as Grafana writes an absolute range into the URL; dashboards store absolute ones as ISO.
  if (/^[0-9]+$/.test(text)) {
    const t = dateTime(Number(text));
    return { raw: t, value: t };
  }
  const value = dateMath.toDateTime(text, { roundUp });
  return value?.isValid() ? { raw: text, value } : end(fallback, fallback, roundUp);
}

export function timeRangeFromSearch(search: URLSearchParams): TimeRange {
  const from = end(search.get('from') ?? DEFAULT_RANGE.from, DEFAULT_RANGE.from, false);
  const to = end(search.get('to') ?? DEFAULT_RANGE.to, DEFAULT_RANGE.to, true);
  return { from: from.value, to: to.value, raw: { from: from.raw, to: to.raw } };
}
