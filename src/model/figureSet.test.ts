import fc from 'fast-check';
import { CATALOGUE, customMesh } from './catalogue';
import { clusterFigures, meshFigures } from './figureSet';
import type { FigureOptions } from './figures';
import { LATENCY_METHODS } from './latency';
import { DEFAULT_PRICING } from './pricing';
import { selectors } from '../testing/promql';
import { regexQuote } from './promql/escape';
import { syntaxProblems } from './promql/validate';
import type { Basis } from './resources';
import type { Grouping, Selection } from './scope';

const GROUPINGS: Grouping[] = ['none', 'cluster', 'namespace', 'workload'];
const BASES: Basis[] = ['usage', 'requests', 'max'];
const CADVISOR = new Set([
  'container_cpu_usage_seconds_total',
  'container_memory_working_set_bytes',
  'container_memory_usage_bytes',
]);

function allFigures(s: Selection, o: FigureOptions) {
  return [...clusterFigures(s, o), ...o.meshes.flatMap((m) => meshFigures(m, s, o))];
}

const opts = (basis: Basis, source: 'flat' | 'opencost' | 'auto', method = LATENCY_METHODS[0]): FigureOptions => ({
  pricing: { ...DEFAULT_PRICING, source },
  basis,
  latency: { method, quantile: 0.99, baselineOffset: '1h' },
  idleRps: 1,
  meshes: [...CATALOGUE, customMesh({ container: 'my-proxy', controlPlane: { namespace: 'my-mesh' } })],
});

describe('every figure', () => {
  const cases = GROUPINGS.flatMap((g) =>
    BASES.flatMap((b) =>
      (['flat', 'opencost', 'auto'] as const).flatMap((src) => LATENCY_METHODS.map((m) => [g, b, src, m] as const))
    )
  );
  test.each(cases)('parses with lezer-promql: group %s, basis %s, pricing %s, latency %s', (g, b, src, m) => {
    const figures = allFigures(
      { window: '5m', groupBy: g, cluster: 'prod', namespaceInclude: 'shop|pay.*' },
      opts(b, src, m)
    );
    expect(figures.length).toBeGreaterThan(50);
    for (const f of figures) {
      expect({ id: f.id, problems: syntaxProblems(f.expr) }).toEqual({ id: f.id, problems: [] });
    }
  });

  test('ids are unique per selection', () => {
    const ids = allFigures({ window: '5m', groupBy: 'none' }, opts('usage', 'flat')).map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a proxy in a control-plane pod is never a sidecar', () => {
    const linkerd = meshFigures(
      CATALOGUE.find((m) => m.id === 'linkerd')!,
      { window: '5m', groupBy: 'none' },
      opts('usage', 'flat')
    );
    const cpu = linkerd.find((f) => f.id === 'linkerd.sidecars.cpuCores')!;
    expect(cpu.expr).toContain('pod!~"linkerd-(destination|identity|proxy-injector)-.*"');
  });
});

describe('properties over random selections', () => {
  const text = fc.string({ maxLength: 20 });
  const selection = fc.record({
    window: fc.constantFrom('1m', '5m', '1h30m'),
    cluster: fc.option(text, { nil: undefined }),
    namespaceInclude: fc.option(text.map(regexQuote), { nil: undefined }),
    namespaceExclude: fc.option(text.map(regexQuote), { nil: undefined }),
    workloadInclude: fc.option(text.map(regexQuote), { nil: undefined }),
    groupBy: fc.constantFrom(...GROUPINGS),
    useRecordingRules: fc.boolean(),
  });

  test('every output parses, and a chosen cluster filters every selector by exactly the user value', () => {
    let filtered = 0;
    fc.assert(
      fc.property(
        selection,
        fc.constantFrom(...BASES),
        fc.constantFrom('flat' as const, 'opencost' as const),
        (s, b, src) => {
          for (const f of allFigures(s, opts(b, src))) {
            expect(syntaxProblems(f.expr)).toEqual([]);
            if (s.cluster !== undefined && s.cluster !== '') {
              // Every selector, not just those that happen to carry a cluster matcher: a dropped filter fails here.
              for (const x of selectors(f.ast)) {
                const ms = x.matchers.filter((m) => m.label === 'cluster');
                expect({ id: f.id, metric: x.metric, ms }).toEqual({
                  id: f.id,
                  metric: x.metric,
                  ms: [{ label: 'cluster', op: '=', value: s.cluster }],
                });
                filtered++;
              }
            }
          }
        }
      ),
      { numRuns: 60 }
    );
    expect(filtered).toBeGreaterThan(1000);
  });

  test('no selection reads cAdvisor pod-level or pause series', () => {
    let checked = 0;
    fc.assert(
      fc.property(selection, fc.constantFrom(...BASES), (s, b) => {
        for (const f of allFigures(s, opts(b, 'flat'))) {
          for (const x of selectors(f.ast).filter(
            (x) => CADVISOR.has(x.metric) || x.metric.startsWith('node_namespace_pod_container:')
          )) {
            const ms = x.matchers.map((m) => `${m.label}${m.op}${m.value}`);
            expect(ms).toEqual(expect.arrayContaining(['container!=', 'container!=POD']));
            checked++;
          }
        }
      }),
      { numRuns: 40 }
    );
    expect(checked).toBeGreaterThan(1000);
  });

  test('memory is always the working set, never usage_bytes', () => {
    const figs = allFigures({ window: '5m', groupBy: 'none' }, opts('max', 'flat'));
    expect(figs.some((f) => f.expr.includes('container_memory_usage_bytes'))).toBe(false);
  });
});
