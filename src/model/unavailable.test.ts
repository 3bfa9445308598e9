import { div, histogramQuantile, num, rate, sel, sum } from './promql/dsl';
import { unavailableReason } from './unavailable';

describe('unavailableReason', () => {
  const requests = sel('kube_pod_container_resource_requests');
  test.each([
    [
      'no series',
      { unit: 'cores' as const, ast: sum(requests) },
      undefined,
      'no data: needs kube_pod_container_resource_requests',
    ],
    [
      'NaN from histogram_quantile',
      { unit: 'ms' as const, ast: histogramQuantile(0.99, rate(sel('response_latency_ms_bucket'), '5m')) },
      NaN,
      'le="+Inf"',
    ],
    [
      'x/0 per 1000 requests',
      { unit: 'vcpuPer1kRps' as const, ast: div(sel('a'), div(sel('b'), num(1000))) },
      Infinity,
      'no requests in the window',
    ],
    ['0/0 share', { unit: 'percentunit' as const, ast: div(sel('a'), sel('b')) }, NaN, 'division by zero'],
  ])('%s', (_name, f, result, expected) => {
    expect(unavailableReason(f, result)).toContain(expected);
  });
});
