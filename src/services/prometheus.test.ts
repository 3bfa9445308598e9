import { NEVER, of, throwError } from 'rxjs';
import { proxyInstantQuery, QUERY_TIMEOUT_MS } from './prometheus';

const fetch = jest.fn();
jest.mock('@grafana/runtime', () => ({ getBackendSrv: () => ({ fetch }) }));

const query = () => proxyInstantQuery('prom', 1704067200)('up');

// Error shapes as Grafana's backend_srv hands them over (text bodies wrapped as {message, error: statusText}).
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
    '422 bad_data',
    { status: 422, statusText: 'Unprocessable Entity', data: { errorType: 'bad_data', error: '1:8: parse error' } },
    /answered 422 Unprocessable Entity: 1:8: parse error\. Prometheus could not run the query\./,
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
  fetch.mockReturnValue(throwError(() => error));
  await expect(query()).rejects.toThrow(message);
});

test('a body cut short (Grafana hands over the text) is named, not parsed', async () => {
  fetch.mockReturnValue(of({ data: '{"status":"success","data":{"resultType":"vec' }));
  await expect(query()).rejects.toThrow(/not with Prometheus JSON \(cut short.*"\{"status":"success"/);
});

test('a query that never answers times out with a message', async () => {
  jest.useFakeTimers();
  fetch.mockReturnValue(NEVER);
  const result = query();
  jest.advanceTimersByTime(QUERY_TIMEOUT_MS);
  await expect(result).rejects.toThrow(`Prometheus did not answer within ${QUERY_TIMEOUT_MS / 1000} s.`);
  jest.useRealTimers();
});

test('warnings do not stop a successful answer', async () => {
  const data = {
    status: 'success',
    warnings: ['partial'],
    data: { resultType: 'vector', result: [{ metric: {}, value: [0, '2'] }] },
  };
  fetch.mockReturnValue(of({ data }));
  await expect(query()).resolves.toEqual([{ metric: {}, value: 2 }]);
});
