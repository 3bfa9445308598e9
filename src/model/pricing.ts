/**
 * Pricing: flat rates (the article's $0.04 per vCPU-hour and $0.005 per GiB-hour over 730 hours), or OpenCost's
 * per-node prices when its metrics are present. Memory is priced per GiB (2^30 bytes).
 */
import type { Expr, Matcher } from './promql/ast';
import { add, agg, bin, div, mul, num, sel } from './promql/dsl';
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

function nodePrice(metric: string, cluster: Matcher[]): Expr {
  return agg('avg', sel(metric, ...cluster), ['cluster', 'node']);
}

/** Monthly USD per container, from per-container CPU cores and memory bytes keyed by CONTAINER_KEY. */
export function containerMonthlyCost(cpu: Expr, memory: Expr, p: Pricing, cluster: Matcher[]): Expr {
  const gib = div(memory, num(GIB));
  if (p.source === 'opencost') {
    const byNode = { on: ['cluster', 'node'], groupLeft: [] };
    const hourly = add(
      mul(cpu, nodePrice('node_cpu_hourly_cost', cluster), byNode),
      mul(gib, nodePrice('node_ram_hourly_cost', cluster), byNode)
    );
    return mul(hourly, num(p.hoursPerMonth));
  }
  return mul(add(mul(cpu, num(p.cpuHourUsd)), mul(gib, num(p.gibHourUsd))), num(p.hoursPerMonth));
}

/** True when OpenCost's node prices are present. */
export function opencostProbe(cluster: Matcher[]): Expr {
  return bin(
    'and',
    agg('count', sel('node_cpu_hourly_cost', ...cluster)),
    agg('count', sel('node_ram_hourly_cost', ...cluster))
  );
}
