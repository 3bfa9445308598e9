/**
 * Pricing: flat rates (the article's $0.04 per vCPU-hour and $0.005 per GiB-hour over 730 hours), or OpenCost's
 * per-node prices when its metrics are present. Memory is priced per GiB (2^30 bytes).
 */
import { DEFAULT_OPTIONS } from './options/defaults';
import type { Expr, Matcher } from './promql/ast';
import { agg, bin, div, labelReplace, mul, num, sel } from './promql/dsl';

export const GIB = 2 ** 30;

/** The flat rates, and the hours in a month that turn any hourly price into a monthly one. */
export interface Prices {
  cpuHourUsd: number;
  gibHourUsd: number;
  hoursPerMonth: number;
}

/**
 * Prices as a query applies them: OpenCost's node prices, the flat rates, or `auto`: OpenCost's prices wherever they
 * exist and the flat rates elsewhere, decided inside the query, per container, so that surfaces that cannot probe
 * first (scenes, dashboards, rules, alerts) give the report's answer. The cost basis is in FigureOptions.
 */
export interface Pricing extends Prices {
  source: 'flat' | 'opencost' | 'auto';
}

export const DEFAULT_PRICING: Pricing = { source: 'flat', ...DEFAULT_OPTIONS.prices };

/** One container, whatever else its series carry (node). */
const CONTAINER_MATCH = ['cluster', 'namespace', 'pod', 'container'];

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
  return bin('or', byNode, byCluster, { on: CONTAINER_MATCH });
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
  const flat = { cpu: mul(cpu, num(p.cpuHourUsd)), memory: mul(gib, num(p.gibHourUsd)) };
  const opencost = {
    cpu: atNodePrice(cpu, 'node_cpu_hourly_cost', cluster),
    memory: atNodePrice(gib, 'node_ram_hourly_cost', cluster),
  };
  const hourly =
    p.source === 'opencost'
      ? opencost
      : p.source === 'auto'
        ? { cpu: orFlat(opencost.cpu, flat.cpu), memory: orFlat(opencost.memory, flat.memory) }
        : flat;
  return mul(bin('or', tagged(hourly.cpu, 'cpu'), tagged(hourly.memory, 'memory')), num(p.hoursPerMonth));
}

/**
 * `auto` without a probe: a container OpenCost prices (its node's price, else its cluster's average) keeps that price;
 * one in a cluster OpenCost does not price at all takes the flat rate. Where OpenCost is absent everywhere this is the
 * flat cost, where it is present everywhere the OpenCost cost: the report's probe picks the same answer.
 */
const orFlat = (opencost: Expr, flat: Expr) => bin('or', opencost, flat, { on: CONTAINER_MATCH });

/** True when OpenCost's node prices are present. */
export function opencostProbe(cluster: Matcher[]): Expr {
  return bin(
    'and',
    agg('count', sel('node_cpu_hourly_cost', ...cluster)),
    agg('count', sel('node_ram_hourly_cost', ...cluster))
  );
}
