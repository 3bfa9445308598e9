/** The CLI from the outside: real process, real Prometheus, the JSON contract and the exit codes. */
import { createServer, type Server } from 'node:http';
import { startPrometheus, type PromHandle } from '../demo/harness';
import { groundTruth } from '../demo/truth';
import { close } from '../src/model/__int__/truthOf';
import { jsonReportArgs, reportArgs, runMeshtax } from '../tests/faults/runCli';

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({ preset: 'migration' });
});
afterAll(async () => {
  await prom?.stop();
});

test('report --format json keeps the contract and matches ground truth', async () => {
  const r = await runMeshtax(jsonReportArgs(prom.url, prom.evalTime));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout);
  const t = groundTruth(prom.cluster, prom.evalTime, 300);
  expect(Object.keys(report)).toEqual(expect.arrayContaining(['time', 'pricing', 'cluster', 'meshes']));
  expect(report.time).toBe(new Date(prom.evalTime * 1000).toISOString());
  expect(close(report.cluster.cpuCores, t.cluster.cpuCores)).toBe(true);
  expect(close(report.cluster.memoryBytes, t.cluster.memoryBytes)).toBe(true);
  expect(report.meshes.map((m: { id: string }) => m.id)).toEqual(t.meshes.map((m) => m.id));
  for (const m of report.meshes) {
    const want = t.meshes.find((x) => x.id === m.id)!;
    for (const k of ['pods', 'cpuCores', 'memoryBytes', 'cpuShare', 'memoryShare'] as const) {
      expect({ k, ok: close(m.sidecars[k], want.sidecars[k]) }).toEqual({ k, ok: true });
    }
    expect(close(m.controlPlane.cpuCores, want.controlPlane.cpuCores)).toBe(true);
    expect(close(m.controlPlane.memoryBytes, want.controlPlane.memoryBytes)).toBe(true);
    expect(close(m.monthlyCostUsd.sidecars, want.monthlyCostUsd.sidecars)).toBe(true);
    expect(close(m.monthlyCostUsd.controlPlane, want.monthlyCostUsd.controlPlane)).toBe(true);
    expect(close(m.monthlyCostUsd.total, want.monthlyCostUsd.total)).toBe(true);
    expect(m.latency.method).toBe('reporter-delta');
    expect(close(m.latency.p99DeltaMs, want.latency!.deltaPromMs)).toBe(true);
    expect(m.latency.clientBucketMs).toEqual({
      lowerMs: want.latency!.source.lowerMs,
      upperMs: want.latency!.source.upperMs,
    });
    // Issue #18's contract: the interval from the two sides' buckets, which holds the TRUE p99 added, and the mean.
    const [lower, upper] = m.latency.p99DeltaRangeMs;
    expect([close(lower, want.latency!.deltaRangeMs[0]), close(upper, want.latency!.deltaRangeMs[1])]).toEqual([
      true,
      true,
    ]);
    expect(lower).toBeLessThanOrEqual(want.latency!.deltaTrueMs);
    expect(upper).toBeGreaterThanOrEqual(want.latency!.deltaTrueMs);
    // _sum and _count are exact in the demo, so the mean holds to float rounding (far inside the 1% asked).
    expect(close(m.latency.meanDeltaMs, want.latency!.meanDeltaMs)).toBe(true);
    // Node agents do not exist for sidecar meshes: null, with no figure behind it.
    expect(m.nodeAgents.cpuCores).toBeNull();
  }
});

test('report --average-over 1h: each figure is its mean over the hour before --time', async () => {
  const r = await runMeshtax([...jsonReportArgs(prom.url, prom.evalTime), '--average-over', '1h']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout);
  expect(report.averageOver).toBe('1h');
  const average = { spanSec: 3600, stepSec: prom.cluster.spec.scrapeIntervalSec };
  const pricing =
    report.pricing.source === 'opencost' ? { source: 'opencost' as const, hoursPerMonth: 730 } : undefined;
  const t = groundTruth(prom.cluster, prom.evalTime, 300, pricing, 1, 'usage', average);
  expect(close(report.cluster.cpuCores, t.cluster.cpuCores)).toBe(true);
  expect(close(report.cluster.memoryBytes, t.cluster.memoryBytes)).toBe(true);
  for (const m of report.meshes) {
    const want = t.meshes.find((x) => x.id === m.id)!;
    expect({ id: m.id, ok: close(m.monthlyCostUsd.total, want.monthlyCostUsd.total) }).toEqual({ id: m.id, ok: true });
  }
});

test('OpenCost prices are used automatically when present', async () => {
  const r = await runMeshtax(reportArgs(prom.url, prom.evalTime, '--format', 'json'));
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).pricing.source).toBe('opencost');
});

