/**
 * parsePromDuration against the real grammar: promtool (Prometheus's own model.ParseDuration, which Grafana also
 * uses for an alert rule's `for`) must accept and refuse exactly what it does. One rules file per value.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { validateRulesOptions } from '../rules/generate';
import { parsePromDuration } from './duration';

const CASES = [
  '0',
  '15m',
  '1h30m',
  '90s',
  '1y2w3d4h5m6s7ms',
  '0s',
  '100ms',
  '5m1h',
  '1h1h',
  '1.5h',
  '-5m',
  '5 m',
  '5M',
  '$__interval',
  '${__rate_interval}',
  '1h30',
  'm',
  '1d24h',
  '2w',
  '30d',
  '1m0s',
];

function promtoolAccepts(forValue: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'meshtax-for-'));
  const file = join(dir, 'rules.yml');
  writeFileSync(
    file,
    stringify({ groups: [{ name: 'g', rules: [{ alert: 'A', expr: 'vector(1)', for: forValue }] }] })
  );
  try {
    execFileSync('promtool', ['check', 'rules', file], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

test.each(CASES)('"%s": our parser and promtool agree', (text) => {
  expect('ms' in parsePromDuration(text)).toBe(promtoolAccepts(text));
});

test('the Prometheus rules export refuses what promtool refuses, naming --for', () => {
  for (const bad of ['5m1h', '$__interval']) {
    expect(promtoolAccepts(bad)).toBe(false);
    expect(() => validateRulesOptions({ monthlyCostThresholdUsd: 1, for: bad })).toThrow(/--for/);
  }
});
