import { useEffect, useState } from 'react';
import type { Sample } from '../../model/report';
import { dsInstantQuery, dsRange, type Series } from '../../services/prometheus';

export type PreviewState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'done'; samples: Sample[]; series: Series[] };

/** Runs the query at `to` (instant) and over from..to (range); results are keyed by their inputs. */
export function usePreview(
  uid: string | undefined,
  expr: string | undefined,
  from: number,
  to: number,
  attempt: number
) {
  const key = `${uid}|${expr}|${from}|${to}|${attempt}`;
  const [result, setResult] = useState<{ key: string; value: PreviewState } | undefined>();
  useEffect(() => {
    if (!uid || !expr) {
      return;
    }
    let cancelled = false;
    Promise.all([dsInstantQuery(uid, to)(expr), dsRange(uid, expr, from, to)])
      .then(([samples, series]) => !cancelled && setResult({ key, value: { state: 'done', samples, series } }))
      .catch((e: Error) => !cancelled && setResult({ key, value: { state: 'error', message: e.message } }));
    return () => {
      cancelled = true;
    };
  }, [uid, expr, from, to, key]);
  if (!uid || !expr) {
    return { state: 'idle' } as PreviewState;
  }
  return result?.key === key ? result.value : ({ state: 'loading' } as PreviewState);
}

/** The value after `ms` without changes, so typing a regex does not query on every key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
