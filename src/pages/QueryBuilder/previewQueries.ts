/** The preview's range query through the data source proxy: every series with its labels (proxyTrend keeps one). */
import { lastValueFrom } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';
import { DatasourceQueryError } from '../../services/prometheus';

export interface Series {
  labels: Record<string, string>;
  times: number[];
  values: number[];
}

interface RangeBody {
  status: string;
  error?: string;
  data?: { result?: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> };
}

export async function proxyRange(uid: string, expr: string, startSec: number, endSec: number): Promise<Series[]> {
  const step = Math.max(60, Math.ceil((endSec - startSec) / 120));
  let body: RangeBody;
  try {
    const res = await lastValueFrom(
      getBackendSrv().fetch<RangeBody>({
        url: `/api/datasources/proxy/uid/${encodeURIComponent(uid)}/api/v1/query_range`,
        method: 'POST',
        data: new URLSearchParams({ query: expr, start: String(startSec), end: String(endSec), step: String(step) }),
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
  return (body.data?.result ?? []).map((r) => ({
    labels: r.metric,
    times: r.values.map(([t]) => t * 1000),
    values: r.values.map(([, v]) => Number(v)),
  }));
}
