/**
 * The CLI against a real Prometheus behind a proxy that misbehaves: every fault ends in the documented exit code
 * and a message that says what happened; warnings reach stderr while stdout stays valid JSON.
 */
import { startPrometheus, type PromHandle } from '../demo/harness';
import {
  BAD_DATA_ERROR,
  FAULT_WARNING,
  startFaultProxy,
  type FaultMode,
  type FaultProxy,
} from '../tests/faults/faultProxy';
import { jsonReportArgs, runMeshtax } from '../tests/faults/runCli';

const DELAY_MS = 15000;
let prom: PromHandle;
let proxy: FaultProxy;
let baseline: unknown;

const report = (...extra: string[]) => runMeshtax([...jsonReportArgs(proxy.url, prom.evalTime), ...extra]);

beforeAll(async () => {
  prom = await startPrometheus({ preset: 'small' });
  proxy = await startFaultProxy({ target: prom.url, delayMs: DELAY_MS, hugeBytes: 24 * 1024 * 1024 });
  const r = await report();
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  baseline = JSON.parse(r.stdout);
});
afterAll(async () => {
  await proxy?.close();
  await prom?.stop();
});

test.each<[FaultMode, string[], RegExp]>([
  ['delay', ['--timeout', '1'], /gave no complete answer within 1s \(--timeout\)/],
  ['http500', [], /answered HTTP 500 Internal Server Error: upstream exploded \(simulated\)/],
  ['http503', [], /answered with an error \(HTTP 503 Service Unavailable unavailable\): fault proxy: overloaded/],
  ['reset', [], /reset the connection before answering \(ECONNRESET\)/],
  ['resetMidBody', [], /closed the connection after \d+ bytes, before the answer was complete/],
  ['truncated', [], /answered HTTP 200 OK with \d+ bytes that are not valid JSON .*the answer may have been cut off/],
])('%s: exit 3 with a message that says what happened', async (mode, extra, message) => {
  proxy.setMode(mode);
  const r = await report(...extra);
  proxy.setMode('pass');
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 3, stderr: expect.stringMatching(message) });
  expect(r.stderr).toMatch(new RegExp(`^error: Prometheus at ${proxy.url}/ `));
  expect(r.stdout).toBe('');
  if (mode === 'delay') {
    // The timeout ends the run; it does not wait for the slow answers.
    expect(r.ms).toBeLessThan(DELAY_MS - 3000);
  }
});

test('422 bad_data: exit 3, Prometheus error and the query it rejected', async () => {
  proxy.setMode('http422');
  const r = await report();
  proxy.setMode('pass');
  expect(r.code).toBe(3);
  expect(r.stderr).toContain('rejected a query (HTTP 422 Unprocessable Entity bad_data)');
  expect(r.stderr).toContain(BAD_DATA_ERROR);
  expect(r.stderr).toMatch(/\n {2}query: \S+/);
});

test('warnings: exit 0, the same report on stdout, each warning once on stderr', async () => {
  proxy.setMode('warnings');
  const r = await report();
  proxy.setMode('pass');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual(baseline);
  expect(r.stderr).toBe(`warning: Prometheus at ${proxy.url}/ warned: ${FAULT_WARNING}\n`);
});

test('a huge answer within --max-response-mb is read; above it, exit 3 saying so', async () => {
  proxy.setMode('huge', 2);
  const ok = await report();
  expect(proxy.stats().faulted).toBeGreaterThan(0);
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.stdout)).toEqual(baseline);

  proxy.setMode('huge', 1);
  const capped = await report('--max-response-mb', '8');
  proxy.setMode('pass');
  expect(capped.code).toBe(3);
  expect(capped.stderr).toMatch(/sent more than 8 MiB; the rest was not read \(raise --max-response-mb\)/);
});
