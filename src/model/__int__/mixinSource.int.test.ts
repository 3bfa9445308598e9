/**
 * The report's source choice on a Prometheus that runs the kubernetes-mixin's rules (backfilled by promtool from
 * demo/mixin-rules.yml, and the older sum_irate spelling from demo/mixin-rules-irate.yml): `auto` finds them with
 * one probe, every figure read from them equals the ground truth, and a window other than 5m reads CPU raw.
 *
 * Exact truth, not 1%: promtool 2.42 evaluates a rule at start + n*15 s - 0.988 s, so the sample a query sees at T
 * was computed just before T from the scrapes up to T-15. rate(...[5m]) there spans the samples T-300 ... T-15 and
 * Prometheus's extrapolation stretches them to the window, which gives exactly the average rate over those 285 s;
 * irate gives the rate over the last 15 s; the working set is the T-15 scrape. Measured: 4e-16 apart.
 */
import { join } from 'node:path';
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import { groundTruth, type GroundTruth } from '../../../demo/truth';
import { resolveOrThrow } from '../options/resolve';
import { QueryInputError } from '../promql/escape';
import { buildReport, type Report } from '../report';
import type { SourceRequest } from '../source/figureSource';
import { close, truthOf } from './truthOf';

const RULES = {
  sum_rate5m: { file: 'mixin-rules.yml', lagSec: 15, windowSec: 285 },
  sum_irate: { file: 'mixin-rules-irate.yml', lagSec: 15, windowSec: 15 },
} as const;
const PRESETS = ['small', 'article', 'migration'] as const;
/** The figures that read CPU or memory usage: all of them must come from the mixin's series when it is there. */
const USAGE = /\.(cpuCores|memoryBytes|cpuShare|memoryShare|cpuPerPod(Avg|Max)|memoryPerPod(Avg|Max)|vcpuPer1kRps)$/;

async function report(prom: PromHandle, source: SourceRequest, window = '5m'): Promise<Report> {
  return buildReport((e) => prom.query(e), {
    time: prom.evalTime,
    // The small preset's operator-run proxy (envoy-legacy) is only found as the custom mesh; flat prices, as the truth.
    options: resolveOrThrow({ window, customContainer: 'envoy-legacy', pricingSource: 'flat' }),
    figureSource: source,
  });
}

/** Each figure's query run again, compared with the truth for its own source: the mixin's or the raw series'. */
async function mismatches(prom: PromHandle, r: Report, truth: Record<'mixin' | 'raw', GroundTruth>) {
  const out: string[] = [];
  let checked = 0;
  for (const m of r.meshes) {
    for (const f of m.figures) {
      const want = truthOf(truth[f.source === 'mixin' ? 'mixin' : 'raw'], f.id);
      const got = await prom.query(f.expr);
      if (typeof want !== 'number' || got.length !== 1 || !close(got[0].value, want)) {
        out.push(`${f.id} (${f.source}): got ${got.map((g) => g.value).join(',') || 'nothing'}, want ${want}`);
      } else {
        checked++;
      }
    }
  }
  return { out, checked };
}

