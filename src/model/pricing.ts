/**
 * Pricing: flat rates (the article's $0.04 per vCPU-hour and $0.005 per GiB-hour over 730 hours), or OpenCost's
 * per-node prices when its metrics are present. Memory is priced per GiB (2^30 bytes).
 */
import type { Expr, Matcher } from './promql/ast';
import { agg, bin, div, labelReplace, mul, num, sel } from './promql/dsl';
import { QueryInputError } from './promql/escape';
import type { Basis } from './resources';

export const GIB = 2 ** 30;

export interface Pricing {
  source: 'flat' | 'opencost';
  cpuHourUsd: number;
  gibHourUsd: number;
  hoursPerMonth: number;
  basis: Basis;
}

export const DEFAULT_PRICING: Pricing = {
  source: 'flat',
  cpuHourUsd: 0.04,
  gibHourUsd: 0.005,
  hoursPerMonth: 730,
  basis: 'usage',
};

export function validatePricing(p: Pricing): Pricing {
  const check = (field: string, v: number, max: number) => {
    if (!Number.isFinite(v) || v < 0 || v > max) {
      throw new QueryInputError(field, `${field}: ${v} is not a price between 0 and ${max}`);
    }
  };
  check('cpu-hour-usd', p.cpuHourUsd, 100);
  check('gib-hour-usd', p.gibHourUsd, 100);
  if (!Number.isFinite(p.hoursPerMonth) || p.hoursPerMonth <= 0 || p.hoursPerMonth > 744) {
    throw new QueryInputError(
      'hours-per-month',
      `hours-per-month: ${p.hoursPerMonth} must be above 0 and at most 744 (31 days)`
    );
  }
  if (!['usage', 'requests', 'max'].includes(p.basis)) {
    throw new QueryInputError('basis', `basis: "${p.basis}" must be usage, requests or max`);
  }
  return p;
}

function nodePrice(metric: string, cluster: Matcher[], by: string[]): Expr {
  return agg('avg', sel(metric, ...cluster), by);
}

/**
 * A per-container vector times its node's hourly price. A container whose node OpenCost does not price (a node
 * added since its last scrape, or usage series without a node label) gets its cluster's average price instead of
 * silently dropping out of the join.
 */
function atNodePrice(v: Expr, metric: string, cluster: Matcher[]): Expr {
  const byNode = mul(v, nodePrice(metric, cluster, ['cluster', 'node']), { on: ['cluster', 'node'], groupLeft: [] });
  const byCluster = mul(v, nodePrice(metric, cluster, ['cluster']), { on: ['cluster'], groupLeft: [] });
  return bin('or', byNode, byCluster, { on: ['cluster', 'namespace', 'pod', 'container'] });
}

/** Tags a cost vector with the resource it prices, so that CPU and memory costs never share a label set. */
const tagged = (e: Expr, resource: string) => labelReplace(e, 'resource', resource, '', '');

/**
 * Monthly USD per container and resource, from per-container CPU cores and memory bytes keyed by CONTAINER_KEY;
 * sum it to get a cost. CPU and memory costs are a union of two disjoint, tagged vectors rather than `cpu + memory`:
 * `+` keeps only containers present on both sides, so one that requests CPU but no memory would cost nothing.
 */
export function containerMonthlyCost(cpu: Expr, memory: Expr, p: Pricing, cluster: Matcher[]): Expr {
  const gib = div(memory, num(GIB));
  const hourly =
    p.source === 'opencost'
      ? {
          cpu: atNodePrice(cpu, 'node_cpu_hourly_cost', cluster),
          memory: atNodePrice(gib, 'node_ram_hourly_cost', cluster),
        }
      : { cpu: mul(cpu, num(p.cpuHourUsd)), memory: mul(gib, num(p.gibHourUsd)) };
  return mul(bin('or', tagged(hourly.cpu, 'cpu'), tagged(hourly.memory, 'memory')), num(p.hoursPerMonth));
}

/** True when OpenCost's node prices are present. */
export function opencostProbe(cluster: Matcher[]): Expr {
  return bin(
    'and',
    agg('count', sel('node_cpu_hourly_cost', ...cluster)),
    agg('count', sel('node_ram_hourly_cost', ...cluster))
  );
}
