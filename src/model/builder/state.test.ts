import fc from 'fast-check';
import { parse } from 'yaml';
import { CATALOGUE } from '../catalogue';
import { LATENCY_METHODS } from '../latency';
import { DEFAULT_SETTINGS } from '../settings';
import { buildFigure } from './build';
import { BUILDER_FIGURES } from './catalogue';
import { detectedFirst, detectionProbes } from './detect';
import { builderRuleName, builderRuleYaml } from './recordingRule';
import { BASES, defaultState, GROUPINGS, PRICE_SOURCES, stateFromParams, stateToParams, URL_KEYS } from './state';

const defaults = defaultState(DEFAULT_SETTINGS);

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
      const doc = parse(builderRuleYaml(r.mesh!, r.figure!, groupBy, r.options!.latency));
      expect(doc.groups).toHaveLength(1);
      const [rule] = doc.groups[0].rules;
      expect(rule.record).toMatch(/^[a-z_]*:meshtax_[a-z0-9_]+:[a-z0-9_]+$/);
      expect(rule.expr).toBe(r.figure!.expr);
      expect(rule.labels.mesh).toBe('istio');
    }
  });

  test('the level names the grouping labels; ungrouped it is empty, as kubernetes-mixin writes it', () => {
    const istio = CATALOGUE[0];
    expect(builderRuleName(istio, 'istio.sidecars.cpuShare', 'none')).toBe(':meshtax_sidecar_cpu_share:ratio');
    expect(builderRuleName(istio, 'istio.cost.total', 'workload')).toBe(
      'cluster_namespace_workload:meshtax_monthly_cost_usd:sum'
    );
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
