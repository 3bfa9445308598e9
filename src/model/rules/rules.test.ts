/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// jsdom would pick the yaml package's browser build, which is ESM that jest does not transform.
import { parse } from 'yaml';
import { CATALOGUE } from '../catalogue';
import { DEFAULT_FIGURE_OPTIONS, clusterFigures, meshFigures } from '../figureSet';
import type { FigureOptions } from '../figures';
import { syntaxProblems } from '../promql/validate';
import type { Selection } from '../scope';
import { rulesConfigLabels, rulesConfigProbe } from './config';
import {
  COST_ALERT,
  costSummaryTemplate,
  ruleGroups,
  validateRulesOptions,
  type AlertingRule,
  type RecordingRule,
} from './generate';
import { MESH_FIGURES } from '../figureTable';
import { MONTHLY_COST_RECORD, RULES_CONFIG_RECORD } from './names';
import { canReadRecorded, recordedClusterFigures, recordedMeshFigures, recordedPresenceExpr } from './recorded';
import { rulesYaml } from './yaml';
import { render } from '../promql/render';

const o: FigureOptions = DEFAULT_FIGURE_OPTIONS;
const base = { selection: { window: '5m' }, figures: o, monthlyCostThresholdUsd: 1000, for: '15m' };
const rules = ruleGroups(base).flatMap((g) => g.rules);
const recording = rules.filter((r): r is RecordingRule => 'record' in r);
const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

test('every generated expression parses', () => {
  expect(rules.length).toBeGreaterThan(100);
  for (const r of rules) {
    expect({ r: r.expr, problems: syntaxProblems(r.expr) }).toEqual({ r: r.expr, problems: [] });
  }
});

