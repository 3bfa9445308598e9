import type { Expr } from './promql/ast';
import { metricsOf } from './metrics';
import { basisVector, KSM_REQUESTS_METRIC } from './resources';
import { DEFAULT_SELECTION } from './scope';

const usageMetric = { cpu: 'container_cpu_usage_seconds_total', memory: 'container_memory_working_set_bytes' };

describe.each(['cpu', 'memory'] as const)('basisVector(%s)', (resource) => {
  test('usage reads cAdvisor only, requests kube-state-metrics only', () => {
    expect([...metricsOf(basisVector(resource, 'usage', [], DEFAULT_SELECTION, []))]).toEqual([usageMetric[resource]]);
    expect([...metricsOf(basisVector(resource, 'requests', [], DEFAULT_SELECTION, []))]).toEqual([KSM_REQUESTS_METRIC]);
  });

  test('max keeps usage where it exceeds requests, else requests, else usage: one-sided containers are kept', () => {
    const e = basisVector(resource, 'max', [], DEFAULT_SELECTION, []);
    // ((usage > requests) or requests) or usage, every step matched per container.
    const chain: Expr[] = [];
    let x: Expr = e;
    while (x.kind === 'binary' && x.op === 'or') {
      chain.unshift(x.rhs);
      x = x.lhs;
    }
    expect(x.kind === 'binary' && x.op).toBe('>');
    if (x.kind === 'binary') {
      // usage on the left, so the comparison keeps the usage value (a `<` or swapped sides would keep the smaller one).
      expect([...metricsOf(x.lhs)]).toEqual([usageMetric[resource]]);
      expect([...metricsOf(x.rhs)]).toEqual([KSM_REQUESTS_METRIC]);
      expect(x.matching).toEqual({ on: ['cluster', 'namespace', 'pod', 'container'], groupLeft: [] });
    }
    expect(chain.map((c) => [...metricsOf(c)])).toEqual([[KSM_REQUESTS_METRIC], [usageMetric[resource]]]);
  });
});
