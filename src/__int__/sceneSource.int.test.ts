/**
 * Issue #19 §1 for the app's scene pages, on a real Prometheus that runs the kubernetes-mixin's recording rules
 * (backfilled by promtool from demo/mixin-rules.yml): the page's cached probe decides `mixin`, the Breakdown's queries
 * then read the mixin's series for CPU and memory (no raw cAdvisor usage), and its namespace and workload rows add up
 * to the Overview's figures, which the same decision reads from the same series. Within AGREEMENT (0.5%), issue #16's
 * bound; they run the same series at the same time, so in practice to float rounding.
 */
import { join } from 'node:path';
import { startPrometheus, type PromHandle } from '../../demo/harness';
import { overviewReportInput } from '../features/overview/reportInput';
import { CATALOGUE, type MeshDef } from '../model/catalogue';
import { meshFigureId, type MeshFigureKey } from '../model/figureKeys';
import { figureOptions } from '../model/options/figureOptions';
import { buildReport, type Report } from '../model/report';
import { DEFAULT_SETTINGS } from '../model/settings';
import { expiringCache } from '../model/source/figureSource';
import { MIXIN_CPU_RULES, MIXIN_MEMORY_RULE, RAW_USAGE } from '../model/source/mixin';
import { reportValue } from '../model/__int__/truth14';
import { figureQueries } from '../shared/scenes/queries';
import { decideSceneSource } from '../shared/scenes/usageSource';
import { substitute } from '../testing/dashboardQueries';

/** Issue #16's bound, as agreement.int.test.ts (a test file cannot be imported without running it). */
const AGREEMENT = 0.005;

// As in agreement.int: only the query text the scene modules write is read, so Grafana's packages are stood in for.
jest.mock('@grafana/scenes', () => new Proxy({}, { get: () => class {} }));
jest.mock('@grafana/data', () => new Proxy({}, { get: () => ({}) }));
jest.mock('../services/prometheus', () => ({ dsInstantQuery: jest.fn() }));

const USAGE_REFS: Array<[string, MeshFigureKey]> = [
  ['cost', 'cost.sidecars'],
  ['cpu', 'sidecars.cpuCores'],
  ['memory', 'sidecars.memoryBytes'],
];

describe('migration preset with the kubernetes-mixin rules', () => {
  let prom: PromHandle;
  let report: Report;
  let present: MeshDef[];
  const settings = DEFAULT_SETTINGS;
  beforeAll(async () => {
    prom = await startPrometheus({
      preset: 'migration',
      recordingRules: join(__dirname, '..', '..', 'demo', 'mixin-rules.yml'),
    });
    report = await buildReport((e) => prom.query(e), overviewReportInput(settings, prom.evalTime));
    present = CATALOGUE.filter((m) => m.dataPlane && report.meshes.some((x) => x.id === m.id));
  });
  afterAll(async () => {
    await prom?.stop();
  });

  test('the scene probe decides mixin once, then answers from the cache without a query', async () => {
    const cache = { store: expiringCache(60_000, () => 0), key: 'prom|' };
    let asked = 0;
    const q = (e: string) => {
      asked++;
      return prom.query(e, prom.evalTime);
    };
    const o = figureOptions(settings.options);
    const first = await decideSceneSource(q, undefined, o, false, cache);
    expect(first).toMatchObject({ kind: 'mixin', mixin: { cpu: 'sum_rate5m', memory: true } });
    // Recorded series are per cluster; the note says why the page reads the mixin's instead.
    expect(first.note).toMatch(/kubernetes-mixin recording rules/);
    expect(asked).toBe(1);
    expect(await decideSceneSource(q, undefined, o, false, cache)).toEqual(first);
    expect(asked).toBe(1);
    // The Overview's report made the same choice.
    expect(report.figureSource.kind).toBe('mixin');
  });

  test("the Breakdown's rows read the mixin's series and add up to the Overview's figures", async () => {
    const decided = await decideSceneSource(
      (e) => prom.query(e, prom.evalTime),
      undefined,
      figureOptions(settings.options),
      false
    );
    const o = { ...figureOptions(settings.options), usageMixin: decided.mixin ?? undefined };
    const off: object[] = [];
    let compared = 0;
    expect(present.length).toBeGreaterThan(1);
    for (const mesh of present) {
      for (const groupBy of ['namespace', 'workload'] as const) {
        for (const query of figureQueries(mesh, groupBy, o, USAGE_REFS)) {
          const key = USAGE_REFS.find(([ref]) => ref === query.refId)![1];
          const reads = (metric: string) => new RegExp(`(^|[^:\\w])${metric}\\{`).test(query.expr);
          const wants = { cpu: key !== 'sidecars.memoryBytes', memory: key !== 'sidecars.cpuCores' };
          expect({ key, cpu: reads(MIXIN_CPU_RULES.sum_rate5m), memory: reads(MIXIN_MEMORY_RULE) }).toEqual({
            key,
            ...wants,
          });
          expect({ key, raw: reads(RAW_USAGE.cpu) || reads(RAW_USAGE.memory) }).toEqual({ key, raw: false });
          const rows = await prom.query(substitute(query.expr, { __rate_interval: '$__rate_interval' }));
          const got = rows.length ? rows.reduce((a, x) => a + x.value, 0) : null;
          const want = reportValue(report, meshFigureId(mesh.id, key));
          compared++;
          if (
            typeof got !== 'number' ||
            typeof want !== 'number' ||
            Math.abs(got - want) > AGREEMENT * Math.abs(want)
          ) {
            off.push({ mesh: mesh.id, groupBy, key, breakdown: got, overview: want });
          }
        }
      }
    }
    expect(off).toEqual([]);
    expect(compared).toBe(present.length * 2 * USAGE_REFS.length);
  });
});