test('names follow level:metric:operations under meshtax, one name per kind, mesh as a label', () => {
  for (const r of recording) {
    expect(r.record).toMatch(METRIC);
    expect(r.record.split(':')).toHaveLength(3);
    expect(r.record.startsWith('meshtax:')).toBe(true);
  }
  // No two rules write the same series.
  const keys = recording.map((r) => `${r.record}${JSON.stringify(r.labels ?? {})}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(recording.filter((r) => r.record === MONTHLY_COST_RECORD).map((r) => r.labels!.mesh)).toEqual(
    CATALOGUE.map((m) => m.id)
  );
});

test.each(['none', 'cluster'] as const)('every figure of every mesh is recorded, groupBy %s', (groupBy) => {
  const s: Selection = { window: '5m', groupBy };
  const ids = [...clusterFigures(s, o), ...CATALOGUE.flatMap((m) => meshFigures(m, s, o))].map((f) => f.id);
  const recorded = [...recordedClusterFigures(s, o), ...CATALOGUE.flatMap((m) => recordedMeshFigures(m, s, o))];
  expect(recorded.map((f) => f.id)).toEqual(ids);
  for (const f of recorded) {
    expect(syntaxProblems(f.expr)).toEqual([]);
    expect(f.expr).toMatch(/meshtax:/);
    expect(f.expr).not.toMatch(/container_|kube_|istio_|response_latency/);
  }
  // One rule per figure (each mesh figure once, the cluster totals once) plus the options series.
  expect(recording).toHaveLength(
    clusterFigures({ ...s, groupBy: 'cluster' }, o).length +
      CATALOGUE.flatMap((m) => meshFigures(m, { ...s, groupBy: 'cluster' }, o)).length +
      1
  );
});

test('recorded reads: sums add up, ratios are recomputed, per-pod averages weighted by pods', () => {
  const s: Selection = { window: '5m', groupBy: 'none', cluster: 'prod-eu-1' };
  const f = Object.fromEntries(recordedMeshFigures(CATALOGUE[0], s, o).map((x) => [x.id, x.expr]));
  expect(f['istio.cost.total']).toBe(
    'sum (meshtax:monthly_cost_usd:sum{mesh="istio", meshtax_grouping="", cluster="prod-eu-1"})'
  );
  expect(f['istio.sidecars.cpuShare']).toBe(
    'sum (meshtax:sidecar_cpu_cores:sum{mesh="istio", meshtax_grouping="", cluster="prod-eu-1"}) / sum (meshtax:cluster_cpu_cores:sum{cluster="prod-eu-1"})'
  );
  expect(f['istio.sidecars.cpuPerPodAvg']).toContain('meshtax:sidecar_pods:count');
  expect(f['istio.latency.p99Added']).toContain('quantile="0.99"');
  expect(render(recordedPresenceExpr(CATALOGUE[0], s))).toContain(MESH_FIGURES['nodeAgents.pods'].record);
});

test('recorded series cannot serve namespace or workload views', () => {
  expect(canReadRecorded({ window: '5m', groupBy: 'namespace' })).toBe(false);
  expect(canReadRecorded({ window: '5m', groupBy: 'none', namespaceInclude: 'shop' })).toBe(false);
  expect(canReadRecorded({ window: '5m', groupBy: 'cluster' })).toBe(true);
  expect(() => recordedClusterFigures({ window: '5m', groupBy: 'workload' }, o)).toThrow(/per cluster/);
});

test('the probe asks for exactly the options the rules were written with', () => {
  const config = recording.find((r) => r.record === RULES_CONFIG_RECORD)!;
  expect(config.labels).toEqual(rulesConfigLabels({ window: '5m' }, o));
  const probe = render(rulesConfigProbe({ window: '5m' }, o));
  for (const [k, v] of Object.entries(config.labels!).filter(([k]) => k !== 'source')) {
    expect(probe).toContain(`${k}="${v}"`);
  }
  // Rules written with --recording-rules (usage from the mixin's series) record the same figures: the probe finds them.
  expect(probe).not.toContain('source=');
  expect(render(rulesConfigProbe({ window: '5m', useRecordingRules: true }, o))).toBe(probe);
  const other = render(rulesConfigProbe({ window: '5m' }, { ...o, pricing: { ...o.pricing, cpuHourUsd: 0.05 } }));
  expect(other).not.toBe(probe);
});

test('the alert reads the recorded monthly cost and states it in dollars', () => {
  const alert = rules.find((r): r is AlertingRule => 'alert' in r)!;
  expect(alert.alert).toBe(COST_ALERT);
  expect(alert.expr).toBe(`${MONTHLY_COST_RECORD} > 1000`);
  expect(alert.for).toBe('15m');
  expect(alert.annotations.summary).toBe(costSummaryTemplate(1000));
  expect(alert.annotations.summary).toBe(
    '{{ $labels.mesh }} costs ${{ $value | printf "%.2f" }} per month, above the $1000 budget'
  );
});

test.each([
  [{ monthlyCostThresholdUsd: -1, for: '15m' }, /--monthly-cost-threshold-usd/],
  [{ monthlyCostThresholdUsd: NaN, for: '15m' }, /--monthly-cost-threshold-usd/],
  [{ monthlyCostThresholdUsd: 10, for: 'soon' }, /--for/],
])('bad options are refused, naming the flag: %j', (bad, msg) => {
  expect(() => validateRulesOptions(bad)).toThrow(msg);
});

test('both file formats hold the same groups', () => {
  const groups = ruleGroups(base);
  const plain = parse(rulesYaml(groups, 'prometheus', 'header'));
  const crd = parse(rulesYaml(groups, 'prometheusrule', 'header'));
  expect(plain.groups).toEqual(JSON.parse(JSON.stringify(groups)));
  expect(crd).toMatchObject({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'meshtax', labels: { release: 'kube-prometheus-stack' } },
  });
  expect(crd.spec.groups).toEqual(plain.groups);
  expect(rulesYaml(groups, 'prometheus', 'line one\nline two').startsWith('# line one\n# line two\ngroups:')).toBe(
    true
  );
});
