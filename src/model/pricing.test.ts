import type { Expr } from './promql/ast';
import { eq, sel } from './promql/dsl';
import { metricsOf } from './metrics';
import { containerMonthlyCost, DEFAULT_PRICING, GIB, type Pricing } from './pricing';

/** Every binary node of an expression, depth first. */
function binaries(e: Expr, out: Array<Extract<Expr, { kind: 'binary' }>> = []) {
  if (e.kind === 'binary') {
    out.push(e);
    binaries(e.lhs, out);
    binaries(e.rhs, out);
  } else if (e.kind === 'call') {
    e.args.forEach((a) => binaries(a, out));
  } else if (e.kind === 'agg' || e.kind === 'subquery') {
    binaries(e.expr, out);
  }
  return out;
}

const numberOf = (e: Expr) => (e.kind === 'number' ? e.value : undefined);
const cpu = sel('cpu_cores');
const mem = sel('memory_bytes');
const flat: Pricing = { ...DEFAULT_PRICING, cpuHourUsd: 0.03, gibHourUsd: 0.007, hoursPerMonth: 700 };
const opencost: Pricing = { ...flat, source: 'opencost' };
const auto: Pricing = { ...flat, source: 'auto' };

describe('containerMonthlyCost', () => {
  test.each([flat, opencost, auto])('%o: CPU and memory costs are a union, never `cpu + memory`', (p) => {
    const e = containerMonthlyCost(cpu, mem, p, [eq('cluster', 'a')]);
    // `+` keeps only containers with both resources: one that requests only CPU would cost nothing.
    expect(binaries(e).filter((b) => b.op === '+')).toEqual([]);
    expect(e.kind === 'binary' && e.op === '*' && numberOf(e.rhs)).toBe(p.hoursPerMonth);
    const union = e.kind === 'binary' ? e.lhs : e;
    expect(union.kind === 'binary' && union.op).toBe('or');
    // Each side is tagged with its resource, so the two never share a label set and `or` keeps both.
    const tags = union.kind === 'binary' ? [union.lhs, union.rhs].map((x) => x.kind === 'call' && x.args[2]) : [];
    expect(tags).toEqual([
      { kind: 'string', value: 'cpu' },
      { kind: 'string', value: 'memory' },
    ]);
  });

  test('flat: cores at the CPU rate, bytes over 2^30 at the GiB rate', () => {
    const e = containerMonthlyCost(cpu, mem, flat, []);
    const muls = binaries(e).filter((b) => b.op === '*' || b.op === '/');
    const constants = muls.map((b) => numberOf(b.rhs));
    expect(constants).toEqual(expect.arrayContaining([0.03, 0.007, GIB, 700]));
    const cpuSide = muls.find((b) => numberOf(b.rhs) === 0.03)!;
    expect([...metricsOf(cpuSide.lhs)]).toEqual(['cpu_cores']);
    const memSide = muls.find((b) => numberOf(b.rhs) === 0.007)!;
    expect([...metricsOf(memSide.lhs)]).toEqual(['memory_bytes']);
  });

  test('OpenCost: CPU at node_cpu_hourly_cost and memory at node_ram_hourly_cost, by node, else the cluster average', () => {
    const e = containerMonthlyCost(cpu, mem, opencost, []);
    const union = e.kind === 'binary' ? e.lhs : e;
    const [cpuSide, memSide] = union.kind === 'binary' ? [union.lhs, union.rhs] : [];
    expect([...metricsOf(cpuSide!)].sort()).toEqual(['cpu_cores', 'node_cpu_hourly_cost']);
    expect([...metricsOf(memSide!)].sort()).toEqual(['memory_bytes', 'node_ram_hourly_cost']);
    const joins = binaries(e).filter((b) => b.op === '*' && b.matching?.on);
    expect(joins.map((b) => b.matching!.on)).toEqual([
      ['cluster', 'node'],
      ['cluster'],
      ['cluster', 'node'],
      ['cluster'],
    ]);
    const fallbacks = binaries(e).filter((b) => b.op === 'or' && b.matching?.on);
    expect(fallbacks.map((b) => b.matching!.on)).toEqual([
      ['cluster', 'namespace', 'pod', 'container'],
      ['cluster', 'namespace', 'pod', 'container'],
    ]);
  });

  test("auto: OpenCost's price per container where it has one, else the flat rate, per resource, inside the query", () => {
    const e = containerMonthlyCost(cpu, mem, auto, []);
    const union = e.kind === 'binary' ? e.lhs : e;
    const [cpuSide, memSide] = union.kind === 'binary' ? [union.lhs, union.rhs] : [];
    expect([...metricsOf(cpuSide!)].sort()).toEqual(['cpu_cores', 'node_cpu_hourly_cost']);
    expect([...metricsOf(memSide!)].sort()).toEqual(['memory_bytes', 'node_ram_hourly_cost']);
    // by node, else the cluster's average, else flat: three-way, each step keyed by container.
    const fallbacks = binaries(e).filter((b) => b.op === 'or' && b.matching?.on);
    expect(fallbacks.map((b) => b.matching!.on)).toEqual(Array(4).fill(['cluster', 'namespace', 'pod', 'container']));
    const flatRates = binaries(e).filter((b) => b.op === '*').map((b) => numberOf(b.rhs));
    expect(flatRates).toEqual(expect.arrayContaining([0.03, 0.007]));
  });
});
