/**
 * Test-only stand-in for Grafana's backend_srv (not on npm): plain fetch() against the host server, errors
 * shaped like Grafana's FetchError. No auth, retries, request cancellation or chunked responses.
 */
import type { BackendSrv, BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { from } from 'rxjs';

export async function request<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
  const params = new URLSearchParams(options.params ?? {}).toString();
  const url = params ? `${options.url}?${params}` : options.url;
  const isJson = options.data !== undefined && !(options.data instanceof URLSearchParams);
  const res = await fetch(url, {
    method: options.method ?? 'GET',
    headers: isJson ? { 'content-type': 'application/json', ...options.headers } : options.headers,
    body: isJson ? JSON.stringify(options.data) : options.data,
  });
  const text = await res.text();
  const data = (text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text) as T;
  if (!res.ok) {
    // Shaped like Grafana's FetchError so callers' `err.status` / `err.data.message` handling works.
    throw { status: res.status, statusText: res.statusText, data, config: options };
  }
  const { headers, ok, redirected, status, statusText, type } = res;
  return { data, headers, ok, redirected, status, statusText, type, url, config: options };
}

export const backendSrv = {
  fetch: <T>(options: BackendSrvRequest) => from(request<T>(options)),
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
