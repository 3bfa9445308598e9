/**
 * The app's one way to Prometheus: Grafana's data source query path, the one scenes' SceneQueryRunner uses
 * (`getDataSourceSrv().get(uid)` then the data source's `query()`, which for Prometheus posts to /api/ds/query with
 * Grafana's auth, caching and network path). The model's report, the Overview's charts, the query builder's preview
 * and mesh detection all ask through here; nothing in the app calls the data source proxy.
 *
 * Each query is its own refId, so an error belongs to that query: Grafana answers per refId, an error as
 * `errors[{refId, message, status}]` (@grafana/runtime utils/queryResponse toDataQueryResponse), an empty vector as
 * one frame with no fields (grafana/grafana pkg/promlib/querydata/response.go). The two stay apart here: an error
 * throws a DatasourceQueryError, an empty answer is an empty list.
 */
import { lastValueFrom, from, isObservable, throwError, timeout, type Observable } from 'rxjs';
import {
  dateTime,
  FieldType,
  type DataFrame,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
} from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import type { DataQuery } from '@grafana/schema';
import type { InstantQuery, Sample } from '../model/report';
import { DatasourceQueryError, describeFetchError, describeQueryError } from './queryErrors';

export { DatasourceQueryError, describeFetchError, describeQueryError };

/**
 * Longest wait for one query. Grafana's own timeouts usually answer first ([dataproxy] timeout, 30 s, a 504); this
 * bounds the wait where that limit was raised or another proxy holds the connection open.
 */
export const QUERY_TIMEOUT_MS = 60_000;

/** A Prometheus query as Grafana's Prometheus data source takes it (PromQuery's fields that we set). */
export interface PromQueryTarget extends DataQuery {
  expr: string;
  instant: boolean;
  range: boolean;
  format?: 'time_series' | 'table';
  legendFormat?: string;
}

/** One series of an answer: its labels and its points (times in ms). */
export interface Series {
  labels: Record<string, string>;
  times: number[];
  values: number[];
}

export type Trend = Omit<Series, 'labels'>;

/** What one refId came back with: its series, the warnings Prometheus attached, or its own error. */
export interface RefAnswer {
  series: Series[];
  warnings: string[];
  error?: DatasourceQueryError;
}

let requestSeq = 0;

function request(targets: PromQueryTarget[], fromSec: number, toSec: number, stepSec: number): DataQueryRequest {
  const range = { from: dateTime(fromSec * 1000), to: dateTime(toSec * 1000) };
  return {
    requestId: `meshtax-${++requestSeq}`,
    app: 'meshtax',
    interval: `${stepSec}s`,
    intervalMs: stepSec * 1000,
    maxDataPoints: Math.max(1, Math.ceil((toSec - fromSec) / stepSec)),
    range: { ...range, raw: range },
    scopedVars: {},
    targets,
    timezone: 'utc',
    startTime: Date.now(),
  };
}

/** A frame's series: Grafana's Prometheus frames hold one time field and one number field carrying the labels. */
export function seriesOf(frame: DataFrame): Series[] {
  const time = frame.fields.find((f) => f.type === FieldType.time);
  return frame.fields
    .filter((f) => f.type === FieldType.number)
    .map((f) => ({
      labels: { ...(f.labels ?? {}) },
      times: time ? Array.from(time.values as number[]) : [],
      values: Array.from(f.values as Array<number | null>).map((v) => (v === null ? NaN : Number(v))),
    }));
}

/** Prometheus's `warnings`, which Grafana's converter turns into warning notices on the frames. */
function warningsOf(frame: DataFrame): string[] {
  return (frame.meta?.notices ?? []).filter((n) => n.severity === 'warning').map((n) => n.text);
}

/**
 * Runs `targets` through the data source `uid` over [fromSec, toSec] and returns each refId's answer. A failure of
 * the whole request (no data source, an HTTP error for the batch, a timeout) throws; a failure of one query is that
 * refId's `error`.
 */
