/**
 * Test-only stand-in for Grafana's backend_srv (not on npm): plain fetch() against the host server, errors
 * parsed and shaped like Grafana's (JSON else text; FetchError with `data.message`). No auth, retries, requestId
 * cancellation or chunked responses.
 */
import type { BackendSrv, BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { Observable } from 'rxjs';

/** Like Grafana's parseResponseBody with no responseType: JSON when it parses, else the text (e.g. a body cut short). */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Like Grafana's processRequestError: a text body becomes {message, error: statusText}, `error` is copied to `message`. */
function fetchError(status: number | undefined, statusText: string, body: unknown, options: BackendSrvRequest) {
  let data = (body ?? { message: 'Unexpected error' }) as { message?: unknown; error?: unknown } | string;
  if (typeof data === 'string') {
    data = { message: data, error: statusText };
  }
  if (!data.message && typeof data.error === 'string') {
    data.message = data.error;
  }
  return { status, statusText, data, config: options };
}

export async function request<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
  const params = new URLSearchParams(options.params ?? {}).toString();
  const url = params ? `${options.url}?${params}` : options.url;
  const isJson = options.data !== undefined && !(options.data instanceof URLSearchParams);
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: options.method ?? 'GET',
      headers: isJson ? { 'content-type': 'application/json', ...options.headers } : options.headers,
      body: isJson ? JSON.stringify(options.data) : options.data,
      signal: options.abortSignal,
    });
    text = await res.text();
  } catch (e) {
    // No HTTP answer (connection lost, also mid-body): Grafana passes the TypeError on with data filled in.
    throw Object.assign(e as Error, fetchError(undefined, '', undefined, options));
  }
  const data = parseBody(text) as T;
  if (!res.ok) {
    // Shaped like Grafana's FetchError so callers' `err.status` / `err.data.message` handling works.
    throw fetchError(res.status, res.statusText, data, options);
  }
  const { headers, ok, redirected, status, statusText, type } = res;
  return { data, headers, ok, redirected, status, statusText, type, url, config: options };
}

export const backendSrv = {
  // Unsubscribing aborts the request, as in Grafana (an rxjs timeout in the plugin then cancels it for real).
  fetch: <T>(options: BackendSrvRequest) =>
    new Observable<FetchResponse<T>>((subscriber) => {
      const abort = new AbortController();
      request<T>({ ...options, abortSignal: abort.signal }).then(
        (res) => {
          subscriber.next(res);
          subscriber.complete();
        },
        (err: unknown) => subscriber.error(err)
      );
      return () => abort.abort();
    }),
  datasourceRequest: request,
  request: async <T>(options: BackendSrvRequest) => (await request<T>(options)).data,
  get: async (url: string, params?: Record<string, string>) => (await request({ url, params })).data,
  delete: async (url: string, data?: unknown) => (await request({ url, data, method: 'DELETE' })).data,
  post: async (url: string, data?: unknown) => (await request({ url, data, method: 'POST' })).data,
  put: async (url: string, data?: unknown) => (await request({ url, data, method: 'PUT' })).data,
  patch: async (url: string, data?: unknown) => (await request({ url, data, method: 'PATCH' })).data,
  chunked: () => {
    throw new Error('browser host: chunked requests are not stood in');
  },
} as unknown as BackendSrv;
