/**
 * averageOver on a real Prometheus: every figure, and the report, as its mean over the hour before T, against the
 * demo's ground truth averaged over that hour from the generator's own functions of time (demo/truth.ts `Averaging`:
 * the CPU counter's increase over the span, the working set's mean over every sample in it). Within 1e-6: the
 * span's ends sit on the scrape grid, so rate() needs no extrapolation and avg_over_time sees exactly the samples
 * the truth sums.
 */
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import { groundTruth, type Averaging } from '../../../demo/truth';
import { CATALOGUE, customMesh, type MeshDef } from '../catalogue';
import { clusterFigures, meshFigures } from '../figureSet';
import { DEFAULT_OPTIONS } from '../options/defaults';
import { figureOptions } from '../options/figureOptions';
import { DEFAULT_PRICING } from '../pricing';
import { buildReport, resolveShared } from '../report';
import type { Selection } from '../scope';
import { close, EXACT, truthOf } from './truthOf';
import { reportValue, truth14, within } from './truth14';

const SPAN = '1h';
const FLAT = {
  cpuHourUsd: DEFAULT_PRICING.cpuHourUsd,
  gibHourUsd: DEFAULT_PRICING.gibHourUsd,
  hoursPerMonth: DEFAULT_PRICING.hoursPerMonth,
};
const OPTIONS = { ...DEFAULT_OPTIONS, custom: { container: 'envoy-legacy' }, averageOver: SPAN };

describe.each(['small', 'migration'])(`preset %s, averaged over ${SPAN}`, (name) => {
  let prom: PromHandle;
  let average: Averaging;
  beforeAll(async () => {
    prom = await startPrometheus({ preset: name });
    average = { spanSec: 3600, stepSec: prom.cluster.spec.scrapeIntervalSec };
  });
  afterAll(async () => {
    await prom?.stop();
  });

  test('every figure equals the mean of truth over the span', async () => {
    const t = groundTruth(prom.cluster, prom.evalTime, 300, FLAT, 1, 'usage', average);
    const instant = groundTruth(prom.cluster, prom.evalTime, 300, FLAT);
    const catalogue = [...CATALOGUE, customMesh({ container: 'envoy-legacy' })];
    const present: MeshDef[] = catalogue.filter((m) => t.meshes.some((x) => x.id === m.id));
    const s: Selection = { window: '5m', groupBy: 'none', averageOver: SPAN };
    const o = { ...figureOptions({ ...OPTIONS, pricingSource: 'flat' }), meshes: catalogue };
    const figures = [
      ...clusterFigures(s, o),
      ...catalogue.flatMap((m) => meshFigures(resolveShared(m, present), s, o)),
    ];
    const failures: string[] = [];
    let checked = 0;
    let moved = 0;
    for (const f of figures) {
      const want = truthOf(t, f.id);
      const got = await prom.query(f.expr);
      if (want === undefined) {
        failures.push(`${f.id}: no ground truth mapping`);
      } else if (want === null) {
        if (got.length !== 0) {
          failures.push(`${f.id}: expected no data, got ${got[0].value}`);
        }
      } else if (got.length !== 1 || !close(got[0].value, want)) {
        failures.push(`${f.id}: got ${got.map((g) => g.value).join(',') || 'nothing'}, want ${want}`);
      } else {
        checked++;
        // The test can tell a mean from an instant only where the two differ by far more than its tolerance.
        moved += close(truthOf(instant, f.id), want, 1e-4) ? 0 : 1;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(20);
    expect(moved).toBeGreaterThan(10);
  });

  test('the report averages too, for each price source (what the CLI and the Overview run)', async () => {
    for (const source of prom.cluster.spec.opencost ? (['flat', 'opencost'] as const) : (['flat'] as const)) {
      const pricing = source === 'opencost' ? { source, hoursPerMonth: FLAT.hoursPerMonth } : FLAT;
      const t = groundTruth(prom.cluster, prom.evalTime, 300, pricing, 1, 'max', average);
      const r = await buildReport((e) => prom.query(e), {
        time: prom.evalTime,
        options: { ...OPTIONS, basis: 'max', pricingSource: source },
        figureSource: 'raw',
      });
      expect(r.averageOver).toBe(SPAN);
      expect(r.meshes.map((m) => m.id).sort()).toEqual(t.meshes.map((m) => m.id).sort());
      const ids = [
        ...['cpuCores', 'memoryBytes', 'cpuRequestCores', 'memoryRequestBytes'].map((k) => `cluster.${k}`),
        ...r.meshes.flatMap((m) => m.figures.map((f) => f.id)),
      ];
      const failures = ids.flatMap((id) => {
        const want = truth14(t, id);
        const got = reportValue(r, id);
        if (want === undefined) {
          return [`${id}: no truth`];
        }
        const ok = want === null ? got === null : within(got, want, EXACT);
        return ok ? [] : [`${id}: got ${got}, want ${want}`];
      });
      expect({ source, failures }).toEqual({ source, failures: [] });
    }
  });
});
