/**
 * Every figure the model ships, run against a real Prometheus holding each demo preset, and compared with the
 * generator's ground truth (within EXACT, 1e-6: the demo's data is exact). Needs Debian's prometheus and promtool.
 */
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import { groundTruth } from '../../../demo/truth';
import { CATALOGUE, customMesh, type MeshDef } from '../catalogue';
import { clusterFigures, meshFigures } from '../figureSet';
import type { FigureOptions } from '../figures';
import { DEFAULT_PRICING } from '../pricing';
import { resolveShared } from '../report';
import type { Selection } from '../scope';
import { close, truthOf } from './truthOf';

const PRESETS = ['small', 'article', 'migration'] as const;

describe.each(PRESETS)('preset %s', (name) => {
  let prom: PromHandle;
  beforeAll(async () => {
    prom = await startPrometheus({ preset: name });
  });
  afterAll(async () => {
    await prom?.stop();
  });

  test('every figure matches ground truth, for every mesh present; absent meshes return nothing', async () => {
    const t = groundTruth(prom.cluster, prom.evalTime, 300);
    // The operator's own proxy (envoy-legacy in the small preset) is only found through the custom mesh settings.
    const catalogue = [...CATALOGUE, customMesh({ container: 'envoy-legacy' })];
    const present: MeshDef[] = catalogue.filter((m) => t.meshes.some((x) => x.id === m.id));
    const s: Selection = { window: '5m', groupBy: 'none' };
    const o: FigureOptions = {
      pricing: DEFAULT_PRICING,
      basis: 'usage',
      latency: { method: 'reporter-delta', quantile: 0.99 },
      idleRps: 1,
      meshes: catalogue,
    };
    const figures = [
      ...clusterFigures(s, o),
      ...catalogue.flatMap((m) => meshFigures(resolveShared(m, present), s, o)),
    ];
    const failures: string[] = [];
    let checked = 0;
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
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  test('the p99 each side reports falls in the bucket that holds the true p99', () => {
    const t = groundTruth(prom.cluster, prom.evalTime, 300);
    const withLatency = t.meshes.filter((x) => x.latency);
    expect(withLatency.length).toBeGreaterThan(0);
    for (const m of withLatency) {
      for (const side of [m.latency!.source, m.latency!.destination]) {
        expect(side.trueMs).toBeGreaterThanOrEqual(side.lowerMs);
        expect(side.trueMs).toBeLessThanOrEqual(side.upperMs);
        expect(side.promMs).toBeGreaterThanOrEqual(side.lowerMs);
        expect(side.promMs).toBeLessThanOrEqual(side.upperMs);
      }
    }
  });
});
