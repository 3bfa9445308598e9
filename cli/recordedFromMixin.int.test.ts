/**
 * Rules written by `meshtax rules --recording-rules` read CPU and memory from the kubernetes-mixin's series, and their
 * config series says `source="kubernetes-mixin"`. The report's recorded probe once asked for `source="cadvisor"`, so
 * `--source auto` read the mixin and raw series beside our recorded ones (stop 21). Here the mixin's rules and then
 * ours are backfilled by promtool, in that order (ours read the mixin's recorded series, which promtool sees only once
 * they are loaded), and `meshtax report` must pick the recorded series and give the ground truth.
 *
 * Both commands run with their defaults (pricing "auto", source "auto"): the rules' config series must carry the pricing
 * the report looks for, or a default report never reads default rules (stop 22 found `rules` defaulting to flat).
 *
 * Truth's timing: promtool evaluates each rule group at its own phase in the 15 s interval, a hash of the group's
 * name and its file's path (Prometheus rules/group.go, EvalTimestamp, called by cmd/promtool/rules.go importRule). Our
 * rules file sits in a fresh temp dir and the mixin's in wherever the repository is cloned, so the phases change from
 * run to run: our rule at T' (its last evaluation before the report's time) reads the mixin's CPU and memory samples
 * of their own last evaluations before T', and those saw the scrapes up to the last one before them. When all three
 * saw the same last scrape, every figure is exact against the truth over the 285 s ending there; when the mixin's
 * phase fell before ours in the interval, its figures lag ours by one scrape. The test reads the phases off the
 * samples' timestamps and asserts exactness wherever they allow it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrometheus, type PromHandle } from '../demo/harness';
import { groundTruth } from '../demo/truth';
import { close, EXACT, truthOf } from '../src/model/__int__/truthOf';
import { reportArgs, runMeshtax } from '../tests/faults/runCli';

const ROOT = join(__dirname, '..');
const WINDOW_SEC = 285;
const MIXIN_CPU = 'node_namespace_pod_container:container_cpu_usage_seconds_total:sum_rate5m';
const MIXIN_MEMORY = 'node_namespace_pod_container:container_memory_working_set_bytes';

let prom: PromHandle;
let dir: string;
let rulesText: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meshtax-recorded-mixin-'));
  const ours = join(dir, 'meshtax-rules.yml');
  const r = await runMeshtax(['rules', '--recording-rules', '--output', ours]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  rulesText = readFileSync(ours, 'utf8');
  prom = await startPrometheus({ preset: 'migration', recordingRules: [join(ROOT, 'demo', 'mixin-rules.yml'), ours] });
});
afterAll(async () => {
  await prom?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the rules read the mixin series, and their config series says so', async () => {
  expect(rulesText).toContain('node_namespace_pod_container:container_cpu_usage_seconds_total:sum_rate5m');
  const [config] = await prom.query('meshtax:rules_config:info');
  expect(config.metric.source).toBe('kubernetes-mixin');
  expect((await prom.query('meshtax:sidecar_cpu_cores:sum')).length).toBeGreaterThan(0);
});

test('report with its defaults picks the recorded series, and every figure equals the ground truth within 1%', async () => {
  const r = await runMeshtax(reportArgs(prom.url, prom.evalTime, '--format', 'json'));
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  const report = JSON.parse(r.stdout);
  expect(report.figureSource).toMatchObject({ kind: 'recorded', requested: 'auto' });
  expect(Object.values(report.figureSource.byFigure).every((s) => s === 'recorded')).toBe(true);
  // "auto" prices with OpenCost where the preset has it, as the recorded queries do.
  const pricing =
    report.pricing.source === 'opencost' ? { source: 'opencost' as const, hoursPerMonth: 730 } : undefined;
  // The last scrape each stage saw (see the header): ours from our rule's sample, the mixin's from theirs before it.
  const interval = prom.cluster.spec.scrapeIntervalSec;
  const lastScrape = (t: number) => prom.start + Math.floor((t - prom.start) / interval) * interval;
  const sampledAt = async (expr: string, time: number) =>
    Math.max(...(await prom.query(`timestamp(${expr})`, time)).map((x) => x.value));
  const ours = await sampledAt('meshtax:rules_config:info', prom.evalTime);
  const seen = {
    ours: lastScrape(ours),
    cpu: lastScrape(await sampledAt(MIXIN_CPU, ours)),
    memory: lastScrape(await sampledAt(MIXIN_MEMORY, ours)),
  };
  const truth = groundTruth(prom.cluster, seen.ours, WINDOW_SEC, pricing);
  // Which of the mixin's series each figure's recorded rule reads, from the model's own mixin queries.
  const q = await runMeshtax(['queries', '--format', 'json', '--source', 'mixin']);
  const mixinQueries = new Map(
    (JSON.parse(q.stdout) as Array<{ id: string; expr: string }>).map((f) => [f.id, f.expr] as const)
  );
  expect(mixinQueries.get('istio.sidecars.cpuCores')).toContain(MIXIN_CPU);
  /** The figure saw the same scrapes as ours, so the single truth at ours' last scrape is exact for it. */
  const alignedFor = (id: string) => {
    const expr = mixinQueries.get(id) ?? '';
    return (
      (!expr.includes(MIXIN_CPU) || seen.cpu === seen.ours) &&
      (!expr.includes(MIXIN_MEMORY) || seen.memory === seen.ours)
    );
  };
  const off: string[] = [];
  let checked = 0;
  let exactChecked = 0;
  for (const m of report.meshes as Array<{ figures: Array<{ id: string; expr: string }> }>) {
    for (const f of m.figures) {
      const want = truthOf(truth, f.id);
      const got = await prom.query(f.expr);
      if (want === null && got.length === 0) {
        continue;
      }
      // Exact wherever the stages it reads saw the same scrapes; else its mixin part lags by one scrape: within 1%.
      const tolerance = alignedFor(f.id) ? EXACT : 0.01;
      exactChecked += tolerance === EXACT ? 1 : 0;
      if (typeof want !== 'number' || got.length !== 1 || !close(got[0].value, want, tolerance)) {
        off.push(`${f.id}: got ${got.map((g) => g.value).join(',') || 'nothing'}, want ${want} (within ${tolerance})`);
      } else {
        checked++;
      }
    }
  }
  console.info(
    `last scrape seen: ours ${seen.ours - prom.evalTime} s, mixin CPU ${seen.cpu - prom.evalTime} s, mixin memory ` +
      `${seen.memory - prom.evalTime} s from the report's time; ${exactChecked} figures checked exact`
  );
  expect(off).toEqual([]);
  expect(checked).toBeGreaterThan(20 * report.meshes.length);
  // Every figure that does not read the mixin is exact in any case: traffic, latency, value, requests.
  expect(exactChecked).toBeGreaterThan(10 * report.meshes.length);
});
