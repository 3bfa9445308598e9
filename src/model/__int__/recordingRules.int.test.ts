/**
 * The cheaper kubernetes-mixin source: with its recording rules backfilled by promtool, every CPU and memory figure
 * read from the recorded series equals the ground truth, as the raw-cAdvisor figures do (within RECORDED_LAG: the
 * rules are evaluated one scrape before T).
 */
import { join } from 'node:path';
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import { groundTruth } from '../../../demo/truth';
import { CATALOGUE } from '../catalogue';
import { clusterFigures, meshFigures } from '../figureSet';
import type { FigureOptions } from '../figures';
import { DEFAULT_PRICING } from '../pricing';
import type { Selection } from '../scope';
import { close, RECORDED_LAG, truthOf } from './truthOf';

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({
    preset: 'migration',
    recordingRules: join(__dirname, '..', '..', '..', 'demo', 'mixin-rules.yml'),
  });
});
afterAll(async () => {
  await prom?.stop();
});

test('CPU, memory, shares and usage cost from recording rules match ground truth', async () => {
  const t = groundTruth(prom.cluster, prom.evalTime, 300);
  const s: Selection = { window: '5m', groupBy: 'none', useRecordingRules: true };
  const o: FigureOptions = {
    pricing: DEFAULT_PRICING,
    basis: 'usage',
    latency: { method: 'reporter-delta', quantile: 0.99 },
    idleRps: 1,
    meshes: CATALOGUE,
  };
  const present = CATALOGUE.filter((m) => t.meshes.some((x) => x.id === m.id));
  const figures = [...clusterFigures(s, o), ...present.flatMap((m) => meshFigures(m, s, o))].filter((f) =>
    f.expr.includes('node_namespace_pod_container:')
  );
  expect(figures.length).toBeGreaterThan(15);
  for (const f of figures) {
    const want = truthOf(t, f.id);
    const got = await prom.query(f.expr);
    expect({
      id: f.id,
      ok: got.length === 1 && typeof want === 'number' && close(got[0].value, want, RECORDED_LAG),
    }).toEqual({
      id: f.id,
      ok: true,
    });
  }
});
