/**
 * Runs the model's instant queries through Grafana's data source proxy, so the user's own Prometheus
 * (with Grafana's auth and network path) answers them. Errors keep the status and message for the UI.
 */
import { lastValueFrom, throwError, timeout } from 'rxjs';
import { getBackendSrv, getDataSourceSrv } from '@grafana/runtime';
import type { InstantQuery, Sample } from '../model/report';

export class DatasourceQueryError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message);
    this.name = 'DatasourceQueryError';
  }
}

/**
 * Longest wait for one query. Grafana's data source proxy gives up first by default ([dataproxy] timeout, 30 s, a
 * 504); this bounds the wait where that limit was raised or another proxy holds the connection open.
 */
export const QUERY_TIMEOUT_MS = 60_000;

export interface PromBody {
  status: string;
  error?: string;
  errorType?: string;
  warnings?: string[];
  data: { resultType: string; result: any };
}

/** What each status means for someone looking at the page: where the problem is and whether to retry. */
const STATUS_HINTS: Record<number, string> = {
  400: 'Prometheus rejected the query.',
  401: 'Grafana is not authorised to query this data source; check its authentication settings.',
  403: 'This user may not query the data source.',
  404: 'No such data source or Prometheus API path; check the data source URL.',
  422: 'Prometheus could not run the query.',
  429: 'Prometheus is rate-limiting queries; retry in a moment.',
  500: 'Prometheus, or a proxy in front of it, failed.',
  502: 'Grafana could not reach Prometheus, or the connection broke.',
  503: 'Prometheus, or a proxy in front of it, is unavailable or overloaded; retry in a moment.',
  504: "Prometheus did not answer within Grafana's data source proxy timeout ([dataproxy] timeout).",
};

/** Grafana's FetchError carries the body as parsed JSON, as text, or (since Grafana wraps text) as {message, error}. */
function fetchErrorDetail(data: unknown, statusText = ''): string {
  const d = data as { error?: unknown; message?: unknown } | string | undefined;
  const parts = typeof d === 'string' ? [d] : [d?.error, d?.message];
  const texts = parts
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.trim())
    .filter((t) => t !== '' && t !== statusText);
  // Grafana copies `error` into `message`; a text body also arrives as `message` with the status text as `error`.
  return [...new Set(texts)].join(': ').slice(0, 300);
}

export function describeFetchError(e: unknown): DatasourceQueryError {
  if (e instanceof DatasourceQueryError) {
    return e;
  }
  const err = e as { status?: number; statusText?: string; data?: unknown; message?: string };
  if (!err?.status) {
    // No HTTP answer at all: the browser lost the connection, or the request was cancelled.
    const why = err?.message || fetchErrorDetail(err?.data) || 'no response';
    return new DatasourceQueryError(`No answer from the data source (${why}): check that Grafana is reachable.`);
  }
  const detail = fetchErrorDetail(err.data, err.statusText);
  const head = `The data source answered ${err.status}${err.statusText ? ` ${err.statusText}` : ''}`;
  const said = detail ? `: ${detail.replace(/\.$/, '')}` : '';
  const hint = STATUS_HINTS[err.status] ?? '';
  return new DatasourceQueryError(`${head}${said}. ${hint}`.trim(), err.status);
}

/**
 * POSTs a Prometheus API call through Grafana's data source proxy and returns a successful body, or throws a
 * DatasourceQueryError that says what went wrong: an HTTP error, no answer, a timeout or a body that is not
 * Prometheus JSON (e.g. cut short: Grafana then hands over the raw text).
 */
export async function proxyPrometheus(uid: string, api: string, params: Record<string, string>): Promise<PromBody> {
  const timeoutS = QUERY_TIMEOUT_MS / 1000;
  let body: PromBody | string;
  try {
    const res = await lastValueFrom(
      getBackendSrv()
        .fetch<PromBody | string>({
          url: `/api/datasources/proxy/uid/${encodeURIComponent(uid)}/api/v1/${api}`,
          method: 'POST',
          data: new URLSearchParams(params),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          showErrorAlert: false,
        })
        // Unsubscribing cancels the request in Grafana's backend_srv.
        .pipe(
          timeout({
            first: QUERY_TIMEOUT_MS,
            with: () => throwError(() => new DatasourceQueryError(`Prometheus did not answer within ${timeoutS} s.`)),
          })
        )
    );
    body = res.data;
  } catch (e) {
    throw describeFetchError(e);
  }
  if (typeof body !== 'object' || body === null || typeof body.status !== 'string') {
    const start = String(body ?? '').slice(0, 60);
    throw new DatasourceQueryError(
      `The data source answered, but not with Prometheus JSON (cut short, or not Prometheus?)${start ? `: "${start}…"` : ''}.`
    );
  }
  if (body.status !== 'success') {
    throw new DatasourceQueryError(
      `Prometheus error${body.errorType ? ` (${body.errorType})` : ''}: ${body.error ?? 'unknown'}`
    );
  }
  if (!body.data || (!Array.isArray(body.data.result) && body.data.resultType !== 'scalar')) {
    throw new DatasourceQueryError('The data source answered, but the Prometheus JSON has no result.');
  }
  return body;
}

/** `onWarnings` hears Prometheus's `warnings` (e.g. a partial answer from a long-term store); the result stands. */
export function proxyInstantQuery(
  uid: string,
  timeSec: number,
  onWarnings?: (warnings: string[]) => void
): InstantQuery {
  return async (expr: string): Promise<Sample[]> => {
    const body = await proxyPrometheus(uid, 'query', { query: expr, time: String(timeSec) });
    if (body.warnings?.length) {
      onWarnings?.(body.warnings);
    }
    if (body.data.resultType === 'scalar') {
      return [{ metric: {}, value: Number(body.data.result[1]) }];
    }
    return body.data.result.map((r: { metric: Record<string, string>; value: [number, string] }) => ({
      metric: r.metric,
      value: Number(r.value[1]),
    }));
  };
}

/** The configured data source, else the default Prometheus, else the first one. */
export function pickDatasourceUid(preferred?: string): string | undefined {
  const list = getDataSourceSrv().getList({ type: 'prometheus' });
  return (list.find((d) => d.uid === preferred) ?? list.find((d) => d.isDefault) ?? list[0])?.uid;
}

export interface Trend {
  times: number[];
  values: number[];
}

export interface Series extends Trend {
  labels: Record<string, string>;
}

type RangeResult = Array<{ metric: Record<string, string>; values: Array<[number, string]> }>;

/** A range query through the data source proxy at about 120 points (at least 60 s apart), every series kept. */
export async function proxyRange(uid: string, expr: string, startSec: number, endSec: number): Promise<Series[]> {
  const step = Math.max(60, Math.ceil((endSec - startSec) / 120));
  const body = await proxyPrometheus(uid, 'query_range', {
    query: expr,
    start: String(startSec),
    end: String(endSec),
    step: String(step),
  });
  return (body.data.result as RangeResult).map((r) => ({
    labels: r.metric,
    times: r.values.map(([t]) => t * 1000),
    values: r.values.map(([, v]) => Number(v)),
  }));
}

/** A figure's trend over the page's time range: its first series, when it has at least two points. */
export async function proxyTrend(uid: string, expr: string, startSec: number, endSec: number): Promise<Trend | null> {
  const [first] = await proxyRange(uid, expr, startSec, endSec);
  return first && first.values.length >= 2 ? { times: first.times, values: first.values } : null;
}