test('table output names units and pricing', async () => {
  const r = await runMeshtax([
    'report',
    '--prometheus',
    prom.url,
    '--time',
    new Date(prom.evalTime * 1000).toISOString(),
    '--pricing',
    'flat',
  ]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Pricing: $0.04 per vCPU-hour, $0.005 per GiB-hour, 730 h/month, basis: usage');
  expect(r.stdout).toMatch(/Proxy CPU\s+[0-9.]+ cores/);
  expect(r.stdout).toMatch(/Monthly cost: total\s+\$[0-9.,]+/);
  expect(r.stdout).toMatch(/client p99 lies between [0-9.]+ and [0-9.]+ ms/);
  // The p99 added with its interval, at a glance; then the interval's ends and the exact mean as rows.
  expect(r.stdout).toMatch(/Latency added\s+-?[0-9.]+ ms \((\u2212|\+)?[0-9.,]+ ms to (\u2212|\+)?[0-9.,]+ ms\)/);
  expect(r.stdout).toMatch(/Mean latency added\s+[0-9.]+ ms\s+raw\s+exact/);
});

test('csv carries the interval and the mean as numbers', async () => {
  const r = await runMeshtax(['report', '--prometheus', prom.url, '--time', String(prom.evalTime), '--format', 'csv']);
  expect(r.code).toBe(0);
  const t = groundTruth(prom.cluster, prom.evalTime, 300);
  const row = (mesh: string, label: string) =>
    Number(
      r.stdout
        .split('\n')
        .find((l) => l.startsWith(`${mesh},${label},`))
        ?.split(',')[2]
    );
  for (const m of t.meshes.filter((x) => x.latency)) {
    expect(close(row(m.id, 'Latency added: lowest possible'), m.latency!.deltaRangeMs[0])).toBe(true);
    expect(close(row(m.id, 'Latency added: highest possible'), m.latency!.deltaRangeMs[1])).toBe(true);
    expect(close(row(m.id, 'Mean latency added'), m.latency!.meanDeltaMs)).toBe(true);
  }
});

test('--fail-above-usd exits 4 over budget and 0 under it', async () => {
  const over = await runMeshtax([
    'report',
    '--prometheus',
    prom.url,
    '--time',
    String(prom.evalTime),
    '--format',
    'json',
    '--fail-above-usd',
    '1',
  ]);
  expect(over.code).toBe(4);
  expect(over.stderr).toMatch(/cost gate: istio \$[0-9.]+/);
  const under = await runMeshtax([
    'report',
    '--prometheus',
    prom.url,
    '--time',
    String(prom.evalTime),
    '--format',
    'json',
    '--fail-above-usd',
    '100000',
  ]);
  expect(under.code).toBe(0);
});

test.each([
  [['report', '--prometheus', 'not a url'], /--prometheus/],
  [['report', '--prometheus', 'http://x', '--window', 'five'], /--window/],
  [['report', '--prometheus', 'http://x', '--average-over', 'a week'], /--average-over/],
  [['report', '--prometheus', 'http://x', '--average-over', '$__range'], /--average-over: .*no fixed length/],
  [['queries', '--average-over', '0s'], /--average-over: must be longer than 0s/],
  [['report', '--prometheus', 'http://x', '--namespace', '(unclosed'], /--namespace/],
  [['report', '--prometheus', 'http://x', '--cpu-hour-usd', 'abc'], /--cpu-hour-usd/],
  [['report', '--prometheus', 'http://x', '--cpu-hour-usd', '-1'], /cpu-hour-usd/],
  [['report', '--prometheus', 'http://x', '--basis', 'vibes'], /--basis/],
  [['report', '--prometheus', 'http://x', '--time', 'yesterday'], /--time/],
  [['report'], /--prometheus/],
  [['report', '--prometheus', 'http://x', '--no-such-flag'], /no-such-flag/],
])('bad arguments exit 2 and name the flag: %j', async (args, flag) => {
  const r = await runMeshtax(args);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(flag);
});

test('an unreachable Prometheus exits 3 with its URL', async () => {
  const r = await runMeshtax(['report', '--prometheus', 'http://127.0.0.1:9', '--timeout', '5']);
  expect(r.code).toBe(3);
  expect(r.stderr).toContain('http://127.0.0.1:9/');
});

test('a Prometheus that errors exits 3 with the status', async () => {
  const server: Server = createServer((_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'error', errorType: 'unavailable', error: 'overloaded' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  // runMeshtax spawns without blocking, so this process's server keeps answering the child.
  const r = await runMeshtax(['report', '--prometheus', `http://127.0.0.1:${port}`]);
  server.close();
  expect(r.code).toBe(3);
  expect((await r).stderr).toMatch(/HTTP 503/);
});

/** The fake server above lives in this process, so the CLI must run without blocking the event loop. */

test('queries --format json prints id, title, unit, expr for every figure', async () => {
  const r = await runMeshtax(['queries', '--format', 'json', '--cluster', 'prod-eu-1']);
  expect(r.code).toBe(0);
  const rows = JSON.parse(r.stdout) as Array<Record<string, string>>;
  expect(rows.length).toBeGreaterThan(60);
  rows.forEach((row) => expect(Object.keys(row)).toEqual(['id', 'title', 'unit', 'expr']));
  expect(rows.find((x) => x.id === 'istio.sidecars.cpuShare')!.expr).toContain('cluster="prod-eu-1"');
});
