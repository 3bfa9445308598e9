import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { meshFigureId } from '../figureKeys';
import { MESH_FIGURE_KEYS, MESH_FIGURES } from '../figureTable';
import { DEFAULT_FIGURE_OPTIONS, meshFigures } from '../figureSet';
import { syntaxProblems } from '../promql/validate';
import { ALERTS_FILE } from '../../../scripts/dashboards';
import {
  AlertFormError,
  alertRulePayload,
  formOfRule,
  MESHTAX_LABEL,
  parseLabels,
  type AlertRuleForm,
} from './payload';
import { alertProvisioningYaml } from './provisioning';
import { ALERT_VARIANTS, variantOfFigure } from './variants';

const form: AlertRuleForm = {
  variant: 'monthlyCost',
  meshId: 'linkerd',
  datasourceUid: 'prom-uid',
  threshold: 1500,
  for: '30m',
  folderUid: 'folder-1',
  group: 'mesh-tax',
  labels: { team: 'platform', severity: 'page' },
  summary: '',
  runbookUrl: 'https://runbooks.example/mesh-tax',
};

test('the monthly-cost payload queries the model figure per cluster and fires above the threshold for the duration', () => {
  const rule = alertRulePayload(form, DEFAULT_FIGURE_OPTIONS);
  const want = meshFigures(
    DEFAULT_FIGURE_OPTIONS.meshes[2],
    { window: '5m', groupBy: 'cluster' },
    DEFAULT_FIGURE_OPTIONS
  );
  const expr = want.find((f) => f.id === 'linkerd.cost.total')!.expr;
  expect(rule).toMatchObject({
    ruleGroup: 'mesh-tax',
    folderUID: 'folder-1',
    condition: 'B',
    for: '30m',
    noDataState: 'NoData',
    labels: { team: 'platform', severity: 'page', mesh: 'linkerd', [MESHTAX_LABEL]: 'monthlyCost' },
    annotations: { runbook_url: 'https://runbooks.example/mesh-tax', meshtax_figure: 'linkerd.cost.total' },
  });
  expect(rule.data[0]).toMatchObject({ refId: 'A', datasourceUid: 'prom-uid', model: { expr, instant: true } });
  expect(rule.data[1].model).toMatchObject({
    type: 'threshold',
    expression: 'A',
    conditions: [{ evaluator: { type: 'gt', params: [1500] } }],
  });
  expect(syntaxProblems(String(rule.data[0].model.expr))).toEqual([]);
  // The summary states dollars from the query's value, and the threshold.
  expect(rule.annotations.summary).toContain('{{ printf "$%.2f" $values.A.Value }} per month');
  expect(rule.annotations.summary).toContain('above the $1500 threshold');
});

test.each(ALERT_VARIANTS.map((v) => [v.id, v]))('variant %s maps onto its figure and unit', (_id, v) => {
  const rule = alertRulePayload({ ...form, meshId: 'istio', variant: v.id, threshold: 40 }, DEFAULT_FIGURE_OPTIONS);
  expect(rule.annotations.meshtax_figure).toBe(meshFigureId('istio', v.figure));
  expect(v.unit).toBe(MESH_FIGURES[v.figure].unit);
  // Percent thresholds are typed as percent and compared as fractions.
  expect((rule.data[1].model.conditions as any)[0].evaluator.params[0]).toBeCloseTo(40 * v.scale);
  expect(syntaxProblems(String(rule.data[0].model.expr))).toEqual([]);
});

test.each([
  [{ threshold: NaN }, 'threshold'],
  [{ threshold: -1 }, 'threshold'],
  [{ variant: 'cpuShare', threshold: 150 }, 'threshold'],
  [{ for: 'soon' }, 'for'],
  // Grafana parses `for` with Prometheus's model.ParseDuration: no macros, units in order, no fractions, not empty.
  [{ for: '$__interval' }, 'for'],
  [{ for: '5m1h' }, 'for'],
  [{ for: '1.5h' }, 'for'],
  [{ for: '' }, 'for'],
  [{ group: 'g'.repeat(191) }, 'group'],
  [{ folderUid: '' }, 'folder'],
  [{ group: '  ' }, 'group'],
  [{ datasourceUid: '' }, 'datasource'],
  [{ meshId: 'nope' }, 'mesh'],
  [{ labels: { 'bad label': 'x' } }, 'labels'],
  [{ labels: { meshtax: 'x' } }, 'labels'],
  [{ runbookUrl: 'javascript:alert(1)' }, 'runbookUrl'],
])('bad input %j is rejected at field %s', (patch, field) => {
  expect(() => alertRulePayload({ ...form, ...patch } as AlertRuleForm, DEFAULT_FIGURE_OPTIONS)).toThrow(
    expect.objectContaining({ field })
  );
});

test('a mesh without the figure says so (Cilium has no latency histogram)', () => {
  expect(() => alertRulePayload({ ...form, meshId: 'cilium', variant: 'p99Added' }, DEFAULT_FIGURE_OPTIONS)).toThrow(
    AlertFormError
  );
});

test('labels parse from key=value lines, and a line without = is an error', () => {
  expect(parseLabels('team=platform\n\n severity = page ')).toEqual({ team: 'platform', severity: 'page' });
  expect(() => parseLabels('team')).toThrow(expect.objectContaining({ field: 'labels' }));
});

test('a stored rule comes back as the form it was made from', () => {
  const rule = { ...alertRulePayload(form, DEFAULT_FIGURE_OPTIONS), uid: 'abc' };
  expect(formOfRule(rule)).toEqual({ ...form, uid: 'abc' });
  expect(formOfRule({ ...rule, labels: { team: 'x' } })).toBeUndefined();
});

test('the variants watch exactly the figures the table calls alertable, one variant each', () => {
  const alertable = MESH_FIGURE_KEYS.filter((k) => MESH_FIGURES[k].alertable);
  expect(ALERT_VARIANTS.map((v) => v.figure).sort()).toEqual(alertable.sort());
});

test('"Create alert" from a figure id picks the variant and mesh', () => {
  expect(variantOfFigure('istio-ambient.cost.total')).toMatchObject({
    meshId: 'istio-ambient',
    variant: { id: 'monthlyCost' },
  });
  expect(variantOfFigure('istio.sidecars.pods')).toBeUndefined();
  expect(variantOfFigure('linkerd.latency.p99Added')).toMatchObject({ meshId: 'linkerd', variant: { id: 'p99Added' } });
});

test('provisioning/alerting/meshtax-alerts.yaml is the generator output (run `npm run dashboards`)', () => {
  expect(readFileSync(ALERTS_FILE, 'utf8')).toBe(alertProvisioningYaml());
  expect(ALERTS_FILE).toBe(join(__dirname, '..', '..', '..', 'provisioning', 'alerting', 'meshtax-alerts.yaml'));
});
