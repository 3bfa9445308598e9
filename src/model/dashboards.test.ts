import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dashboard } from '@grafana/schema';
import { DASHBOARD_FILES, dashboardText } from '../../scripts/dashboards';
import { substitute, targetsOf } from '../testing/dashboardQueries';
import { syntaxProblems } from './promql/validate';
import { basisOf } from './figureBasis';
import { DEFAULT_OPTIONS } from './options/defaults';
import { CATALOGUE } from './catalogue';
import { overviewDashboard, workloadDashboard } from './dashboards';
import { basisSentence } from './dashboards/common';
import { MESH_VAR, MESH_VAR_REGEX, meshGate, parseMeshRefId } from './dashboards/meshRepeat';
import { render } from './promql/render';

describe.each(Object.entries(DASHBOARD_FILES))('%s', (file, make) => {
  const stored = readFileSync(join(__dirname, '..', 'dashboards', file), 'utf8');
  // Typed as @grafana/schema's Dashboard: the generator's return type is checked by tsc.
  const d: Dashboard = JSON.parse(stored);

  test('is the generator output (run `npm run dashboards` after changing the model)', () => {
    expect(stored).toBe(dashboardText(make));
  });

  test('has a fixed uid, no id, and the datasource, cluster and namespace variables', () => {
    expect(d.uid).toMatch(/^meshtax-/);
    expect(d.id).toBeNull();
    const names = (d.templating?.list ?? []).map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['datasource', 'cluster', 'namespace']));
  });

  test('panel ids are unique and every panel uses the datasource variable', () => {
    const panels = (d.panels ?? []).filter((p: any) => p.type !== 'row');
    const ids = (d.panels ?? []).map((p: any) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    panels.forEach((p: any) => expect(p.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' }));
  });

  test('mixes Mesh Tax panels with core panels, so it still shows something without the plugin', () => {
    const types = new Set((d.panels ?? []).map((p: any) => p.type));
    expect([...types].some((t) => ['stat', 'timeseries', 'table'].includes(t as string))).toBe(true);
  });

  test('a panel that shows one value per figure asks instant queries; only time series ask for ranges', () => {
    // A range query's last point is on the step grid, rounded down (Grafana's pkg/promlib/models/query.go,
    // AlignTimeRange): up to a step before the range's end, where the instant benchmark table reads the same figure.
    const panels = (d.panels ?? []).filter((p: any) => p.type !== 'row') as any[];
    const kinds = panels.flatMap((p) =>
      (p.targets ?? []).map((t: any) => ({ panel: p.title, timeseries: p.type === 'timeseries', range: !!t.range }))
    );
    expect(kinds.length).toBeGreaterThan(5);
    kinds.forEach((k) => expect(k).toEqual({ ...k, range: k.timeseries }));
  });

  test('every query parses with lezer-promql once Grafana has substituted its variables', () => {
    const targets = targetsOf(d);
    expect(targets.length).toBeGreaterThan(5);
    targets.forEach((t) =>
      expect({ t: t.panel, problems: syntaxProblems(substitute(t.expr)) }).toEqual({ t: t.panel, problems: [] })
    );
  });
});

test('the overview dashboard uses the summary panel', () => {
  const d = JSON.parse(readFileSync(join(__dirname, '..', 'dashboards', 'overview.json'), 'utf8'));
  expect(d.panels.some((p: any) => p.type === 'meshtax-summary-panel')).toBe(true);
});

test('every Mesh Tax panel of the dashboards says which prices and window its queries use', () => {
  const want = basisOf(DEFAULT_OPTIONS);
  for (const file of Object.keys(DASHBOARD_FILES)) {
    const d = JSON.parse(readFileSync(join(__dirname, '..', 'dashboards', file), 'utf8'));
    const ours = d.panels.filter((p: any) => String(p.type).startsWith('meshtax-'));
    expect(ours.length).toBeGreaterThan(0);
    ours.forEach((p: any) =>
      expect({ title: p.title, basis: p.options.basis }).toEqual({ title: p.title, basis: want })
    );
  }
});

describe('one row per mesh that is there (#16, #17)', () => {
  // Grafana repeats a row over a multi-value variable, one copy per selected value, each with the value as a local
  // variable (public/app/features/dashboard-scene/scene/layout-default/RowRepeaterBehavior.ts); the row's panels
  // are the panels after it up to the next row (schema v1, `collapsed: false`).
  test.each(Object.entries(DASHBOARD_FILES))(
    '%s: a single row, repeated over a multi, include-all mesh variable',
    (file) => {
      const d = JSON.parse(readFileSync(join(__dirname, '..', 'dashboards', file), 'utf8'));
      const rows = d.panels.filter((p: any) => p.type === 'row');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ repeat: MESH_VAR, collapsed: false, title: '${mesh:text}' });
      const v = d.templating.list.find((x: any) => x.name === MESH_VAR);
      expect(v).toMatchObject({ type: 'query', multi: true, includeAll: true, regex: MESH_VAR_REGEX });
      expect(syntaxProblems(/^query_result\((.*)\)$/s.exec(v.query.query)![1])).toEqual([]);
    }
  );

  test.each(Object.entries(DASHBOARD_FILES))("%s: each row target answers only in its own mesh's row", (file) => {
    const d = JSON.parse(readFileSync(join(__dirname, '..', 'dashboards', file), 'utf8'));
    const rowPanels = d.panels.filter((p: any) => p.type !== 'row' && p.type !== 'meshtax-comparison-panel');
    expect(rowPanels.length).toBeGreaterThanOrEqual(3);
    for (const p of rowPanels) {
      for (const t of p.targets) {
        const { meshId } = parseMeshRefId(t.refId)!;
        const mesh = CATALOGUE.find((m) => m.id === meshId)!;
        // The gate is the query's last operand: `<figure> and on() <gate of this mesh>`.
        expect({ refId: t.refId, gated: t.expr.endsWith(` and on() (${render(meshGate(mesh))})`) }).toEqual({
          refId: t.refId,
          gated: true,
        });
      }
    }
  });

  test("our panels read the row's mesh: their refIds name ${mesh}, as the targets name each mesh", () => {
    const o = overviewDashboard().panels!.find((p: any) => p.type === 'meshtax-summary-panel') as any;
    expect(o.options.costRefId).toBe('${mesh}.cost');
    expect(o.targets.map((t: any) => t.refId)).toEqual(expect.arrayContaining(['istio.cost', 'linkerd.cost']));
    const w = workloadDashboard().panels!.find((p: any) => p.type === 'meshtax-breakdown-panel') as any;
    expect(w.options).toMatchObject({ costRefId: '${mesh}.cost', drilldownMesh: '' });
  });
});

