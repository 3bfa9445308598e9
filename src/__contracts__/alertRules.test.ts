/**
 * Grafana's published contracts for alert rules, checked on every payload the Alerts page can send and on every
 * provisioned rule file. The rules are in ./alertRule.ts (each names the Grafana file it follows); this file also
 * shows that each check can fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CATALOGUE } from '../model/catalogue';
import { DEFAULT_FIGURE_OPTIONS } from '../model/figureSet';
import { alertRulePayload, type AlertRuleForm, type ProvisionedAlertRule } from '../model/alerts/payload';
import { demoAlertForms } from '../model/alerts/provisioning';
import { ALERT_VARIANTS } from '../model/alerts/variants';
import { apiRuleProblems, fileGroupProblems } from './alertRule';
import { grafanaInterpolate } from './grafanaEnv';

const ALERTING_DIR = join(__dirname, '..', '..', 'provisioning', 'alerting');
const base: AlertRuleForm = {
  variant: 'monthlyCost',
  meshId: 'istio',
  datasourceUid: 'prom',
  threshold: 20,
  for: '15m',
  folderUid: 'f1',
  group: 'mesh-tax',
  labels: { team: 'platform' },
  summary: '',
  runbookUrl: '',
};

/** Every variant on every mesh that has its figure: all the payload shapes the page can send. */
function allPayloads(): ProvisionedAlertRule[] {
  const out: ProvisionedAlertRule[] = [];
  for (const v of ALERT_VARIANTS) {
    for (const m of CATALOGUE.filter((x) => x.id !== 'custom')) {
      try {
        out.push(
          alertRulePayload(
            { ...base, variant: v.id, meshId: m.id, threshold: v.defaultThreshold },
            DEFAULT_FIGURE_OPTIONS
          )
        );
      } catch {
        // A mesh without the figure (e.g. no latency histogram) is refused with a message; tested in alerts.test.ts.
      }
    }
  }
  return out;
}

test('every payload the Alerts page can send passes the provisioning API contract', () => {
  const payloads = allPayloads();
  expect(payloads.length).toBeGreaterThanOrEqual(ALERT_VARIANTS.length * 3);
  for (const p of payloads) {
    expect({ title: p.title, problems: apiRuleProblems(p) }).toEqual({ title: p.title, problems: [] });
  }
});

const files = readdirSync(ALERTING_DIR).filter((f) => /\.ya?ml$/.test(f));

test.each(files)('provisioning/alerting/%s passes the file provisioning contract', (file) => {
  const doc = parse(readFileSync(join(ALERTING_DIR, file), 'utf8'));
  expect(doc.apiVersion).toBe(1);
  expect(doc.groups.length).toBeGreaterThan(0);
  for (const g of doc.groups) {
    expect(fileGroupProblems(g, (s) => grafanaInterpolate(s))).toEqual([]);
  }
});

test.each(files)(
  '%s: after Grafana expands environment variables, titles and labels read as the app sends them',
  (file) => {
    // Grafana expands $VAR in title and label values (pkg/services/provisioning/values/values.go); set variables
    // that an unescaped "$20" or "$labels" would pick up, so a missing escape cannot hide behind an empty env.
    const env = { '2': 'X', '5': 'X', labels: 'X', values: 'X', VALUE: 'X' };
    const sent = new Map(demoAlertForms().map((f) => [f.uid!, alertRulePayload(f, DEFAULT_FIGURE_OPTIONS)]));
    const doc = parse(readFileSync(join(ALERTING_DIR, file), 'utf8'));
    for (const rule of doc.groups.flatMap((g: { rules: any[] }) => g.rules)) {
      const want = sent.get(rule.uid)!;
      expect(grafanaInterpolate(rule.title, env)).toBe(want.title);
      const labels = Object.fromEntries(
        Object.entries<string>(rule.labels).map(([k, v]) => [k, grafanaInterpolate(v, env)])
      );
      expect(labels).toEqual(want.labels);
      // Annotations are read raw (rules_types.go keeps them as written): the Go templates survive untouched.
      expect(rule.annotations).toEqual(want.annotations);
    }
    expect(sent.get('meshtax-demo-istio-cost')!.title).toMatch(/above \$20$/);
  }
);

