/**
 * The baseline of `npm run bench`: the queries a user writes for Mesh Tax's Istio figures from the popular article's
 * script (totals over container!="POD") and the Istio performance dashboard (container="istio-proxy", pod=~"istiod-.*",
 * working-set memory; not the article's usage_bytes, which the `large` preset does not emit). Same ids as the model's
 * figures, so each case compares like with like; figures that neither source has a query for (idle sidecars) have no
 * baseline.
 */
import { toFigure, type Figure } from '../src/model/figures';
import type { Expr, Matcher } from '../src/model/promql/ast';
import { add, agg, div, eq, histogramQuantile, mul, neq, num, rate, re, sel, sub, sum } from '../src/model/promql/dsl';
import { GIB, type Pricing } from '../src/model/pricing';

const PROXY = [eq('container', 'istio-proxy')];
const ISTIOD = [re('pod', 'istiod-.*')];
const ALL = [neq('container', 'POD')];

/** `by` is what a user groups a breakdown table by; none for the overview's single numbers. */
export function baselineFigures(p: Pricing, window = '5m', by?: string[]): Figure[] {
  const s = (e: Expr) => sum(e, by);
  const cpu = (m: Matcher[]) => s(rate(sel('container_cpu_usage_seconds_total', ...m), window));
  const mem = (m: Matcher[]) => s(sel('container_memory_working_set_bytes', ...m));
  const req = (resource: string, m: Matcher[]) =>
    s(sel('kube_pod_container_resource_requests', eq('resource', resource), ...m));
  const perNode = (resource: string) => agg('avg', sel('kube_node_status_allocatable', eq('resource', resource)));
  const cost = (m: Matcher[]) =>
    mul(add(mul(cpu(m), num(p.cpuHourUsd)), mul(div(mem(m), num(GIB)), num(p.gibHourUsd))), num(p.hoursPerMonth));
  const rps = s(rate(sel('istio_requests_total', eq('reporter', 'destination')), window));
  const p99 = (reporter: string) =>
    histogramQuantile(
      0.99,
      sum(rate(sel('istio_request_duration_milliseconds_bucket', eq('reporter', reporter)), window), [
        'le',
        ...(by ?? []),
      ])
    );
  const f = (id: string, e: Expr) => toFigure(id, `baseline ${id}`, 'cores', e);
  const list = [
    f('cluster.cpuCores', cpu(ALL)),
    f('cluster.memoryBytes', mem(ALL)),
    f('cluster.cpuRequestCores', req('cpu', [])),
    f('cluster.memoryRequestBytes', req('memory', [])),
    f('istio.sidecars.pods', s(agg('count', sel('kube_pod_container_info', ...PROXY), ['namespace', 'pod']))),
    f('istio.sidecars.cpuCores', cpu(PROXY)),
    f('istio.sidecars.memoryBytes', mem(PROXY)),
    f('istio.sidecars.cpuShare', div(cpu(PROXY), cpu(ALL))),
    f('istio.sidecars.memoryShare', div(mem(PROXY), mem(ALL))),
    f('istio.sidecars.cpuPerPodAvg', agg('avg', rate(sel('container_cpu_usage_seconds_total', ...PROXY), window), by)),
    f('istio.sidecars.cpuPerPodMax', agg('max', rate(sel('container_cpu_usage_seconds_total', ...PROXY), window), by)),
    f('istio.sidecars.memoryPerPodAvg', agg('avg', sel('container_memory_working_set_bytes', ...PROXY), by)),
    f('istio.sidecars.memoryPerPodMax', agg('max', sel('container_memory_working_set_bytes', ...PROXY), by)),
    f('istio.sidecars.cpuRequestCores', req('cpu', PROXY)),
    f('istio.sidecars.memoryRequestBytes', req('memory', PROXY)),
    f('istio.sidecars.cpuRequestShare', div(req('cpu', PROXY), req('cpu', []))),
    f('istio.sidecars.memoryRequestShare', div(req('memory', PROXY), req('memory', []))),
    f('istio.traffic.rps', rps),
    f('istio.sidecars.vcpuPer1kRps', div(cpu(PROXY), div(rps, num(1000)))),
    f('istio.cost.sidecars', cost(PROXY)),
    f('istio.controlPlane.cpuCores', cpu(ISTIOD)),
    f('istio.controlPlane.memoryBytes', mem(ISTIOD)),
    f('istio.cost.controlPlane', cost(ISTIOD)),
    f('istio.cost.total', add(cost(PROXY), cost(ISTIOD))),
    f('istio.latency.p99Added', sub(p99('source'), p99('destination'))),
    f('istio.latency.p99Client', p99('source')),
    f('istio.latency.p99Server', p99('destination')),
  ];
  if (!by) {
    list.push(
      f('istio.sidecars.nodesReservedCpu', div(req('cpu', PROXY), perNode('cpu'))),
      f('istio.sidecars.nodesReservedMemory', div(req('memory', PROXY), perNode('memory')))
    );
  }
  return list;
}
