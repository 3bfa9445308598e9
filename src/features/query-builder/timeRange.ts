/** The page's time range from its URL (`from`/`to` as epoch milliseconds or Grafana time, e.g. now-1h), in seconds. */
import { dateMath } from '@grafana/data';

function toSeconds(text: string | null, fallback: string, roundUp: boolean): number {
  const raw = text ?? fallback;
  if (/^[0-9]+$/.test(raw)) {
    return Math.floor(Number(raw) / 1000);
  }
  const parsed = dateMath.toDateTime(raw, { roundUp });
  return parsed?.isValid() ? Math.floor(parsed.valueOf() / 1000) : toSeconds(null, fallback, roundUp);
}

export function timeRangeOf(params: URLSearchParams): { from: number; to: number } {
  return { from: toSeconds(params.get('from'), 'now-1h', false), to: toSeconds(params.get('to'), 'now', true) };
}