/**
 * The longest query, URL-encoded (as a GET to Prometheus, or a proxy's request line, carries it). Before this budget
 * the overview's ambient-Istio cost was 38,089 characters and gave the browser host 431s; the usage gate's one
 * selector per kind, the shared control plane inside the total's sum and the mesh row brought it to 16,678.
 */
export const QUERY_BUDGET_URL_CHARS = 17_000;

test.each(Object.entries(DASHBOARD_FILES))('%s: no query is longer than the budget, URL-encoded', (file) => {
  const d = JSON.parse(readFileSync(join(__dirname, '..', 'dashboards', file), 'utf8'));
  const exprs = [
    ...targetsOf(d).map((t) => t.expr),
    ...d.templating.list.filter((v: any) => v.type === 'query').map((v: any) => v.query.query),
  ];
  const longest = Math.max(...exprs.map((e: string) => encodeURIComponent(e).length));
  expect(longest).toBeLessThanOrEqual(QUERY_BUDGET_URL_CHARS);
  expect(longest).toBeGreaterThan(1000);
});

test('core panels say which prices and window their queries use; the dashboards say how the usage source is chosen', () => {
  for (const file of Object.keys(DASHBOARD_FILES)) {
    const d = JSON.parse(readFileSync(join(__dirname, '..', 'dashboards', file), 'utf8'));
    const core = d.panels.filter((p: any) => ['stat', 'timeseries', 'table'].includes(p.type));
    expect(core.length).toBeGreaterThan(0);
    core.forEach((p: any) =>
      expect({ title: p.title, has: p.description.includes(basisSentence()) }).toEqual({ title: p.title, has: true })
    );
    expect(d.description).toMatch(/kubernetes-mixin/);
    expect(d.description).toMatch(/raw cAdvisor/);
    expect(d.description).toMatch(/recorded series/);
  }
  expect(basisSentence()).toMatch(
    /^Prices: OpenCost's node prices where present, else flat rates .*Time: instant, rates over 5m\.$/
  );
});
