/**
 * The popular article's method, kept only to show how far off it is: it filters only container!="POD", so it also
 * sums cAdvisor's pod-level cgroups (container="") and the node root cgroups, and it reads usage_bytes, which
 * includes reclaimable page cache. Never used for a product figure.
 */
import type { Expr } from '../src/model/promql/ast';
import { div, eq, neq, rate, sel, sum } from '../src/model/promql/dsl';
import { toFigure, type Figure } from '../src/model/figures';

export function articleMethodFigures(proxyContainer = 'istio-proxy', window = '5m'): Figure[] {
  const cpu = (m: ReturnType<typeof eq>): Expr => sum(rate(sel('container_cpu_usage_seconds_total', m), window));
  const mem = (m: ReturnType<typeof eq>): Expr => sum(sel('container_memory_usage_bytes', m));
  return [
    toFigure(
      'article.cpuShare',
      'article method: proxy share of CPU',
      'percentunit',
      div(cpu(eq('container', proxyContainer)), cpu(neq('container', 'POD')))
    ),
    toFigure(
      'article.memoryShare',
      'article method: proxy share of memory',
      'percentunit',
      div(mem(eq('container', proxyContainer)), mem(neq('container', 'POD')))
    ),
    toFigure('article.cpuTotal', 'article method: cluster CPU', 'cores', cpu(neq('container', 'POD'))),
    toFigure('article.memoryTotal', 'article method: cluster memory', 'bytes', mem(neq('container', 'POD'))),
  ];
}