describe.each(Object.entries(RULES))('kubernetes-mixin CPU rule %s', (rule, spec) => {
  describe.each(PRESETS)('preset %s', (preset) => {
    let prom: PromHandle;
    beforeAll(async () => {
      prom = await startPrometheus({ preset, recordingRules: join(__dirname, '..', '..', '..', 'demo', spec.file) });
    });
    afterAll(async () => {
      await prom?.stop();
    });

    test('auto finds the rules with one probe and every figure read from them equals the ground truth', async () => {
      const r = await report(prom, 'auto');
      expect(r.figureSource).toMatchObject({ kind: 'mixin', requested: 'auto', mixin: { cpu: rule, memory: true } });
      expect(r.figureSource.probe).toContain('count by (__name__)');
      const ids = Object.keys(r.figureSource.byFigure);
      expect(ids.filter((id) => USAGE.test(id) && r.figureSource.byFigure[id] !== 'mixin')).toEqual([]);
      expect(ids.filter((id) => r.figureSource.byFigure[id] === 'mixin').length).toBeGreaterThan(10);
      const mixin = groundTruth(prom.cluster, prom.evalTime - spec.lagSec, spec.windowSec);
      const { out, checked } = await mismatches(prom, r, { mixin, raw: groundTruth(prom.cluster, prom.evalTime, 300) });
      expect(out).toEqual([]);
      expect(checked).toBeGreaterThan(15);
      expect(close(r.cluster.cpuCores, mixin.cluster.cpuCores)).toBe(true);
      expect(close(r.cluster.memoryBytes, mixin.cluster.memoryBytes)).toBe(true);
    });
  });
});

describe('a window other than the mixin rule 5m', () => {
  let prom: PromHandle;
  beforeAll(async () => {
    prom = await startPrometheus({
      preset: 'migration',
      recordingRules: join(__dirname, '..', '..', '..', 'demo', RULES.sum_rate5m.file),
    });
  });
  afterAll(async () => {
    await prom?.stop();
  });

  test('auto reads CPU raw at the asked window, memory still from the mixin, and says so', async () => {
    const r = await report(prom, 'auto', '10m');
    expect(r.figureSource).toMatchObject({ kind: 'mixin', mixin: { cpu: null, memory: true } });
    expect(r.figureSource.note).toMatch(
      /CPU from raw cAdvisor series: the mixin's CPU rule is a 5m rate and the window is 10m/
    );
    const sources = r.figureSource.byFigure;
    expect([sources['istio.sidecars.cpuCores'], sources['istio.sidecars.memoryBytes']]).toEqual(['raw', 'mixin']);
    // A figure of both (cost) reads both, and is called mixin: some of it is.
    expect(sources['istio.cost.total']).toBe('mixin');
    const raw = groundTruth(prom.cluster, prom.evalTime, 600);
    const mixin = groundTruth(prom.cluster, prom.evalTime - 15, 285);
    const istio = r.meshes.find((m) => m.id === 'istio')!;
    expect(close(istio.sidecars.cpuCores, truthOf(raw, 'istio.sidecars.cpuCores'))).toBe(true);
    expect(close(istio.sidecars.memoryBytes, truthOf(mixin, 'istio.sidecars.memoryBytes'))).toBe(true);
  });

  test('mixin asked for explicitly with another window is refused before any query', async () => {
    let queries = 0;
    const q = (e: string) => {
      queries++;
      return prom.query(e);
    };
    const options = resolveOrThrow({ window: '10m', pricingSource: 'flat' });
    const built = buildReport(q, { time: prom.evalTime, options, figureSource: 'mixin' });
    await expect(built).rejects.toBeInstanceOf(QueryInputError);
    await expect(built).rejects.toThrow(/fixed 5m rate, so a 10m window cannot be read from it/);
    expect(queries).toBe(0);
  });

  test('raw reads raw even where the mixin is present; recorded without `meshtax rules` loaded is refused', async () => {
    const r = await report(prom, 'raw');
    expect(r.figureSource).toMatchObject({ kind: 'raw', probe: null, mixin: null });
    expect(Object.values(r.figureSource.byFigure).every((s) => s === 'raw')).toBe(true);
    const recorded = buildReport((e) => prom.query(e), {
      time: prom.evalTime,
      options: resolveOrThrow({ pricingSource: 'flat' }),
      figureSource: 'recorded',
    });
    await expect(recorded).rejects.toThrow(/source "recorded": no `meshtax rules` recording rules/);
    // With a custom mesh there can be none: recorded series do not hold it.
    await expect(report(prom, 'recorded')).rejects.toThrow(/source "recorded": recorded series hold no custom mesh/);
  });
});
