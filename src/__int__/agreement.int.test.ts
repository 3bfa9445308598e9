/**
 * One number everywhere (issue #16 §1, its done-when): on each demo preset, the Overview's report, the Breakdown's
 * totals (its scene queries, summed over namespaces and workloads), every panel of the shipped dashboards and the
 * CLI give the same value for every figure they share, at the same settings (the defaults: price source `auto`),
 * on a real Prometheus. Within 0.5%, the issue's bound; they run the same PromQL over the same data, so in practice
 * they agree to float rounding. `large` is left out: it is the bench's preset (24k series), with nothing another
 * preset lacks for this check.
 *
 * The dashboards and the scenes use the settings' window, as the report does, so nothing is substituted for a rate
 * window here: a query that still wrote Grafana's `$__rate_interval` (about 1m for 6h at a 15s scrape, which moves the
 * demo's CPU by up to 4%) would reach Prometheus as written and fail to parse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPrometheus, type PromHandle } from '../../demo/harness';
import { PRESETS as ALL_PRESETS } from '../../demo/presets';
import { overviewReportInput } from '../features/overview/reportInput';
import { CATALOGUE, type MeshDef } from '../model/catalogue';
import { COMPARISON_FIGURES, parseComparisonRefId } from '../model/comparison';
import { MESH_VAR, parseMeshRefId } from '../model/dashboards/meshRepeat';
import { OVERVIEW_ROW_FIGURES } from '../model/dashboards/overview';
import { keySuffix, meshFigureId, type MeshFigureKey } from '../model/figureKeys';
import { figureOptions } from '../model/options/figureOptions';
import { buildReport, isControlPlaneShared, type Report } from '../model/report';
import { DEFAULT_SETTINGS } from '../model/settings';
import { reportValue } from '../model/__int__/truth14';
import { figureQueries } from '../shared/scenes/queries';
import { substitute } from '../testing/dashboardQueries';
import { reportArgs, runMeshtax } from '../../tests/faults/runCli';

// The scene modules beside figureQueries build scene objects and need a browser to load; this test only reads the
// query text figureQueries writes from the model, so Grafana's packages are stood in for.
jest.mock('@grafana/scenes', () => new Proxy({}, { get: () => class {} }));
jest.mock('@grafana/data', () => new Proxy({}, { get: () => ({}) }));

export const AGREEMENT = 0.005;
// Every demo preset but `large`, which exists to be measured (`npm run bench`): its queries are the same code paths,
// and comparing every dashboard panel there costs minutes of CI for no new path. A new preset joins by itself.
const PRESETS = Object.keys(ALL_PRESETS).filter((p) => p !== 'large');
const settings = DEFAULT_SETTINGS;

function agree(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) {
    return a === b || (a == null && b == null);
  }
  return Math.abs(a - b) <= Math.max(1e-9, AGREEMENT * Math.abs(b));
}

/** The overview dashboard's mesh-row figures (refId `<mesh>.<figure>`) as keys of the figure table. */
const OVERVIEW_KEYS: Record<string, MeshFigureKey> = OVERVIEW_ROW_FIGURES;
/** The workload dashboard's per-workload figures that add up to the mesh's total. */
const WORKLOAD_SUMS: Record<string, MeshFigureKey> = {
  cost: 'cost.sidecars',
  cpu: 'sidecars.cpuCores',
  request: 'sidecars.cpuRequestCores',
  memory: 'sidecars.memoryBytes',
  cpuCores: 'sidecars.cpuCores',
  memoryBytes: 'sidecars.memoryBytes',
  sidecars: 'cost.sidecars',
};
/** What the Breakdown shows per namespace and per workload, summed back to the mesh. */
const BREAKDOWN_SUMS: Array<[string, MeshFigureKey]> = [
  ['cost', 'cost.sidecars'],
  ['cpu', 'sidecars.cpuCores'],
  ['memory', 'sidecars.memoryBytes'],
  ['request', 'sidecars.cpuRequestCores'],
  ['idle', 'cost.idleSidecars'],
];

