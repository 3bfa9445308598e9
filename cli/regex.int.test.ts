/**
 * Regex flags from the outside: every `<regex>` flag of every command refuses a value Prometheus would refuse, with
 * exit 2 and the flag's name, before any query is sent; a value Prometheus takes (and JavaScript's RegExp does not)
 * runs a full report against a real Prometheus.
 */
import { startPrometheus, type PromHandle } from '../demo/harness';
import { runMeshtax, jsonReportArgs } from '../tests/faults/runCli';
import { buildProgram } from './meshtax';

/** [command, flag] for every option whose value is a regex, read from the program itself so none is missed. */
const REGEX_OPTIONS = buildProgram().commands.flatMap((cmd) =>
  cmd.options.filter((o) => o.flags.includes('<regex>')).map((o) => [cmd.name(), o.long!] as const)
);

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({ preset: 'migration' });
});
afterAll(async () => {
  await prom?.stop();
});

test('the regex flags are the ones documented, on queries and report', () => {
  const flags = ['--namespace', '--namespace-exclude', '--custom-container'];
  for (const cmd of ['queries', 'report']) {
    expect(REGEX_OPTIONS.filter(([c]) => c === cmd).map(([, f]) => f)).toEqual(expect.arrayContaining(flags));
  }
});

test.each(REGEX_OPTIONS)("%s %s 'a)|(b' exits 2 naming the flag", async (cmd, flag) => {
  // report points at the real Prometheus: the refusal must come before any query, not from Prometheus's 400.
  const base = cmd === 'report' ? ['report', '--prometheus', prom.url] : [cmd];
  const r = await runMeshtax([...base, flag, 'a)|(b']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`'${flag} <regex>'`);
  expect(r.stderr).toContain('unexpected ): `a)|(b`');
  expect(r.stdout).toBe('');
});

test.each([
  ['(?=istio)', /lookaround is not supported/],
  ['\\i', /invalid escape sequence/],
  ['a{1001}', /invalid repeat count/],
])('queries --namespace %j exits 2 with RE2’s reason', async (value, reason) => {
  const r = await runMeshtax(['queries', '--namespace', value]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--namespace/);
  expect(r.stderr).toMatch(reason);
});

test('a value only RE2 takes ((?i), (?P<n>…)) runs a whole report on a real Prometheus', async () => {
  const value = '(?i)ISTIO-SYSTEM|(?P<ns>default)';
  const r = await runMeshtax([...jsonReportArgs(prom.url, prom.evalTime), '--namespace-exclude', value]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).meshes.length).toBeGreaterThan(0);
});
