/**
 * The CLI contract of issue #17, from the outside: `meshtax report --format json` has, for every mesh in meshes[],
 * value.{requestsPerSecond, mtlsShare, splitServices, resilience.{circuitBreaking, retriesExhausted, timeouts,
 * rateLimited}}, each a number matching ground truth or null with its reason; the table and CSV show the same.
 */
import { startPrometheus, type PromHandle } from '../demo/harness';
import { groundTruth } from '../demo/truth';
import { close } from '../src/model/__int__/truthOf';
import { jsonReportArgs, runMeshtax } from '../tests/faults/runCli';

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({ preset: 'migration' });
});
afterAll(async () => {
  await prom?.stop();
});

const FLAGS = { circuitBreaking: 'UO', retriesExhausted: 'URX', timeouts: 'UT', rateLimited: 'RL' } as const;

test('report --format json: every mesh has the value block, matching ground truth or null with a reason', async () => {
  const r = await runMeshtax([...jsonReportArgs(prom.url, prom.evalTime), '--window', '5m']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout);
  const t = groundTruth(prom.cluster, prom.evalTime, 300);
  expect(report.meshes.map((m: { id: string }) => m.id)).toEqual(['istio', 'linkerd']);
  for (const m of report.meshes) {
    const want = t.meshes.find((x) => x.id === m.id)!.value!;
    expect(Object.keys(m.value)).toEqual(
      expect.arrayContaining(['requestsPerSecond', 'mtlsShare', 'splitServices', 'resilience'])
    );
    expect(Object.keys(m.value.resilience).sort()).toEqual(Object.keys(FLAGS).sort());
    expect(close(m.value.requestsPerSecond, want.rps.none[''])).toBe(true);
    expect(close(m.value.mtlsShare, want.mtlsShare.none[''])).toBe(true);
    expect(m.value.mtlsShare).toBeGreaterThan(0);
    expect(m.value.mtlsShare).toBeLessThan(1);
    if (want.splitServices) {
      expect(m.value.splitServices).toBe(want.splitServices.none['']);
      expect(Number.isInteger(m.value.splitServices)).toBe(true);
    } else {
      expect(m.value.splitServices).toBeNull();
      expect(m.reasons[`${m.id}.value.splitServices`]).toMatch(/unavailable/);
    }
    for (const [k, flag] of Object.entries(FLAGS)) {
      const got = m.value.resilience[k];
      const wantFlag = want.resilience?.[flag];
      if (wantFlag) {
        expect({ k, ok: close(got, wantFlag.none['']) }).toEqual({ k, ok: true });
      } else {
        expect(got).toBeNull();
        expect(m.reasons[`${m.id}.value.resilience.${k}`]).toMatch(/unavailable/);
      }
    }
    const plaintext = Object.fromEntries(
      m.value.plaintextWorkloads.map((w: { namespace: string; workload: string; rps: number }) => [
        `${w.namespace}/${w.workload}`,
        w.rps,
      ])
    );
    expect(Object.keys(plaintext).sort()).toEqual(Object.keys(want.plaintext).sort());
    for (const [k, v] of Object.entries(want.plaintext)) {
      expect(close(plaintext[k], v)).toBe(true);
    }
  }
});

test('the table and the CSV show the same value figures, with the reasons for what is missing', async () => {
  const args = jsonReportArgs(prom.url, prom.evalTime).filter((a) => a !== 'json' && a !== '--format');
  const table = await runMeshtax([...args, '--format', 'table']);
  expect(table.code).toBe(0);
  const json = JSON.parse((await runMeshtax(jsonReportArgs(prom.url, prom.evalTime))).stdout);
  const istio = json.meshes[0].value;
  expect(table.stdout).toMatch(new RegExp(`mTLS coverage\\s+${(istio.mtlsShare * 100).toFixed(2)}%`));
  expect(table.stdout).toMatch(/Traffic splitting \(services\)\s+1 services/);
  expect(table.stdout).toMatch(/Served in plaintext: shop\/frontend/);
  const csv = await runMeshtax([...args, '--format', 'csv']);
  expect(csv.code).toBe(0);
  const rows = csv.stdout.trim().split('\n');
  const row = (mesh: string, figure: string) => rows.find((l) => l.startsWith(`${mesh},${figure},`));
  expect(Number(row('istio', 'mTLS coverage')!.split(',')[2])).toBeCloseTo(istio.mtlsShare, 12);
  expect(Number(row('istio', 'Traffic splitting (services)')!.split(',')[2])).toBe(istio.splitServices);
  expect(Number(row('istio', 'Requests ended by retries exhausted (URX)')!.split(',')[2])).toBeCloseTo(
    istio.resilience.retriesExhausted,
    12
  );
  // Linkerd: its split from the callers' route-backend counter; circuit breaking's row is there, empty, with the reason.
  const linkerd = json.meshes[1].value;
  expect(linkerd.splitServices).toBeGreaterThan(0);
  expect(Number(row('linkerd', 'Traffic splitting (services)')!.split(',')[2])).toBe(linkerd.splitServices);
  expect(row('linkerd', 'Requests ended by circuit breaking (UO)')).toMatch(
    /^linkerd,Requests ended by circuit breaking \(UO\),,.*balancer/
  );
});