export async function dsQuery(
  uid: string,
  targets: PromQueryTarget[],
  fromSec: number,
  toSec: number,
  stepSec = 60
): Promise<Record<string, RefAnswer>> {
  const timeoutS = QUERY_TIMEOUT_MS / 1000;
  let res: DataQueryResponse;
  try {
    const ds = await getDataSourceSrv().get({ uid, type: 'prometheus' });
    const answer = ds.query(request(targets, fromSec, toSec, stepSec)) as
      Observable<DataQueryResponse> | Promise<DataQueryResponse>;
    res = await lastValueFrom(
      (isObservable(answer) ? answer : from(answer)).pipe(
        // Unsubscribing cancels the request in Grafana's backend_srv.
        timeout({
          first: QUERY_TIMEOUT_MS,
          with: () => throwError(() => new DatasourceQueryError(`Prometheus did not answer within ${timeoutS} s.`)),
        })
      )
    );
  } catch (e) {
    throw describeFetchError(e);
  }
  const errors = [...(res.errors ?? []), ...(res.error && !res.errors?.length ? [res.error] : [])];
  const out: Record<string, RefAnswer> = {};
  for (const t of targets) {
    const own = errors.find((e: DataQueryError) => e.refId === t.refId) ?? errors.find((e) => !e.refId);
    const frames = res.data.filter((f: DataFrame) => f.refId === t.refId || (targets.length === 1 && !f.refId));
    out[t.refId] = {
      series: frames.flatMap(seriesOf),
      warnings: [...new Set(frames.flatMap(warningsOf))],
      ...(own ? { error: describeQueryError(own) } : {}),
    };
  }
  return out;
}

/** The answer of one refId, or its error thrown. */
function settled(a: RefAnswer | undefined, onWarnings?: (w: string[]) => void): Series[] {
  if (!a) {
    throw new DatasourceQueryError('The data source answered without this query.');
  }
  if (a.error) {
    throw a.error;
  }
  if (a.warnings.length) {
    onWarnings?.(a.warnings);
  }
  return a.series;
}

/**
 * The model's instant queries through the data source: one refId per expression at `timeSec`, the last point of each
 * series as its value. `onWarnings` hears Prometheus's warnings (a partial answer, say); the result stands.
 */
export function dsInstantQuery(uid: string, timeSec: number, onWarnings?: (w: string[]) => void): InstantQuery {
  return async (expr: string): Promise<Sample[]> => {
    const target: PromQueryTarget = { refId: 'A', expr, instant: true, range: false, format: 'time_series' };
    const series = settled((await dsQuery(uid, [target], timeSec, timeSec, 15)).A, onWarnings);
    return series
      .filter((s) => s.values.length > 0)
      .map((s) => ({ metric: s.labels, value: s.values[s.values.length - 1] }));
  };
}

/** A range query at about 120 points (at least 60 s apart), every series kept. */
export async function dsRange(uid: string, expr: string, startSec: number, endSec: number): Promise<Series[]> {
  const step = rangeStep(startSec, endSec);
  const target: PromQueryTarget = { refId: 'A', expr, instant: false, range: true, format: 'time_series' };
  return settled((await dsQuery(uid, [target], startSec, endSec, step)).A);
}

export const rangeStep = (startSec: number, endSec: number) => Math.max(60, Math.ceil((endSec - startSec) / 120));

/** A figure's trend over the page's time range: its first series, when it has at least two points. */
export async function dsTrend(uid: string, expr: string, startSec: number, endSec: number): Promise<Trend | null> {
  const [first] = await dsRange(uid, expr, startSec, endSec);
  return first && first.values.length >= 2 ? { times: first.times, values: first.values } : null;
}

/** The configured data source, else the default Prometheus, else the first one. */
export function pickDatasourceUid(preferred?: string): string | undefined {
  const list = getDataSourceSrv().getList({ type: 'prometheus' });
  return (list.find((d) => d.uid === preferred) ?? list.find((d) => d.isDefault) ?? list[0])?.uid;
}
