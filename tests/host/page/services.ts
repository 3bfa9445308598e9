/**
 * Test-only stand-ins for Grafana's query path. Grafana's real backend_srv, data source registry, template
 * service and Prometheus data source are not on npm; these minimal versions are backed by a real Prometheus
 * (reached through the host server's /api/datasources/proxy/uid/<uid>/ route), so panels and scenes get real
 * DataFrames. They are NOT Grafana: no caching, no /api/ds/query, no query splitting, no exemplars.
 */
import {
  createDataFrame,
  DataSourceApi,
  EventBusSrv,
  type DataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  FieldType,
  LoadingState,
  type ScopedVars,
} from '@grafana/data';
import {
  setAppEvents,
  setBackendSrv,
  setDataSourceSrv,
  setPluginComponentHook,
  setRunRequest,
  setTemplateSrv,
} from '@grafana/runtime';
import type { DataQuery } from '@grafana/schema';
import { catchError, from, map, of } from 'rxjs';
import { PROM_SETTINGS, type PromTarget } from '../types';
import { backendSrv, request } from './backendSrv';
import { initDataSourceRegistry } from './grafanaBoot';

type HostPromQuery = DataQuery & PromTarget;

interface PromSeries {
  metric: Record<string, string>;
  values?: Array<[number, string]>;
  value?: [number, string];
}

export const promSettings = PROM_SETTINGS as unknown as DataSourceInstanceSettings;

/** The slice of a scenes SceneObject that variable lookup needs (the plugin bundles its own @grafana/scenes). */
interface SceneLike {
  parent?: SceneLike;
  state: { $variables?: { getByName(name: string): { getValue(): unknown } | undefined } };
}

/**
 * `$name`, `${name}`, `${name:format}`, `[[name]]` from scoped vars, then (like Grafana's TemplateSrv for scenes
 * queries, which carry scopedVars.__sceneObject) from the scene's variable sets up its parent chain. Multi-values
 * become a PromQL regex alternation, as Grafana's Prometheus data source does (without its regex escaping).
 */
export function interpolate(target = '', scopedVars: ScopedVars = {}): string {
  const scene = (scopedVars.__sceneObject?.value as { valueOf(): SceneLike } | undefined)?.valueOf();
  const lookup = (name: string): unknown => {
    if (scopedVars[name]) {
      return scopedVars[name].value;
    }
    for (let o = scene; o; o = o.parent) {
      const variable = o.state.$variables?.getByName(name);
      if (variable) {
        return variable.getValue();
      }
    }
    return undefined;
  };
  return target.replace(/\$(\w+)|\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]/g, (match, a, b, c) => {
    const value = lookup(a ?? b ?? c);
    if (value === undefined || value === null) {
      return match;
    }
    // Scenes returns a CustomAllValue for "All" with an allValue; its formatter gives the raw all value (e.g. .*).
    const custom = value as { formatter?: () => string };
    if (typeof custom.formatter === 'function') {
      return custom.formatter();
    }
    return Array.isArray(value) ? (value.length === 1 ? String(value[0]) : `(${value.join('|')})`) : String(value);
  });
}

