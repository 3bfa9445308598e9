import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dashboard } from '@grafana/schema';
import { DASHBOARD_FILES, dashboardText } from '../../scripts/dashboards';
import { substitute, targetsOf } from '../testing/dashboardQueries';
import { syntaxProblems } from './promql/validate';
import { basisOf } from './figureBasis';
import { DEFAULT_OPTIONS } from './options/defaults';

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
