/**
 * What the app asks Prometheus on each page, as lists of { id, expr }: the overview refresh (every query the report
 * issues, probes included, captured through its InstantQuery), the breakdown page's three tables, the overview's
 * trend range queries, and the baseline for the same figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { PromHandle } from '../demo/harness';
import { CATALOGUE, type MeshDef } from '../src/model/catalogue';
import { meshFigureId, P99, type MeshFigureKey } from '../src/model/figureKeys';
import { clusterFigures, DEFAULT_FIGURE_OPTIONS, meshFigures } from '../src/model/figureSet';
import type { Figure } from '../src/model/figures';
import { DEFAULT_OPTIONS } from '../src/model/options/defaults';
import { buildReport, type Report } from '../src/model/report';
import { DEFAULT_SETTINGS } from '../src/model/settings';
import { OVERVIEW_DEFAULT_RANGE_SEC, overviewReportInput } from '../src/features/overview/reportInput';
import { recordedClusterFigures } from '../src/model/rules/recorded';
import { DEFAULT_SELECTION, type Grouping, type Selection } from '../src/model/scope';
import { baselineFigures } from './baseline';

export interface Query {
  id: string;
  expr: string;
}

const o = DEFAULT_FIGURE_OPTIONS;

/**
 * An overview refresh: with `averaged`, as the app's Overview runs it (useReport's input: the default settings and
 * every figure as its mean over the page's default week, #16 §2); without, as `meshtax report` runs it (instant).
 */
export async function overviewRefresh(
  prom: PromHandle,
  source: 'raw' | 'auto' | 'mixin',
  averaged = false
): Promise<{ report: Report; queries: Query[] }> {
  const issued: string[] = [];
  // One query at a time: the report sends its figures at once, and on a loaded machine (2 cores shared) 40 parallel
  // queries over `large` ran past Prometheus's 2-minute timeout. The bench measures each query on its own anyway.
  let queue: Promise<unknown> = Promise.resolve();
  const report = await buildReport(
    (expr) => {
      issued.push(expr);
      const answer = queue.then(() => prom.query(expr));
      queue = answer.catch(() => undefined);
      return answer;
    },
    averaged
      ? {
          ...overviewReportInput(DEFAULT_SETTINGS, prom.evalTime, {}, prom.evalTime - OVERVIEW_DEFAULT_RANGE_SEC),
          figureSource: source,
        }
      : { time: prom.evalTime, options: DEFAULT_OPTIONS, figureSource: source }
  );
  // The cluster figures as the report built them (over the mixin series it found, if any), to name its queries.
  const s: Selection = {
    ...DEFAULT_SELECTION,
    mixin: report.figureSource.mixin ?? undefined,
    ...(report.averageOver ? { averageOver: report.averageOver } : {}),
  };
  const cluster = report.figureSource.kind === 'recorded' ? recordedClusterFigures(s, o) : clusterFigures(s, o);
  const ids = new Map<string, string>([
    ...cluster.map((f): [string, string] => [f.expr, f.id]),
    ...report.meshes.flatMap((m) => m.figures.map((f): [string, string] => [f.expr, f.id])),
  ]);
  return { report, queries: issued.map((expr) => ({ id: ids.get(expr) ?? 'probe', expr })) };
}

/** The figure queries of an overview refresh, without the detection and rules probes. */
export const figuresOnly = <T extends Query>(qs: T[]): T[] => qs.filter((q) => q.id !== 'probe');

/** The breakdown's panels (MeshBreakdown: by namespace, top workloads, idle sidecars) with "All" variable values. */
const BREAKDOWN_KEYS = [
  'cost.sidecars',
  'sidecars.cpuCores',
  'sidecars.cpuRequestCores',
  'sidecars.memoryBytes',
  'sidecars.cpuShare',
];
const IDLE_KEYS = ['cost.idleSidecars', ...BREAKDOWN_KEYS.slice(1)];

function breakdownSelection(groupBy: Grouping): Selection {
  return { window: '5m', groupBy, clusterRegex: '.*', namespaceInclude: '.*' };
}

function pick(figures: Figure[], mesh: MeshDef, keys: string[], panel: string): Query[] {
  return keys.flatMap((k) => {
    const f = figures.find((x) => x.id === `${mesh.id}.${k}`);
    return f ? [{ id: `${panel}:${f.id}`, expr: f.expr }] : [];
  });
}

export function breakdownQueries(mesh: MeshDef = CATALOGUE[0]): Query[] {
  const ns = meshFigures(mesh, breakdownSelection('namespace'), o);
  const wl = meshFigures(mesh, breakdownSelection('workload'), o);
  return [
    ...pick(ns, mesh, BREAKDOWN_KEYS, 'namespace'),
    ...pick(wl, mesh, BREAKDOWN_KEYS, 'workload'),
    ...pick(wl, mesh, IDLE_KEYS, 'idle'),
  ];
}

/** The naive user's breakdown: grouped by namespace, and by pod for "workloads"; idle sidecars have no naive query. */
export function baselineBreakdownQueries(mesh: MeshDef = CATALOGUE[0]): Query[] {
  const ns = baselineFigures(o.pricing, '5m', ['namespace']);
  const wl = baselineFigures(o.pricing, '5m', ['namespace', 'pod']);
  return [
    ...pick(ns, mesh, BREAKDOWN_KEYS, 'namespace'),
    ...pick(wl, mesh, BREAKDOWN_KEYS, 'workload'),
    ...pick(wl, mesh, IDLE_KEYS, 'idle'),
  ];
}

/** The baseline for the figures in `ids` that it has a query for. */
export function baselineFor(ids: string[]): Query[] {
  const byId = new Map(baselineFigures(o.pricing).map((f) => [f.id, f.expr]));
  return ids.filter((id) => byId.has(id)).map((id) => ({ id, expr: byId.get(id)! }));
}

/**
 * useTrends' TREND_FIGURES, read from its source: importing the hook would pull in @grafana/runtime, which needs a
 * browser.
 */
export function trendFigures(): string[] {
  const path = join(__dirname, '..', 'src', 'features', 'overview', 'useTrends.ts');
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
  let found: string[] | undefined;
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && n.name.getText(file) === 'TREND_FIGURES' && n.initializer) {
      const init = n.initializer;
      if (ts.isArrayLiteralExpression(init)) {
        found = init.elements.filter(ts.isStringLiteral).map((e) => e.text);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  if (!found?.length) {
    throw new Error(`TREND_FIGURES not found in ${path}`);
  }
  return found;
}

/** The overview's trend queries (useTrends), taken from the report as the app takes them. */
export function trendQueries(report: Report): Query[] {
  const keys = trendFigures();
  // As useTrends names them: `latency.pNAdded` is the figure `<mesh>.latency.p99Added` (it was left out before).
  return report.meshes.flatMap((m) =>
    keys
      .map((k) => meshFigureId(m.id, k as MeshFigureKey, P99))
      .filter((id) => m.queries[id])
      .map((id) => ({ id, expr: m.queries[id] }))
  );
}
