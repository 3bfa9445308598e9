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
 * Truth's timing: promtool evaluates every rule at start + n*15 s - 0.988 s, so our rule at T' just before the
 * report's time reads the mixin's sample of that same instant, computed from the scrapes up to T - 15 s; our rules'
 * own raw reads (requests, latency) see the same scrapes. Both are the truth over the 285 s ending at T - 15 s.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrometheus, type PromHandle } from '../demo/harness';
import { groundTruth } from '../demo/truth';
import { close, EXACT, truthOf } from '../src/model/__int__/truthOf';
import { reportArgs, runMeshtax } from '../tests/faults/runCli';

const ROOT = join(__dirname, '..');
const LAG_SEC = 15;
const WINDOW_SEC = 285;

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
  const truth = groundTruth(prom.cluster, prom.evalTime - LAG_SEC, WINDOW_SEC, pricing);
  const off: string[] = [];
  let checked = 0;
  const inexact: string[] = [];
  for (const m of report.meshes as Array<{ figures: Array<{ id: string; expr: string }> }>) {
    for (const f of m.figures) {
      const want = truthOf(truth, f.id);
      const got = await prom.query(f.expr);
      if (want === null && got.length === 0) {
        continue;
      }
      if (typeof want !== 'number' || got.length !== 1 || !close(got[0].value, want, 0.01)) {
        off.push(`${f.id}: got ${got.map((g) => g.value).join(',') || 'nothing'}, want ${want}`);
      } else {
        checked++;
        if (!close(got[0].value, want, EXACT)) {
          inexact.push(f.id);
        }
      }
    }
  }
  expect(off).toEqual([]);
  expect(checked).toBeGreaterThan(20 * report.meshes.length);
  // Not asserted exact (1e-6): the same tree gave all figures exact in one run and CPU and memory figures up to 0.52%
  // off in the run before it (cf0c302, back to back; also at 74b3b78 and f560b03). Which promtool evaluation the
  // recorded series land on, against this truth window, is not pinned down; the issue asks for 1%, which holds.
  if (inexact.length > 0) {
    console.info(`within 1% but not exact: ${inexact.join(', ')}`);
  }
});
