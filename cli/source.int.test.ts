/** `--source` from the outside: the flag's contract, its exit codes, and the JSON's figureSource on a mixin Prometheus. */
import { join } from 'node:path';
import { startPrometheus, type PromHandle } from '../demo/harness';
import { jsonReportArgs, reportArgs, runMeshtax } from '../tests/faults/runCli';

const ROOT = join(__dirname, '..');

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({ preset: 'migration', recordingRules: join(ROOT, 'demo', 'mixin-rules.yml') });
});
afterAll(async () => {
  await prom?.stop();
});

test.each([
  [['--source', 'cadvisor'], /argument 'cadvisor' is invalid\. Allowed choices are auto, raw, mixin, recorded/],
  [['--source', 'mixin', '--window', '10m'], /source "mixin": the kubernetes-mixin CPU rule is a fixed 5m rate/],
  [['--recording-rules', '--source', 'raw'], /--recording-rules means --source mixin/],
])('report %j exits 2 with a clear message and asks nothing', async (flags, message) => {
  // An unreachable port: a query would exit 3, not 2.
  const r = await runMeshtax(['report', '--prometheus', 'http://127.0.0.1:9', ...flags]);
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
  expect(r.stderr).toMatch(message);
});

test('report --format json: auto reads the mixin; figureSource and each figure say so; --recording-rules is mixin', async () => {
  const auto = await runMeshtax(jsonReportArgs(prom.url, prom.evalTime));
  expect(auto.code).toBe(0);
  const report = JSON.parse(auto.stdout);
  expect(report.figureSource).toMatchObject({
    kind: 'mixin',
    requested: 'auto',
    mixin: { cpu: 'sum_rate5m', memory: true },
  });
  const istio = report.meshes.find((m: { id: string }) => m.id === 'istio');
  const source = (id: string) => istio.figures.find((f: { id: string }) => f.id === id).source;
  expect([source('istio.sidecars.cpuCores'), source('istio.latency.p99Added')]).toEqual(['mixin', 'raw']);
  expect(report.figureSource.byFigure['istio.sidecars.cpuCores']).toBe('mixin');
  const alias = JSON.parse(
    (await runMeshtax([...jsonReportArgs(prom.url, prom.evalTime), '--recording-rules'])).stdout
  );
  expect(alias.figureSource).toMatchObject({ kind: 'mixin', requested: 'mixin' });
  expect(alias.meshes).toEqual(report.meshes);
  const raw = JSON.parse((await runMeshtax([...jsonReportArgs(prom.url, prom.evalTime), '--source', 'raw'])).stdout);
  expect(raw.figureSource).toMatchObject({ kind: 'raw', requested: 'raw', probe: null });
});

test('report table: a source column beside every figure and the source line up front', async () => {
  const r = await runMeshtax(reportArgs(prom.url, prom.evalTime, '--pricing', 'flat'));
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^Source: kubernetes-mixin recording rules: CPU from node_namespace_pod_container/m);
  expect(r.stdout).toMatch(/Proxy CPU\s+\S+ cores\s+mixin/);
});

test('queries --source mixin prints mixin queries; --source recorded the recorded ones', async () => {
  const mixin = JSON.parse((await runMeshtax(['queries', '--source', 'mixin'])).stdout);
  const cpu = mixin.find((f: { id: string }) => f.id === 'istio.sidecars.cpuCores');
  expect(cpu.expr).toContain('node_namespace_pod_container:container_cpu_usage_seconds_total:sum_rate5m{');
  const recorded = JSON.parse((await runMeshtax(['queries', '--source', 'recorded'])).stdout);
  expect(recorded.find((f: { id: string }) => f.id === 'istio.sidecars.cpuCores').expr).toMatch(/^sum\(?.*meshtax:/);
});
