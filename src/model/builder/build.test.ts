import fc from 'fast-check';
import { CATALOGUE, meshById, type MeshId } from '../catalogue';
import { ENVOY_FLAGS, RESILIENCE, valueUnavailable } from '../value/defs';
import { meshFigureId } from '../figureKeys';
import { syntaxProblems } from '../promql/validate';
import { DEFAULT_OPTIONS } from '../options/defaults';
import { buildFigure } from './build';
import { BUILDER_FIGURES } from './catalogue';
import { formatExpr } from './pretty';
import { BASES, defaultState, GROUPINGS, PRICE_SOURCES, type BuilderState } from './state';
import { selectors, squeeze, treeShape } from '../../testing/promql';
import { LATENCY_METHODS } from '../latency';

const base = defaultState(DEFAULT_OPTIONS);
const CADVISOR = ['container_cpu_usage_seconds_total', 'container_memory_working_set_bytes'];

describe('every builder figure', () => {
  const cases = ['istio', 'linkerd'].flatMap((mesh) =>
    BUILDER_FIGURES.flatMap((f) => GROUPINGS.map((g) => [mesh, f.kind, g] as const))
  );
  test.each(cases)('%s %s grouped by %s is a figure of figureSet.ts and parses', (mesh, figure, groupBy) => {
    const r = buildFigure({ ...base, figure, groupBy }, mesh, CATALOGUE);
    expect(r.errors).toEqual({});
    const why = valueUnavailable(meshById(mesh as MeshId), r.spec!.key, groupBy);
    if (why) {
      // Linkerd's split and resilience, a split per workload: the builder says the model's reason, not a blank.
      expect(r.figure).toBeUndefined();
      expect(r.unavailable).toContain(why.replace(/^unavailable:? ?/, ''));
      return;
    }
    expect(r.figure?.id).toBe(meshFigureId(mesh, r.spec!.key));
    expect(syntaxProblems(r.figure!.expr)).toEqual([]);
  });

  test('the builder offers at least the figures of issue #6', () => {
    expect(BUILDER_FIGURES.map((f) => f.key)).toEqual(
      expect.arrayContaining([
        'sidecars.cpuShare',
        'sidecars.memoryPerPodAvg',
        'sidecars.cpuRequestShare',
        'cost.controlPlane',
        'cost.total',
        'latency.pNAdded',
        'sidecars.vcpuPer1kRps',
        'cost.idleSidecars',
      ])
    );
    // Issue #17: every figure of what the mesh does.
    expect(BUILDER_FIGURES.map((f) => f.key)).toEqual(
      expect.arrayContaining([
        'traffic.rps',
        'value.mtlsShare',
        'traffic.plaintextRps',
        'value.splitServices',
        'resilience.circuitBreaking',
        'resilience.retriesExhausted',
        'resilience.timeouts',
        'resilience.rateLimited',
        'value.costPerMillionRequests',
      ])
    );
    expect(BUILDER_FIGURES.filter((f) => f.cannotSee.length === 0).map((f) => f.kind)).toEqual([]);
  });
});

test.each(RESILIENCE)('the builder\'s %s entry reads its own Envoy flag, and only it', (r) => {
  const q = buildFigure({ ...base, figure: r }, 'istio', CATALOGUE).figure!;
  const flags = selectors(q.ast).flatMap((x) => x.matchers.filter((m) => m.label === 'response_flags'));
  expect(flags.length).toBeGreaterThan(0);
  for (const m of flags) {
    const read = RESILIENCE.filter((x) => new RegExp(`^${m.value}$`).test(ENVOY_FLAGS[x]));
    expect(read).toEqual([r]);
  }
});

