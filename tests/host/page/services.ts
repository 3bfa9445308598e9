/**
 * Test-only stand-ins for Grafana's query path. Grafana's real backend_srv, data source registry, template
 * service and Prometheus data source are not on npm; these minimal versions are backed by a real Prometheus
 * (reached through the host server's /api/datasources/proxy/uid/<uid>/ route), so panels and scenes get real
 * DataFrames. They are NOT Grafana: no caching, no /api/ds/query, no query splitting, no exemplars.
 */
import {
  createDataFrame,
  DataSourceApi,
  type DataFrame,
  type DataQuery,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  FieldType,
  LoadingState,
  type ScopedVars,
} from '@grafana/data';
import {
  type BackendSrv,
  type BackendSrvRequest,
  type FetchResponse,
  setBackendSrv,
  setDataSourceSrv,
  setRunRequest,
  setTemplateSrv,
} from '@grafana/runtime';
import { catchError, from, map, of } from 'rxjs';
import { PROM_UID, type PromTarget } from '../types';

type HostPromQuery = DataQuery & PromTarget;

interface PromSeries {
  metric: Record<string, string>;
  values?: Array<[number, string]>;
  value?: [number, string];
}

export const promSettings = {
  id: 1,
  uid: PROM_UID,
  name: 'Prometheus',
  type: 'prometheus',
  access: 'proxy',
  url: `/api/datasources/proxy/uid/${PROM_UID}`,
  isDefault: true,
  readOnly: true,
  jsonData: { timeInterval: '15s' },
  meta: { id: 'prometheus', name: 'Prometheus', type: 'datasource', module: '', baseUrl: '', info: { logos: {} } },
} as unknown as DataSourceInstanceSettings;

async function request<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
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

const backendSrv = {
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

/** `$name`, `${name}`, `${name:format}`, `[[name]]` from scoped vars only (no dashboard variables here). */
export function interpolate(target = '', scopedVars: ScopedVars = {}): string {
  return target.replace(/\$(\w+)|\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]/g, (match, a, b, c) => {
    const value = scopedVars[a ?? b ?? c]?.value;
    if (value === undefined || value === null) {
      return match;
    }
    return Array.isArray(value) ? `(${value.join('|')})` : String(value);
  });
}

class HostPrometheus extends DataSourceApi<HostPromQuery> {
  constructor() {
    super(promSettings);
  }

  async query(req: DataQueryRequest<HostPromQuery>): Promise<DataQueryResponse> {
    const start = req.range.from.unix();
    const end = req.range.to.unix();
    // Like Grafana: step from the interval, never below the 15 s scrape interval; $__rate_interval = max(4x scrape, step + scrape).
    const step = Math.max(15, Math.round(req.intervalMs / 1000) || Math.ceil((end - start) / 500));
    const vars: ScopedVars = {
      ...req.scopedVars,
      __interval: { text: `${step}s`, value: `${step}s` },
      __rate_interval: { text: '', value: `${Math.max(60, step + 15)}s` },
      __range: { text: '', value: `${end - start}s` },
    };
    const targets = req.targets.filter((t) => !t.hide && t.expr);
    const frames = await Promise.all(
      targets.map(async (t) => {
        const expr = interpolate(t.expr, vars);
        const params: Record<string, string> = t.instant
          ? { query: expr, time: String(end) }
          : { query: expr, start: String(start), end: String(end), step: String(step) };
        const url = `${promSettings.url}/api/v1/${t.instant ? 'query' : 'query_range'}`;
        const res = await request<{ data: { result: PromSeries[] } }>({ url, params });
        return res.data.data.result.map((s) => toFrame(s, t, expr, step));
      })
    );
    return { data: frames.flat() };
  }

  async testDatasource() {
    return { status: 'success', message: 'browser host Prometheus stand-in' };
  }
}

function toFrame(series: PromSeries, target: HostPromQuery, expr: string, step: number): DataFrame {
  const samples = series.values ?? (series.value ? [series.value] : []);
  const legend = target.legendFormat?.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, l: string) => series.metric[l] ?? '');
  return createDataFrame({
    refId: target.refId,
    name: legend,
    meta: { executedQueryString: expr },
    fields: [
      { name: 'Time', type: FieldType.time, values: samples.map(([t]) => t * 1000), config: { interval: step * 1000 } },
      {
        name: 'Value',
        type: FieldType.number,
        values: samples.map(([, v]) => Number(v)),
        labels: series.metric,
        config: legend ? { displayNameFromDS: legend } : {},
      },
    ],
  });
}

export const hostPrometheus = new HostPrometheus();

export function installServices(): void {
  setBackendSrv(backendSrv);
  setTemplateSrv({
    getVariables: () => [],
    replace: (target, scopedVars) => interpolate(target, scopedVars),
    containsTemplate: (target) => /\$\w|\$\{|\[\[/.test(target ?? ''),
    updateTimeRange: () => {},
  });
  setDataSourceSrv({
    get: async () => hostPrometheus,
    getList: () => [promSettings],
    getInstanceSettings: () => promSettings,
    reload: () => {},
    registerRuntimeDataSource: () => {},
  });
  setRunRequest((ds, req) =>
    from(ds.query(req)).pipe(
      map((res) => ({ state: LoadingState.Done, series: res.data, errors: res.errors, request: req, timeRange: req.range })),
      catchError((err: unknown) =>
        of({ state: LoadingState.Error, series: [], error: { message: errorMessage(err) }, timeRange: req.range })
      )
    )
  );
}

export function errorMessage(err: unknown): string {
  const e = err as { data?: { error?: string; message?: string }; message?: string };
  return e?.data?.error ?? e?.data?.message ?? e?.message ?? String(err);
}