interface Target {
  panel: string;
  refId: string;
  expr: string;
  /** A mesh row's target: its mesh and figure (refId `<mesh>.<figure>`); the comparison panel's are its own. */
  row?: { meshId: string; figure: string };
}

function dashboardTargets(file: string): Target[] {
  const d = JSON.parse(readFileSync(join(__dirname, '..', 'dashboards', file), 'utf8'));
  return (d.panels ?? []).flatMap(
    (p: { title: string; type: string; targets?: Array<{ refId: string; expr: string }> }) =>
      (p.targets ?? []).map((x) => ({
        panel: p.title,
        refId: x.refId,
        expr: x.expr,
        row: p.type === 'meshtax-comparison-panel' ? undefined : parseMeshRefId(x.refId),
      }))
  );
}

const meshOf = (x: Target) => CATALOGUE.find((m) => m.id === x.row?.meshId);
/** A row target as Grafana asks it in its own mesh's row (the row repeats over `mesh`, one mesh per copy). */
const inOwnRow = (x: Target): Record<string, string> => (x.row ? { [MESH_VAR]: x.row.meshId } : {});

describe.each(PRESETS)('preset %s', (preset) => {
  let prom: PromHandle;
  let report: Report;
  let present: MeshDef[];
  // Only the scope variables are filled in: a `$__rate_interval` left in a query stays, and Prometheus refuses it.
  const q = async (expr: string, vars: Record<string, string> = {}) =>
    prom.query(substitute(expr, { __rate_interval: '$__rate_interval', ...vars }));
  const total = async (expr: string, vars: Record<string, string> = {}) => {
    const r = await q(expr, vars);
    return r.length ? r.reduce((a, x) => a + x.value, 0) : null;
  };
  const reported = (mesh: string, key: MeshFigureKey) => reportValue(report, meshFigureId(mesh, key));

  beforeAll(async () => {
    prom = await startPrometheus({ preset });
    report = await buildReport((e) => prom.query(e), overviewReportInput(settings, prom.evalTime));
    present = CATALOGUE.filter((m) => report.meshes.some((x) => x.id === m.id));
  });
  afterAll(async () => {
    await prom?.stop();
  });

  test('the report found meshes and priced them as auto decides', () => {
    expect(present.length).toBeGreaterThan(0);
    expect(report.pricing.source).toBe(prom.cluster.spec.opencost ? 'opencost' : 'flat');
  });

  test('the CLI gives the Overview report', async () => {
    const r = await runMeshtax(reportArgs(prom.url, prom.evalTime, '--format', 'json'));
    expect(r.stderr).toBe('');
    const cli: Report = JSON.parse(r.stdout);
    expect(cli.pricing.source).toBe(report.pricing.source);
    expect(cli.meshes.map((m) => m.id)).toEqual(report.meshes.map((m) => m.id));
    const off: object[] = [];
    let compared = 0;
    for (const m of report.meshes) {
      for (const f of m.figures) {
        const [want, got] = [reportValue(report, f.id), reportValue(cli, f.id)];
        compared++;
        if (!agree(got, want)) {
          off.push({ id: f.id, cli: got, overview: want });
        }
      }
    }
    expect(off).toEqual([]);
    expect(compared).toBeGreaterThan(20);
  });

  test("an averaged Overview's value at the range's end (its cards' note) is the instant figure every other surface shows", async () => {
    // The Overview's cards are means over the page's range; under each cost they say the instant value at its end
    // (useInstantCosts runs the report's instantQueries). That value must be the instant report's, which the
    // dashboards, the Breakdown and the CLI are compared with in the other tests here.
    const averaged = await buildReport(
      (e) => prom.query(e),
      overviewReportInput(settings, prom.evalTime, {}, prom.evalTime - 1800)
    );
    expect(averaged.averageOver).toBe('1800s');
    let compared = 0;
    for (const m of averaged.meshes) {
      const id = meshFigureId(m.id, 'cost.total');
      const expr = m.instantQueries?.[id];
      expect({ id, expr: typeof expr }).toEqual({ id, expr: 'string' });
      const r = await q(expr!);
      const [got, want] = [r.length ? r[0].value : null, reported(m.id, 'cost.total')];
      expect({ id, agree: agree(got, want), got, want }).toEqual({ id, agree: true, got, want });
      compared++;
    }
    expect(compared).toBe(present.length);
  });

  test("the Breakdown's namespace and workload rows add up to the Overview's figures", async () => {
    const o = figureOptions(settings.options);
    const off: object[] = [];
    let compared = 0;
    for (const mesh of present.filter((m) => m.dataPlane)) {
      for (const groupBy of ['namespace', 'workload'] as const) {
        for (const query of figureQueries(mesh, groupBy, o, BREAKDOWN_SUMS)) {
          const key = BREAKDOWN_SUMS.find(([ref]) => ref === query.refId)![1];
          const [got, want] = [await total(query.expr), reported(mesh.id, key)];
          compared++;
          // Nothing idle: the report says a measured $0, the rows list no workload.
          if (!agree(got ?? (want === 0 ? 0 : null), want)) {
            off.push({ mesh: mesh.id, groupBy, key, breakdown: got, overview: want });
          }
        }
      }
    }
    expect(off).toEqual([]);
    expect(compared).toBeGreaterThan(present.length * 4);
  });

  test("every overview dashboard panel gives the Overview's figure, or nothing for a mesh that is not there", async () => {
    const off: object[] = [];
    let compared = 0;
    for (const x of dashboardTargets('overview.json')) {
      const comparison = parseComparisonRefId(x.refId);
      const mesh = comparison ? CATALOGUE.find((m) => m.id === comparison.meshId) : meshOf(x);
      const key = comparison ? COMPARISON_FIGURES[comparison.column] : OVERVIEW_KEYS[x.row?.figure ?? ''];
      expect({ panel: x.panel, refId: x.refId, mapped: !!mesh && !!key }).toEqual({
        panel: x.panel,
        refId: x.refId,
        mapped: true,
      });
      const isPresent = present.includes(mesh!);
      // The comparison panel reads every mesh's raw figures and bills a shared istiod once itself.
      if (comparison && (!isPresent || isControlPlaneShared(mesh!, present))) {
        continue;
      }
      const r = await q(x.expr, inOwnRow(x));
      const got = r.length ? r[0].value : null;
      const want = isPresent ? (reported(mesh!.id, key!) ?? null) : null;
      compared++;
      if (r.length > 1 || !agree(got, want)) {
        off.push({ panel: x.panel, refId: x.refId, key: keySuffix(key!), dashboard: got, overview: want });
      }
    }
    expect(off).toEqual([]);
    expect(compared).toBeGreaterThan(20);
  });

  test("the workload dashboard's rows add up to the Overview's figures", async () => {
    const off: object[] = [];
    let compared = 0;
    for (const x of dashboardTargets('workload.json').filter((t) => (t.row?.figure ?? '') in WORKLOAD_SUMS)) {
      const mesh = meshOf(x)!;
      const [got, want] = [
        await total(x.expr, inOwnRow(x)),
        present.includes(mesh) ? reported(mesh.id, WORKLOAD_SUMS[x.row!.figure]) : null,
      ];
      compared++;
      // No workload row (none requests anything) adds up to the report's measured 0.
      if (!agree(got ?? (want === 0 ? 0 : null), want ?? null)) {
        off.push({ panel: x.panel, refId: x.refId, dashboard: got, overview: want });
      }
    }
    expect(off).toEqual([]);
    expect(compared).toBeGreaterThan(10);
  });
});
