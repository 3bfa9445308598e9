/**
 * The generated rule files through Prometheus's own tools: `promtool check rules` on every format and option set,
 * and `promtool test rules` for the cost alert (fires over the threshold for the duration, silent under it or for
 * less, with the summary in dollars). The alert tests are generated from the code, so they follow its defaults.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { DEFAULT_FIGURE_OPTIONS } from '../../figureSet';
import type { FigureOptions } from '../../figures';
import { eq, sel } from '../../promql/dsl';
import { durationSeconds } from '../../promql/escape';
import { render } from '../../promql/render';
import {
  COST_ALERT,
  DEFAULT_FOR,
  DEFAULT_MONTHLY_COST_THRESHOLD_USD,
  ruleGroups,
  type AlertingRule,
  type RulesOptions,
} from '../generate';
import { MONTHLY_COST_RECORD } from '../names';
import { rulesYaml, RULES_FORMATS } from '../yaml';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'meshtax-rules-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const promtool = (...args: string[]) => execFileSync('promtool', args, { encoding: 'utf8', env: { ...process.env } });

const options = (over: Partial<RulesOptions> = {}, figures: Partial<FigureOptions> = {}): RulesOptions => ({
  selection: { window: '5m' },
  figures: { ...DEFAULT_FIGURE_OPTIONS, ...figures },
  monthlyCostThresholdUsd: DEFAULT_MONTHLY_COST_THRESHOLD_USD,
  for: DEFAULT_FOR,
  ...over,
});

const VARIANTS: Array<[string, RulesOptions]> = [
  ['defaults', options()],
  [
    'opencost, requests basis',
    options({}, { pricing: { ...DEFAULT_FIGURE_OPTIONS.pricing, source: 'opencost' }, basis: 'max' }),
  ],
  ['kubernetes-mixin source, 2m window', options({ selection: { window: '2m', useRecordingRules: true } })],
  ['baseline latency, p90', options({}, { latency: { method: 'baseline', quantile: 0.9, baselineOffset: '1d' } })],
  ['threshold 250.5 for 30m', options({ monthlyCostThresholdUsd: 250.5, for: '30m' })],
];

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe.each(RULES_FORMATS)('promtool check rules, format %s', (format) => {
  test.each(VARIANTS)('%s', (name, o) => {
    const groups = ruleGroups(o);
    const text = rulesYaml(groups, format, 'test');
    let plain = text;
    if (format === 'prometheusrule') {
      const doc = parse(text);
      expect(doc).toMatchObject({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule' });
      expect(doc.metadata.labels.release).toBe('kube-prometheus-stack');
      plain = stringify({ groups: doc.spec.groups });
    }
    const out = promtool('check', 'rules', write(`${format}-${name.replace(/\W+/g, '-')}.yml`, plain));
    const count = groups.reduce((n, g) => n + g.rules.length, 0);
    expect(out).toContain(`SUCCESS: ${count} rules found`);
  });
});

/** What Alertmanager shows, from the template's own words: `printf "%.2f"` is two decimals. */
const summary = (mesh: string, usd: number, threshold: number) =>
  `${mesh} costs $${usd.toFixed(2)} per month, above the $${threshold} budget`;

test.each([
  ['defaults', options()],
  ['threshold 250.5 for 30m', options({ monthlyCostThresholdUsd: 250.5, for: '30m' })],
])('promtool test rules: %s', (name, o) => {
  const rules = write(`alert-${name.replace(/\W+/g, '-')}.yml`, rulesYaml(ruleGroups(o), 'prometheus', 'test'));
  const threshold = o.monthlyCostThresholdUsd;
  const forMin = durationSeconds(o.for) / 60;
  const over = Math.round(threshold * 1.234567 * 1000) / 1000;
  const under = threshold / 2;
  const series = (mesh: string) => render(sel(MONTHLY_COST_RECORD, eq('cluster', 'prod-eu-1'), eq('mesh', mesh)));
  const steps = forMin * 3;
  const cost = ruleGroups(o)
    .flatMap((g) => g.rules)
    .find((r): r is AlertingRule => 'alert' in r)!;
  const alert = (mesh: string, usd: number) => ({
    exp_labels: { severity: 'warning', cluster: 'prod-eu-1', mesh },
    exp_annotations: {
      summary: summary(mesh, usd, threshold),
      // Static text, not under test: promtool compares every annotation.
      description: cost.annotations.description,
    },
  });
  const tests = {
    rule_files: [rules],
    evaluation_interval: '1m',
    tests: [
      {
        interval: '1m',
        input_series: [
          // Over the threshold all along: pending until `for` has passed, then firing.
          { series: series('istio'), values: `${over}x${steps}` },
          // Under it all along.
          { series: series('linkerd'), values: `${under}x${steps}` },
          // Over it for less than `for`, then under: never fires.
          { series: series('kuma'), values: `${over}x${forMin - 2} ${under}x${steps}` },
        ],
        alert_rule_test: [
          { eval_time: `${forMin - 1}m`, alertname: COST_ALERT, exp_alerts: [] },
          { eval_time: `${forMin + 1}m`, alertname: COST_ALERT, exp_alerts: [alert('istio', over)] },
          { eval_time: `${2 * forMin}m`, alertname: COST_ALERT, exp_alerts: [alert('istio', over)] },
        ],
      },
    ],
  };
  const text = stringify(tests, { lineWidth: 0 });
  const out = promtool('test', 'rules', write(`alert-test-${name.replace(/\W+/g, '-')}.yml`, text));
  expect(out).toContain('SUCCESS');
});
