import { bin, div, histogramQuantile, num, rate, sel, sum } from './promql/dsl';
import { emptyExplainedBy, emptyMeansZero, unavailableReason } from './unavailable';

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

describe('empty answers: missing inputs versus nothing that qualifies', () => {
  const a = sel('a');
  const b = sel('b');
  test.each([
    ['a selector is explained by its own metric', a, ['a'], ['a']],
    ['a present selector explains nothing', a, ['b'], []],
    ['`or` needs both sides absent', bin('or', a, b), ['a'], []],
    ['`or` with both sides absent names both', bin('or', a, b), ['a', 'b'], ['a', 'b']],
    ['`unless` is empty only through its left side', bin('unless', a, b), ['b'], []],
    ['`unless` with its left side absent', bin('unless', a, b), ['a'], ['a']],
    ['`and` is empty through either side', bin('and', a, b), ['b'], ['b']],
    ['arithmetic between vectors is empty through either side', div(a, b), ['b'], ['b']],
    ['a number never makes a result empty', div(sum(rate(a, '5m')), num(1000)), [], []],
  ])('%s', (_name, e, absent, want) => {
    expect(emptyExplainedBy(e, new Set(absent)).sort()).toEqual(want);
  });

  test('the reason names only the absent inputs, or says that nothing qualified', () => {
    const f = { unit: 'cores' as const, ast: bin('or', a, b) };
    expect(unavailableReason(f, undefined, ['b'])).toBe('no data: needs b, absent from Prometheus');
    expect(unavailableReason(f, undefined, [])).toBe(
      'no data: nothing to measure (a, b are present, but no series qualify)'
    );
  });

  test.each([
    ['istio.cost.idleSidecars', true],
    ['istio.sidecars.memoryRequestBytes', true],
    ['cluster.cpuRequestCores', true],
    ['linkerd.sidecars.cpuShare', true],
    ['istio.sidecars.cpuPerPodAvg', false],
    ['istio.sidecars.memoryPerPodMax', false],
    ['istio.sidecars.vcpuPer1kRps', false],
    ['istio.latency.p99Added', false],
  ])('%s: an empty answer with every input present is 0: %s', (id, zero) => {
    expect(emptyMeansZero(id)).toBe(zero);
  });
});
