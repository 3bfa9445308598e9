/** Turning what Grafana hands back on a failed query into a message a user can act on: where, and whether to retry. */
import type { DataQueryError } from '@grafana/data';

export class DatasourceQueryError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message);
    this.name = 'DatasourceQueryError';
  }
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

const answered = (head: string, said: string, status: number) =>
  new DatasourceQueryError(
    `${head}${said ? `: ${said.replace(/\.$/, '')}` : ''}. ${STATUS_HINTS[status] ?? ''}`.trim(),
    status
  );

const noAnswer = (why: string) =>
  new DatasourceQueryError(`No answer from the data source (${why}): check that Grafana is reachable.`);

/** A failure of the whole request (Grafana's FetchError, or no HTTP answer at all). */
export function describeFetchError(e: unknown): DatasourceQueryError {
  if (e instanceof DatasourceQueryError) {
    return e;
  }
  const err = e as { status?: number; statusText?: string; data?: unknown; message?: string };
  if (!err?.status) {
    // No HTTP answer at all: the browser lost the connection, or the request was cancelled.
    return noAnswer(err?.message || fetchErrorDetail(err?.data) || 'no response');
  }
  const head = `The data source answered ${err.status}${err.statusText ? ` ${err.statusText}` : ''}`;
  return answered(head, fetchErrorDetail(err.data, err.statusText), err.status);
}

/** The browser's own words for a request that got no answer. */
const NO_ANSWER = /failed to fetch|network ?error|load failed|aborted/i;

/**
 * One query's error, as the data source reports it per refId ({refId, message, status}: toDataQueryResponse in
 * @grafana/runtime). The message may already start with the status line ("504 Gateway Timeout: …").
 */
export function describeQueryError(e: DataQueryError): DatasourceQueryError {
  const message = (e.message ?? e.data?.message ?? e.data?.error ?? '').trim();
  if (!e.status) {
    return NO_ANSWER.test(message)
      ? noAnswer(message)
      : new DatasourceQueryError(`The data source could not answer: ${message || 'unknown error'}.`);
  }
  const status = String(e.status);
  if (message.startsWith(status)) {
    const [line, ...rest] = message.split(': ');
    return answered(`The data source answered ${line}`, rest.join(': '), e.status);
  }
  return answered(`The data source answered ${status}${e.statusText ? ` ${e.statusText}` : ''}`, message, e.status);
}
