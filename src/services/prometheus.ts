/**
 * Runs the model's instant queries through Grafana's data source proxy, so the user's own Prometheus
 * (with Grafana's auth and network path) answers them. Errors keep the status and message for the UI.
 */
import { lastValueFrom } from 'rxjs';
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

interface PromBody {
  status: string;
  error?: string;
  data: { resultType: string; result: any };
}

export function proxyInstantQuery(uid: string, timeSec: number): InstantQuery {
  const url = `/api/datasources/proxy/uid/${encodeURIComponent(uid)}/api/v1/query`;
  return async (expr: string): Promise<Sample[]> => {
    let body: PromBody;
    try {
      const res = await lastValueFrom(
        getBackendSrv().fetch<PromBody>({
          url,
          method: 'POST',
          data: new URLSearchParams({ query: expr, time: String(timeSec) }),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          showErrorAlert: false,
        })
      );
      body = res.data;
    } catch (e) {
      const err = e as { status?: number; statusText?: string; data?: { error?: string; message?: string } };
      throw new DatasourceQueryError(
        `The data source answered ${err.status ?? 'nothing'} ${err.data?.error ?? err.data?.message ?? err.statusText ?? ''}`.trim(),
        err.status
      );
    }
    if (body.status !== 'success') {
      throw new DatasourceQueryError(`Prometheus error: ${body.error ?? 'unknown'}`);
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

/** A range query through the data source proxy: the figure's trend over the page's time range (first series). */
export async function proxyTrend(uid: string, expr: string, startSec: number, endSec: number): Promise<Trend | null> {
  const step = Math.max(60, Math.ceil((endSec - startSec) / 120));
  const res = await lastValueFrom(
    getBackendSrv().fetch<PromBody>({
      url: `/api/datasources/proxy/uid/${encodeURIComponent(uid)}/api/v1/query_range`,
      method: 'POST',
      data: new URLSearchParams({ query: expr, start: String(startSec), end: String(endSec), step: String(step) }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      showErrorAlert: false,
    })
  );
  const series = res.data.data?.result?.[0] as { values: Array<[number, string]> } | undefined;
  if (!series || series.values.length < 2) {
    return null;
  }
  return { times: series.values.map(([t]) => t * 1000), values: series.values.map(([, v]) => Number(v)) };
}
