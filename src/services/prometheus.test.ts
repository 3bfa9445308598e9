/**
 * The app's query path, fed what Grafana's Prometheus data source really hands back: /api/ds/query bodies as the
 * backend writes them (grafana/grafana pkg/promlib/querydata/response.go: an empty vector is one frame with no
 * fields; an error is the refId's `error` and `status`), turned into a DataQueryResponse by @grafana/runtime's own
 * toDataQueryResponse, as DataSourceWithBackend.query does.
 */
import { NEVER, of, throwError, type Observable } from 'rxjs';
import { toDataQueryResponse } from '@grafana/runtime';
import { dsInstantQuery, dsQuery, dsRange, QUERY_TIMEOUT_MS } from './prometheus';

const query = jest.fn<Observable<unknown>, [unknown]>();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getDataSourceSrv: () => ({ get: async () => ({ query: (req: unknown) => query(req) }) }),
}));

beforeEach(() => query.mockReset());

const instant = () => dsInstantQuery('prom', 1704067200)('up');

/** A /api/ds/query answer for refId A, through Grafana's own response parser. */
const answer = (result: Record<string, unknown>) =>
  of(toDataQueryResponse({ data: { results: { A: result } } } as never, [{ refId: 'A' }]));

const frame = (labels: Record<string, string> | undefined, times: number[], values: number[], notices?: unknown[]) => ({
  schema: {
    meta: { type: 'timeseries-multi', notices },
    fields: [
      { name: 'Time', type: 'time' },
      { name: 'Value', type: 'number', labels },
    ],
  },
  data: { values: [times, values] },
});

test('an empty vector (one frame with no fields) is an empty answer, not an error', async () => {
  query.mockReturnValue(
    answer({
      status: 200,
      frames: [{ schema: { meta: { executedQueryString: 'Expr: up' }, fields: [] }, data: { values: [] } }],
    })
  );
  await expect(instant()).resolves.toEqual([]);
});

test('each series is a sample with its labels and its last value', async () => {
  query.mockReturnValue(
    answer({
      status: 200,
      frames: [frame({ mesh: 'istio' }, [1704067200000], [2.5]), frame({ mesh: 'linkerd' }, [1704067200000], [0])],
    })
  );
  await expect(instant()).resolves.toEqual([
    { metric: { mesh: 'istio' }, value: 2.5 },
    { metric: { mesh: 'linkerd' }, value: 0 },
  ]);
  // An instant query at the report's time, as the Prometheus data source takes it.
  const req = query.mock.calls[0][0] as { targets: unknown[]; range: { to: { unix(): number } } };
  expect(req.targets).toEqual([expect.objectContaining({ refId: 'A', expr: 'up', instant: true, range: false })]);
  expect(req.range.to.unix()).toBe(1704067200);
});

test("Prometheus's warnings (frame notices) are heard and the answer stands", async () => {
  const warnings: string[] = [];
  query.mockReturnValue(
    answer({ status: 200, frames: [frame({}, [1], [2], [{ severity: 'warning', text: 'partial' }])] })
  );
  await expect(dsInstantQuery('prom', 1, (w) => warnings.push(...w))('up')).resolves.toEqual([
    { metric: {}, value: 2 },
  ]);
  expect(warnings).toEqual(['partial']);
});

test('a range query keeps every series and point', async () => {
  query.mockReturnValue(answer({ status: 200, frames: [frame({ a: '1' }, [1000, 2000], [1, 2])] }));
  await expect(dsRange('prom', 'up', 0, 7200)).resolves.toEqual([
    { labels: { a: '1' }, times: [1000, 2000], values: [1, 2] },
  ]);
  expect(query.mock.calls[0][0]).toMatchObject({ intervalMs: 60_000, targets: [{ instant: false, range: true }] });
});

test("one query's error stays with its refId; the others answer", async () => {
  query.mockReturnValue(
    of(
      toDataQueryResponse(
        {
          data: {
            results: {
              A: { status: 200, frames: [frame({}, [1], [3])] },
              B: { status: 422, error: 'bad_data: 1:8: parse error' },
            },
          },
        } as never,
        [{ refId: 'A' }, { refId: 'B' }]
      )
    )
  );
  const t = (refId: string) => ({ refId, expr: 'up', instant: true, range: false });
  const res = await dsQuery('prom', [t('A'), t('B')], 1, 1);
  expect(res.A.error).toBeUndefined();
  expect(res.A.series[0].values).toEqual([3]);
  expect(res.B.series).toEqual([]);
  expect(res.B.error?.message).toMatch(
    /^The data source answered 422: bad_data: 1:8: parse error\. Prometheus could not run the query\./
  );
});

// A refId's error as Grafana reports it (status and message), and as the browser host's stand-in words it.
test.each([
  [{ status: 503, error: 'overloaded' }, /^The data source answered 503: overloaded\. .*overloaded; retry/],
  [{ status: 504, error: '504 Gateway Timeout' }, /^The data source answered 504 Gateway Timeout\. .*proxy timeout/],
  [
    { status: 500, error: '500 Internal Server Error: upstream exploded' },
    /answered 500 Internal Server Error: upstream exploded\. Prometheus, or a proxy/,
  ],
])('a refId error %j', async (result, message) => {
  query.mockReturnValue(answer(result));
  await expect(instant()).rejects.toThrow(message);
});

// The whole request failing: Grafana's FetchError shapes (text bodies wrapped as {message, error: statusText}).
test.each([
  [
    '503 with a Prometheus error',
    {
      status: 503,
      statusText: 'Service Unavailable',
      data: { status: 'error', error: 'overloaded', message: 'overloaded' },
    },
    /^The data source answered 503 Service Unavailable: overloaded\. .*unavailable or overloaded; retry/,
  ],
  [
    '500 with a text body',
    {
      status: 500,
      statusText: 'Internal Server Error',
      data: { message: 'upstream exploded\n', error: 'Internal Server Error' },
    },
    /answered 500 Internal Server Error: upstream exploded\. Prometheus, or a proxy in front of it, failed\./,
  ],
  [
    '502 with no body',
    { status: 502, statusText: 'Bad Gateway', data: { message: '', error: 'Bad Gateway' } },
    /answered 502 Bad Gateway\. Grafana could not reach Prometheus/,
  ],
  [
    '504 with no body',
    { status: 504, statusText: 'Gateway Timeout', data: '' },
    /answered 504 Gateway Timeout\. .*proxy timeout/,
  ],
  [
    'no HTTP answer',
    Object.assign(new TypeError('Failed to fetch'), { data: { message: 'Unexpected error' } }),
    /^No answer from the data source \(Failed to fetch\)/,
  ],
])('%s', async (_, error, message) => {
  query.mockReturnValue(throwError(() => error));
  await expect(instant()).rejects.toThrow(message);
});

test('a query that never answers times out with a message', async () => {
  jest.useFakeTimers();
  query.mockReturnValue(NEVER);
  const result = expect(instant()).rejects.toThrow(`Prometheus did not answer within ${QUERY_TIMEOUT_MS / 1000} s.`);
  await jest.advanceTimersByTimeAsync(QUERY_TIMEOUT_MS);
  await result;
  jest.useRealTimers();
});