describe('invalid input', () => {
  test('each bad field gets its own message, and the typed text is kept in the state', () => {
    const s: BuilderState = {
      ...base,
      figure: 'monthlyCost',
      window: '5 minutes',
      namespaceInclude: 'shop(',
      workloadInclude: '(?=x)',
      cpuHourUsd: '-1',
      gibHourUsd: 'abc',
      hoursPerMonth: '',
    };
    const r = buildFigure(s, 'istio', CATALOGUE);
    expect(Object.keys(r.errors).sort()).toEqual(
      ['window', 'namespaceInclude', 'workloadInclude', 'cpuHourUsd', 'gibHourUsd', 'hoursPerMonth'].sort()
    );
    expect(r.errors.window).toMatch(/not a Prometheus duration/);
    expect(r.errors.workloadInclude).toMatch(/lookaround/);
    expect(r.figure).toBeUndefined();
    expect(s.namespaceInclude).toBe('shop(');
  });

  test('fields the figure does not use never block it', () => {
    const r = buildFigure({ ...base, figure: 'cpuShare', cpuHourUsd: 'x', idleRps: '-3' }, 'istio', CATALOGUE);
    expect(r.errors).toEqual({});
    expect(r.figure).toBeDefined();
  });

  test('Grafana interval macros are refused: the preview runs on Prometheus itself', () => {
    expect(buildFigure({ ...base, window: '$__rate_interval' }, 'istio', CATALOGUE).errors.window).toBeDefined();
  });

  test.each([
    ['cilium', 'cpuShare', 'none', /no per-workload proxies/],
    ['cilium', 'p99Added', 'none', /no latency histogram/],
    ['consul', 'vcpuPer1kRps', 'none', /no request counter/],
    ['istio-ambient', 'p99Added', 'none', /no latency histogram/],
  ] as const)('%s has no %s: the reason is said', (mesh, figure, groupBy, why) => {
    const r = buildFigure({ ...base, figure, groupBy }, mesh, CATALOGUE);
    expect(r.figure).toBeUndefined();
    expect(r.unavailable).toMatch(why);
  });

  test('app-vs-mesh needs the workload grouping', () => {
    const s = { ...base, figure: 'p99Added' as const, method: 'app-vs-mesh' as const };
    expect(buildFigure(s, 'istio', CATALOGUE).unavailable).toMatch(/grouped by workload/);
    expect(buildFigure({ ...s, groupBy: 'workload' }, 'istio', CATALOGUE).figure).toBeDefined();
  });

  test('an unknown mesh is an error at the mesh field', () => {
    expect(buildFigure(base, 'nope', CATALOGUE).errors.mesh).toMatch(/unknown mesh/);
  });
});

describe('properties over random builder inputs', () => {
  const hostile = fc.oneof(
    fc.constantFrom('"} or vector(1) #', 'a"b', 'back\\slash', 'new\nline', "it's", '`x`', '}[5m]) or on() vector(1)'),
    fc.string({ minLength: 1, maxLength: 24 })
  );
  // Any text is a valid regex once its metacharacters are quoted; raw hostile text is tried too and skipped if invalid.
  const state = fc.record({
    mesh: fc.constantFrom(...CATALOGUE.map((m) => m.id)),
    figure: fc.constantFrom(...BUILDER_FIGURES.map((f) => f.kind)),
    method: fc.constantFrom(...LATENCY_METHODS),
    groupBy: fc.constantFrom(...GROUPINGS),
    basis: fc.constantFrom(...BASES),
    priceSource: fc.constantFrom(...PRICE_SOURCES),
    window: fc.constantFrom('1m', '5m', '1h30m', '90s'),
    cluster: hostile,
    namespaceInclude: hostile,
    namespaceExclude: hostile,
    workloadInclude: hostile,
  });
  const benign = { cluster: 'c', namespaceInclude: 'n', namespaceExclude: 'x', workloadInclude: 'w' };

  test('every output parses, user values change only string literals, and cAdvisor is read without pod or pause series', () => {
    let built = 0;
    let cadvisor = 0;
    let filtered = 0;
    fc.assert(
      fc.property(state, ({ mesh, ...input }) => {
        const s: BuilderState = { ...base, ...input };
        const r = buildFigure(s, mesh, CATALOGUE);
        if (!r.figure) {
          return;
        }
        built++;
        expect(syntaxProblems(r.figure.expr)).toEqual([]);
        const plain = buildFigure({ ...s, ...benign }, mesh, CATALOGUE).figure!;
        expect(treeShape(r.figure.expr)).toEqual(treeShape(plain.expr));
        for (const x of selectors(r.figure.ast).filter((x) => CADVISOR.includes(x.metric))) {
          const ms = x.matchers.map((m) => `${m.label}${m.op}${m.value}`);
          expect(ms).toEqual(expect.arrayContaining(['container!=', 'container!=POD']));
          cadvisor++;
        }
        // Every selector is cut to exactly the chosen cluster: one that lost its filter fails here.
        for (const x of selectors(r.figure.ast)) {
          const ms = x.matchers.filter((m) => m.label === 'cluster');
          expect({ metric: x.metric, ms }).toEqual({
            metric: x.metric,
            ms: [{ label: 'cluster', op: '=', value: s.cluster }],
          });
          filtered++;
        }
      }),
      { numRuns: 150 }
    );
    expect(built).toBeGreaterThan(30);
    expect(cadvisor).toBeGreaterThan(30);
    expect(filtered).toBeGreaterThan(100);
  });

  test('the laid-out query is the query: only whitespace outside string literals differs', () => {
    let laidOut = 0;
    fc.assert(
      fc.property(state, fc.integer({ min: 20, max: 120 }), ({ mesh, ...input }, width) => {
        const r = buildFigure({ ...base, ...input }, mesh, CATALOGUE);
        if (r.figure) {
          const pretty = formatExpr(r.figure.ast, width);
          expect(squeeze(pretty)).toBe(squeeze(r.figure.expr));
          expect(syntaxProblems(pretty)).toEqual([]);
          laidOut++;
        }
      }),
      { numRuns: 120 }
    );
    // Meshes without a figure (Cilium's latency, ...) build nothing: most random inputs must still build one.
    expect(laidOut).toBeGreaterThan(20);
  });
});
