import { syntaxProblems } from '../promql/validate';
import { render } from '../promql/render';
import { DEFAULT_FIGURE_OPTIONS } from '../figureSet';
import { QueryInputError } from '../promql/escape';
import { rulesConfigProbe } from '../rules/config';
import type { Selection } from '../scope';
import { decideSource, expiringCache, unprobedFigures, type SourceRequest } from './figureSource';
import { MIXIN_CPU_RULES, MIXIN_MEMORY_RULE, mixinProbe } from './mixin';

const S: Selection = { window: '5m', groupBy: 'none' };

/** A fake data source: the mixin probe answers with these series counts by name, everything else is empty. */
function source(names: string[]) {
  const asked: string[] = [];
  const probe = render(mixinProbe([]));
  const q = async (e: string) => {
    asked.push(e);
    return e === probe ? names.map((n) => ({ metric: { __name__: n }, value: 3 })) : [];
  };
  return { q, asked };
}

const input = (requested: SourceRequest) => ({
  requested,
  hasCustomMesh: false,
  recordedProbe: rulesConfigProbe(S, DEFAULT_FIGURE_OPTIONS),
});

test('the probe is valid PromQL, one instant count by metric name', () => {
  const probe = render(mixinProbe([]));
  expect(syntaxProblems(probe)).toEqual([]);
  expect(probe).toMatch(/^count by \(__name__\) \(\{__name__=~"/);
});

test.each([
  [[MIXIN_CPU_RULES.sum_rate5m, MIXIN_MEMORY_RULE], { cpu: 'sum_rate5m', memory: true }],
  [[MIXIN_CPU_RULES.sum_irate, MIXIN_MEMORY_RULE], { cpu: 'sum_irate', memory: true }],
  // Both spellings during a mixin upgrade: one only, or every container counts twice.
  [[MIXIN_CPU_RULES.sum_irate, MIXIN_CPU_RULES.sum_rate5m], { cpu: 'sum_rate5m', memory: false }],
  [[MIXIN_MEMORY_RULE], { cpu: null, memory: true }],
])('auto with %j reads %j', async (names, mixin) => {
  const d = await decideSource(source(names).q, S, input('auto'));
  expect(d).toMatchObject({ kind: 'mixin', mixin });
});

test('auto without the rules reads raw and says why; mixin asked for without them is refused', async () => {
  const d = await decideSource(source([]).q, S, input('auto'));
  expect(d.kind).toBe('raw');
  expect(d.note).toMatch(/no `meshtax rules` recording rules .* no kubernetes-mixin recording rules/);
  await expect(decideSource(source([]).q, S, input('mixin'))).rejects.toBeInstanceOf(QueryInputError);
});

test('the mixin probe is asked once per cache key', async () => {
  let t = 0;
  const store = expiringCache(60_000, () => t);
  const { q, asked } = source([MIXIN_MEMORY_RULE]);
  const probe = render(mixinProbe([]));
  for (let i = 0; i < 3; i++) {
    await decideSource(q, S, { ...input('auto'), cache: { store, key: 'ds-a' } });
  }
  expect(asked.filter((e) => e === probe)).toHaveLength(1);
  await decideSource(q, S, { ...input('auto'), cache: { store, key: 'ds-b' } });
  t = 60_001;
  await decideSource(q, S, { ...input('auto'), cache: { store, key: 'ds-a' } });
  expect(asked.filter((e) => e === probe)).toHaveLength(3);
});

test('queries without a probe: mixin reads the mixin, never its pause containers; auto reads raw', () => {
  const mixin = unprobedFigures('mixin', S, DEFAULT_FIGURE_OPTIONS).find((f) => f.id === 'istio.sidecars.cpuCores')!;
  expect(mixin.expr).toContain(`${MIXIN_CPU_RULES.sum_rate5m}{container!="", container!="POD"`);
  expect(mixin.expr).not.toMatch(/rate\(/);
  const auto = unprobedFigures('auto', S, DEFAULT_FIGURE_OPTIONS).find((f) => f.id === 'istio.sidecars.cpuCores')!;
  expect(auto.expr).toMatch(/rate\(container_cpu_usage_seconds_total\{/);
  expect(() => unprobedFigures('mixin', { ...S, window: '10m' }, DEFAULT_FIGURE_OPTIONS)).toThrow(/fixed 5m rate/);
});
