/**
 * The same preset in Prometheus and in VictoriaMetrics (Debian's single-node victoria-metrics): every query of the
 * model, for every mesh of the catalogue and every grouping, gives the same series and the same values (EXACT)
 * at a time away from the data's edges. Long-term stores (Thanos, Mimir, Cortex, VictoriaMetrics cluster) run the
 * Prometheus query API, so queries that need no engine-specific form here are the ones to keep.
 */
import { startPrometheus, type PromHandle, type PromSample } from '../../../demo/harness';
import { CATALOGUE } from '../catalogue';
import { clusterFigures, DEFAULT_FIGURE_OPTIONS, meshFigures } from '../figureSet';
import type { Grouping } from '../scope';
import { EXACT } from './truthOf';
import { startVictoria, victoriaBinary, VM_INSTALL_LINE, type VictoriaHandle } from './victoria';

// A missing victoria-metrics fails the run (startVictoria throws with the install line), as in CI, which installs
// it. Only a developer who says so skips it: MESHTAX_SKIP_VICTORIA=1.
const skip = !victoriaBinary() && process.env.MESHTAX_SKIP_VICTORIA === '1';
if (skip) {
  console.warn(`victoria-metrics is not installed: VictoriaMetrics comparison skipped. ${VM_INSTALL_LINE}`);
}
const maybe = skip ? describe.skip : describe;

const key = (m: Record<string, string>) =>
  Object.entries(m)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
const byLabels = (xs: PromSample[]) => Object.fromEntries(xs.map((x) => [key(x.metric), x.value]));

/**
 * Within EXACT, or both (near) zero, or both NaN (e.g. 0/0 shares of an empty group). At T both engines read
 * samples on the window's edges, where their rate() agree exactly (they differ only at the data's ends).
 */
function agree(a: number, b: number, rel: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale < 1e-9 || Math.abs(a - b) <= rel * scale;
}

/**
 * VictoriaMetrics' histogram_quantile differs from Prometheus's in the 6th digit (seen: 2e-6 on Linkerd's per-workload
 * p99 added, a difference of two quantiles, so the relative error grows); 1e-4 still catches a wrong bucket or side.
 */
const HISTOGRAM_QUANTILE = 1e-4;

// small: every mesh shape, no cluster label; migration: two meshes under a cluster label.
maybe.each(['small', 'migration'])('Prometheus and VictoriaMetrics on the %s preset', (preset) => {
  let prom: PromHandle;
  let vm: VictoriaHandle;
  beforeAll(async () => {
    prom = await startPrometheus({ preset });
    vm = await startVictoria(preset);
  });
  afterAll(async () => {
    await vm?.stop();
    await prom?.stop();
  });

  test.each<Grouping>(['none', 'namespace', 'workload'])('every figure agrees, grouped by %s', async (groupBy) => {
    const s = { window: '5m', groupBy };
    const o = DEFAULT_FIGURE_OPTIONS;
    const figures = [...clusterFigures(s, o), ...CATALOGUE.flatMap((m) => meshFigures(m, s, o))];
    const disagreements: object[] = [];
    let compared = 0;
    for (const f of figures) {
      const want = byLabels(await prom.query(f.expr, prom.evalTime));
      const got = byLabels(await vm.query(f.expr, prom.evalTime));
      if (JSON.stringify(Object.keys(want).sort()) !== JSON.stringify(Object.keys(got).sort())) {
        disagreements.push({ id: f.id, prometheus: Object.keys(want), victoria: Object.keys(got) });
        continue;
      }
      for (const [series, v] of Object.entries(want)) {
        compared++;
        if (!agree(v, got[series], f.id.includes('.latency.') ? HISTOGRAM_QUANTILE : EXACT)) {
          disagreements.push({ id: f.id, series, prometheus: v, victoria: got[series] });
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(groupBy === 'none' ? 30 : 100);
  });
});