class HostPrometheus extends DataSourceApi<HostPromQuery> {
  /** Grafana 13's runtime registry reads a runtime data source's settings from here (page/grafanaBoot.ts). */
  readonly instanceSettings = promSettings;

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
    // Per refId, as Grafana's Prometheus data source answers through /api/ds/query: an error belongs to its query
    // (toDataQueryResponse in @grafana/runtime: errors[{refId, message, status}]) and the others still answer; an
    // empty vector is one frame with no fields (grafana/grafana pkg/promlib/querydata/response.go); Prometheus's
    // warnings become warning notices on the frames (pkg/promlib/converter).
    const answers = await Promise.all(
      targets.map(async (t) => {
        const expr = interpolate(t.expr, vars);
        const params: Record<string, string> = t.instant
          ? { query: expr, time: String(end) }
          : { query: expr, start: String(start), end: String(end), step: String(step) };
        const url = `${promSettings.url}/api/v1/${t.instant ? 'query' : 'query_range'}`;
        try {
          const res = await request<{ data: { result: PromSeries[] }; warnings?: string[] }>({ url, params });
          const notices = (typeof res.data === 'object' ? (res.data?.warnings ?? []) : []).map((text) => ({
            severity: 'warning' as const,
            text,
          }));
          const series = promData(res.data).result;
          const frames = series.length
            ? series.map((x) => toFrame(x, t, expr, step))
            : [createDataFrame({ refId: t.refId, fields: [], meta: { executedQueryString: `Expr: ${expr}` } })];
          frames.forEach((f) => (f.meta = { ...f.meta, notices }));
          return { frames };
        } catch (err) {
          const status = (err as { status?: number }).status;
          return { frames: [], error: { refId: t.refId, message: errorMessage(err), status } };
        }
      })
    );
    const errors = answers.flatMap((a) => (a.error ? [a.error] : []));
    return { data: answers.flatMap((a) => a.frames), ...(errors.length ? { errors, error: errors[0] } : {}) };
  }

  /**
   * Stands in for the Prometheus data source's variable support, for scene QueryVariables: only
   * `label_values(<selector>, <label>)`, answered by /api/v1/label/<label>/values over the request's time range, and
   * `query_result(<expr>)`, an instant query at the range's end written as Grafana writes each series
   * (packages/grafana-prometheus/src/metric_find_query.ts, queryResultQuery: `name{k="v",…} <value> <ms>`).
   */
  async metricFindQuery(
    query: string | { query?: string },
    options?: { range?: DataQueryRequest['range']; scopedVars?: ScopedVars }
  ) {
    const text = typeof query === 'string' ? query : (query.query ?? '');
    const qr = /^query_result\(([\s\S]+)\)\s*$/.exec(text.trim());
    if (qr) {
      const params = { query: interpolate(qr[1], options?.scopedVars ?? {}), time: String(options?.range?.to.unix()) };
      const res = await request<{ data: { result: PromSeries[] } }>({
        url: `${promSettings.url}/api/v1/query`,
        params,
      });
      return promData(res.data).result.map(({ metric, value }) => {
        const { __name__: name = '', ...labels } = metric;
        const text = `${name}{${Object.entries(labels)
          .map(([k, v]) => `${k}="${v}"`)
          .join(',')}} ${value?.[1]} ${Number(value?.[0]) * 1000}`;
        return { text, expandable: true };
      });
    }
    const m = /^label_values\((.*),\s*(\w+)\)$/.exec(text.trim());
    if (!m) {
      throw new Error(
        `browser host: only label_values(selector, label) and query_result(expr) variables are stood in, not ${text}`
      );
    }
    const params: Record<string, string> = { 'match[]': interpolate(m[1], {}) };
    if (options?.range) {
      params.start = String(options.range.from.unix());
      params.end = String(options.range.to.unix());
    }
    const res = await request<{ data: string[] }>({ url: `${promSettings.url}/api/v1/label/${m[2]}/values`, params });
    return promData(res.data).map((v) => ({ text: v, value: v }));
  }

  async testDatasource() {
    return { status: 'success', message: 'browser host Prometheus stand-in' };
  }
}

/** The `data` of a Prometheus answer; a text body (Grafana hands one over when JSON does not parse) is an error. */
function promData<T>(body: { data: T } | string): T {
  if (typeof body !== 'object' || !body?.data) {
    throw new Error(`unexpected response, not Prometheus JSON: "${String(body).slice(0, 60)}…"`);
  }
  return body.data;
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

export async function installServices(): Promise<void> {
  setBackendSrv(backendSrv);
  // Before setDataSourceSrv: see initDataSourceRegistry.
  await initDataSourceRegistry(hostPrometheus, promSettings);
  // Grafana's app-wide event bus: scenes publishes to it (e.g. SetPanelAttentionEvent when a panel is hovered).
  setAppEvents(new EventBusSrv());
  // No extension registry here: every exposed component (e.g. grafana/add-to-dashboard-form/v1) is absent, as in a
  // Grafana that does not offer it. The plugin must cope with that, so this is a fair stand-in.
  setPluginComponentHook(() => ({ component: null, isLoading: false }));
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
      // Like Grafana's runRequest: a refId's error puts the panel in its error state.
      map((res) => ({
        state: res.errors?.length ? LoadingState.Error : LoadingState.Done,
        series: res.data,
        errors: res.errors,
        error: res.errors?.[0],
        request: req,
        timeRange: req.range,
      })),
      catchError((err: unknown) =>
        of({ state: LoadingState.Error, series: [], error: { message: errorMessage(err) }, timeRange: req.range })
      )
    )
  );
}

/** A panel's error: the status and what the answer said, as Grafana's data source would show it. */
export function errorMessage(err: unknown): string {
  const e = err as {
    status?: number;
    statusText?: string;
    data?: { error?: unknown; message?: unknown };
    message?: string;
  };
  // No status: the request got no answer, and the browser's own message (e.g. Failed to fetch) says why.
  const texts = e?.status ? [e.data?.message, e.data?.error, e.message] : [e?.message, e?.data?.message];
  const said = texts.find((t): t is string => typeof t === 'string' && t.trim() !== '' && t !== e?.statusText);
  const status = e?.status ? `${e.status} ${e.statusText ?? ''}`.trim() : '';
  return [status, said?.trim()].filter(Boolean).join(': ') || String(err);
}
