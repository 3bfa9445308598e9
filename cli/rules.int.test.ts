/** `meshtax rules` from the outside: a real process, its files through promtool, its usage errors. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { runMeshtax } from '../tests/faults/runCli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'meshtax-rules-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (path: string) => execFileSync('promtool', ['check', 'rules', path], { encoding: 'utf8' });

test('rules: a plain rule file promtool accepts, with the threshold and duration asked for', async () => {
  const r = await runMeshtax(['rules', '--monthly-cost-threshold-usd', '2500', '--for', '30m']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const path = join(dir, 'rules.yml');
  writeFileSync(path, r.stdout);
  expect(check(path)).toMatch(/SUCCESS: [0-9]+ rules found/);
  const alert = parse(r.stdout)
    .groups.flatMap((g: { rules: object[] }) => g.rules)
    .find((x: { alert?: string }) => x.alert === 'MeshOverheadMonthlyCostHigh');
  expect(alert).toMatchObject({ expr: 'meshtax:monthly_cost_usd:sum > 2500', for: '30m' });
  expect(alert.annotations.summary).toContain('above the $2500 budget');
});

test('rules --format prometheusrule --output: a PrometheusRule whose spec promtool accepts', async () => {
  const out = join(dir, 'crd.yml');
  const r = await runMeshtax(['rules', '--format', 'prometheusrule', '--output', out, '--release', 'monitoring']);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  const doc = parse(readFileSync(out, 'utf8'));
  expect(doc).toMatchObject({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'meshtax', labels: { release: 'monitoring' } },
  });
  const plain = join(dir, 'crd-spec.yml');
  writeFileSync(plain, stringify({ groups: doc.spec.groups }));
  expect(check(plain)).toMatch(/SUCCESS: [0-9]+ rules found/);
});

test.each([
  [['--monthly-cost-threshold-usd', 'lots'], /--monthly-cost-threshold-usd/],
  [['--monthly-cost-threshold-usd', '-1'], /--monthly-cost-threshold-usd/],
  [['--for', 'a while'], /--for/],
  [['--format', 'helm'], /--format/],
  [['--window', '5'], /--window/],
  [['--cpu-hour-usd', '500'], /cpu-hour-usd/],
])('rules: bad arguments exit 2 and name the flag: %j', async (args, flag) => {
  const r = await runMeshtax(['rules', ...args]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(flag);
});
