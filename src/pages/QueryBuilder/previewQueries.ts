/** The preview's range query through the data source proxy: every series with its labels (proxyTrend keeps one). */
import { proxyPrometheus } from '../../services/prometheus';

export interface Series {
  labels: Record<string, string>;
  times: number[];
  values: number[];
}

type RangeResult = Array<{ metric: Record<string, string>; values: Array<[number, string]> }>;

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
