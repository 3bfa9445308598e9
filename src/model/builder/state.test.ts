import fc from 'fast-check';
import { parse } from 'yaml';
import { CATALOGUE } from '../catalogue';
import { DEFAULT_FIGURE_OPTIONS } from '../figureSet';
import { LATENCY_METHODS } from '../latency';
import { ruleGroups, type RecordingRule } from '../rules/generate';
import { DEFAULT_OPTIONS } from '../options/defaults';
import { buildFigure } from './build';
import { BUILDER_FIGURES } from './catalogue';
import { detectedFirst, detectionProbes } from './detect';
import { builderRuleName, builderRuleYaml } from './recordingRule';
import { BASES, defaultState, GROUPINGS, PRICE_SOURCES, stateFromParams, stateToParams, URL_KEYS } from './state';

const defaults = defaultState(DEFAULT_OPTIONS);

describe('URL state', () => {
  const state = fc.record({
    datasource: fc.string(),
    mesh: fc.string(),
    figure: fc.constantFrom(...BUILDER_FIGURES.map((f) => f.kind)),
    method: fc.constantFrom(...LATENCY_METHODS),
    baselineOffset: fc.string(),
    cluster: fc.string(),
    namespaceInclude: fc.string(),
    namespaceExclude: fc.string(),
    workloadInclude: fc.string(),
    groupBy: fc.constantFrom(...GROUPINGS),
    window: fc.string(),
    basis: fc.constantFrom(...BASES),
    priceSource: fc.constantFrom(...PRICE_SOURCES),
    cpuHourUsd: fc.string(),
    gibHourUsd: fc.string(),
    hoursPerMonth: fc.string(),
    idleRps: fc.string(),
  });

  test('any state survives a trip through the URL, typed text included', () => {
    fc.assert(
      fc.property(state, (s) => {
        const url = stateToParams(s, defaults).toString();
        expect(stateFromParams(new URLSearchParams(url), defaults)).toEqual(s);
      }),
      { numRuns: 300 }
    );
  });

  test('defaults stay out of the link, other parameters stay in it', () => {
    const base = new URLSearchParams({ from: '1', to: '2' });
    const p = stateToParams({ ...defaults, groupBy: 'workload', cluster: 'prod' }, defaults, base);
    expect(p.toString()).toBe('from=1&to=2&cluster=prod&groupBy=workload');
  });

  test('a choice outside its list falls back to the default', () => {
    const s = stateFromParams(new URLSearchParams({ figure: 'nope', groupBy: 'pod', window: 'x' }), defaults);
    expect(s).toEqual({ ...defaults, window: 'x' });
  });

  test('URL keys are distinct', () => {
    expect(new Set(Object.values(URL_KEYS)).size).toBe(Object.keys(URL_KEYS).length);
  });
});

describe('recording rule', () => {
  test.each(GROUPINGS)('grouped by %s: one rule named level:metric:operations, with the exact query', (groupBy) => {
    for (const spec of BUILDER_FIGURES) {
      const r = buildFigure({ ...defaults, figure: spec.kind, groupBy }, 'istio', CATALOGUE);
      if (spec.kind === 'splitServices' && groupBy === 'workload') {
        expect(r.figure).toBeUndefined(); // a service is not a workload: no query, no rule
        continue;
      }
      const doc = parse(builderRuleYaml(r.mesh!, r.figure!, groupBy, r.options!.latency));
      expect(doc.groups).toHaveLength(1);
      const [rule] = doc.groups[0].rules;
      expect(rule.record).toMatch(/^meshtax:[a-z0-9_]+:[a-z0-9_]+$/);
      expect(rule.expr).toBe(r.figure!.expr);
      expect(rule.labels).toMatchObject({ mesh: 'istio', meshtax_grouping: groupBy });
    }
  });

  test('the name is the one the rules file records the figure under (issue #16: one name)', () => {
    const istio = CATALOGUE[0];
    expect(builderRuleName(istio, 'istio.sidecars.cpuShare')).toBe('meshtax:sidecar_cpu_share:ratio');
    expect(builderRuleName(istio, 'istio.cost.total')).toBe('meshtax:monthly_cost_usd:sum');
    const file = ruleGroups({
      selection: { window: '5m' },
      figures: DEFAULT_FIGURE_OPTIONS,
      monthlyCostThresholdUsd: 1000,
      for: '15m',
    }).flatMap((g) => g.rules.filter((r): r is RecordingRule => 'record' in r && r.labels?.mesh === 'istio'));
    for (const spec of BUILDER_FIGURES) {
      const r = buildFigure({ ...defaults, figure: spec.kind, groupBy: 'none' }, 'istio', CATALOGUE);
      const name = builderRuleName(istio, r.figure!.id);
      expect(file.filter((x) => x.record === name)).toHaveLength(1);
    }
  });
});

describe('detection', () => {
  test('probes count pods of the data plane and the node agents, as the report does', () => {
    const probes = detectionProbes(CATALOGUE);
    expect(probes.find((p) => p.mesh.id === 'cilium')!.exprs).toHaveLength(1);
    expect(probes.find((p) => p.mesh.id === 'istio-ambient')!.exprs).toHaveLength(2);
    probes.flatMap((p) => p.exprs).forEach((e) => expect(e).toMatch(/container!="POD"/));
  });

  test('detected meshes come first, each group in catalogue order', () => {
    const ids = detectedFirst(CATALOGUE, new Set(['linkerd', 'consul'])).map((m) => m.id);
    expect(ids).toEqual(['linkerd', 'consul', 'istio', 'istio-ambient', 'cilium', 'kuma']);
  });
});