test('the interpolation model follows Go: "$20" loses "$2", "$$" is a dollar, "${X}" and "$__env{X}" expand', () => {
  expect(grafanaInterpolate('above $20')).toBe('above 0');
  expect(grafanaInterpolate('above $$20')).toBe('above $20');
  expect(grafanaInterpolate('${HOME}/x $__env{HOME} $', { HOME: '/h' })).toBe('/h/x /h $');
  expect(grafanaInterpolate('a $ b')).toBe('a $ b');
});

describe('the contract checks can fail', () => {
  const good = alertRulePayload(base, DEFAULT_FIGURE_OPTIONS);
  const [query, threshold] = good.data;
  test.each<[string, Partial<ProvisionedAlertRule> & Record<string, unknown>, RegExp]>([
    ['for with a macro', { for: '$__interval' }, /^for:/],
    ['for with units out of order', { for: '5m1h' }, /^for:/],
    ['an unknown noDataState', { noDataState: 'Nodata' as never }, /^noDataState/],
    ['an unknown execErrState', { execErrState: 'Failing' as never }, /^execErrState/],
    ['an empty title', { title: '' }, /^title/],
    ['a 191-character group', { ruleGroup: 'g'.repeat(191) }, /^ruleGroup/],
    ['no folder', { folderUID: '' }, /^folderUID/],
    ['a condition naming no query', { condition: 'C' }, /^condition/],
    ['a provenance in the body', { provenance: 'api' }, /^provenance/],
    [
      'a query with an empty time range',
      { data: [{ ...query, relativeTimeRange: { from: 0, to: 0 } }, threshold] },
      /from \(0\) must be more than to/,
    ],
    [
      'a threshold on a missing query',
      { data: [query, { ...threshold, model: { ...threshold.model, expression: 'Z' } }] },
      /refers to "Z"/,
    ],
    [
      'a threshold with an unknown evaluator',
      {
        data: [
          query,
          { ...threshold, model: { ...threshold.model, conditions: [{ evaluator: { type: 'above', params: [1] } }] } },
        ],
      },
      /evaluator "above"/,
    ],
    [
      'a range threshold with one bound',
      {
        data: [
          query,
          {
            ...threshold,
            model: { ...threshold.model, conditions: [{ evaluator: { type: 'within_range', params: [1] } }] },
          },
        ],
      },
      /needs 2 finite/,
    ],
    [
      'a reduce with an unknown reducer',
      { data: [query, { ...threshold, model: { type: 'reduce', expression: 'A', reducer: 'avg', refId: 'B' } }] },
      /reducer "avg"/,
    ],
    [
      'a math expression naming a missing query',
      { data: [query, { ...threshold, model: { type: 'math', expression: '$A + ${C}', refId: 'B' } }] },
      /refers to "C"/,
    ],
    [
      'a repeated refId',
      { data: [query, { ...threshold, refId: 'A', model: { ...threshold.model, refId: 'A' } }] },
      /repeated/,
    ],
  ])('%s', (_name, patch, problem) => {
    expect(apiRuleProblems(good)).toEqual([]);
    expect(apiRuleProblems({ ...good, ...patch })).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  test('an unescaped dollar in a file title is caught by the round trip, a missing uid and a float range by the file check', () => {
    const doc = parse(readFileSync(join(ALERTING_DIR, files[0]), 'utf8'));
    const rule = doc.groups[0].rules[0];
    expect(grafanaInterpolate(rule.title.replace('$$', '$'))).not.toBe(
      alertRulePayload(demoAlertForms()[0], DEFAULT_FIGURE_OPTIONS).title
    );
    const broken = {
      ...doc.groups[0],
      rules: [
        { ...rule, uid: '' },
        { ...rule, data: [{ ...rule.data[0], relativeTimeRange: { from: 600.5, to: 0 } }, rule.data[1]] },
      ],
    };
    expect(fileGroupProblems(broken)).toEqual(
      expect.arrayContaining([expect.stringMatching(/uid is required/), expect.stringMatching(/whole seconds/)])
    );
    expect(fileGroupProblems({ ...doc.groups[0], interval: '1m30' })).toEqual([
      expect.stringMatching(/group interval/),
    ]);
    const braced = { ...rule, annotations: { summary: 'costs ${{ $value }}' } };
    expect(fileGroupProblems({ ...doc.groups[0], rules: [braced] })).toEqual([
      expect.stringMatching(/annotation summary/),
    ]);
  });
});
