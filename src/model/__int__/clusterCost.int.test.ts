/**
 * The headline's two figures from issue #16 on a real Prometheus: the cluster's own monthly cost and each mesh's
 * over-requested proxies, under `auto` pricing (OpenCost's node price per container where the preset has OpenCost,
 * the flat rates where it has not) and on every cost basis, against the generator's truth priced container by
 * container. Then the headline's share of the cluster's cost, which used to be "unavailable" whenever OpenCost priced
 * the cluster (every preset but `article`).
 */
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import { groundTruth, type Basis } from '../../../demo/truth';
import { headlineOf } from '../headline';
import { DEFAULT_OPTIONS } from '../options/defaults';
import { DEFAULT_PRICING } from '../pricing';
import { buildReport } from '../report';
import { EXACT, close } from './truthOf';

const BASES: Basis[] = ['usage', 'requests', 'max'];
const FLAT = {
  cpuHourUsd: DEFAULT_PRICING.cpuHourUsd,
  gibHourUsd: DEFAULT_PRICING.gibHourUsd,
  hoursPerMonth: DEFAULT_PRICING.hoursPerMonth,
};

describe.each(['migration', 'article', 'shapes'])('preset %s, auto pricing', (name) => {
  let prom: PromHandle;
  beforeAll(async () => {
    prom = await startPrometheus({ preset: name });
  });
  afterAll(async () => {
    await prom?.stop();
  });

  test.each(BASES)(
    'cluster cost, over-requested proxies and the share of cost equal truth on the %s basis',
    async (basis) => {
      const r = await buildReport((e) => prom.query(e), {
        time: prom.evalTime,
        options: { ...DEFAULT_OPTIONS, basis, pricingSource: 'auto' },
        figureSource: 'raw',
      });
      const opencost = !!prom.cluster.spec.opencost;
      expect(r.pricing.source).toBe(opencost ? 'opencost' : 'flat');
      const pricing = opencost ? { source: 'opencost' as const, hoursPerMonth: DEFAULT_PRICING.hoursPerMonth } : FLAT;
      const t = groundTruth(prom.cluster, prom.evalTime, 300, pricing, 1, basis);

      expect({ got: r.cluster.monthlyCostUsd, want: t.cluster.monthlyCostUsd }).toEqual({
        got: expect.any(Number),
        want: expect.any(Number),
      });
      expect(close(r.cluster.monthlyCostUsd, t.cluster.monthlyCostUsd, EXACT)).toBe(true);

      const over = r.meshes.map((m) => ({ id: m.id, got: m.monthlyCostUsd.overRequestedSidecars }));
      const want = r.meshes.map((m) => ({
        id: m.id,
        // Meshes without proxies (node agents only) have no figure: the report says null.
        want: m.figures.some((f) => f.id === `${m.id}.cost.overRequestedSidecars`)
          ? t.meshes.find((x) => x.id === m.id)!.monthlyCostUsd.overRequestedSidecars
          : null,
      }));
      for (const [i, o] of over.entries()) {
        const w = want[i].want;
        expect({ id: o.id, ok: w === null ? o.got === null : close(o.got, w, EXACT) }).toEqual({ id: o.id, ok: true });
      }
      // Some proxy in every preset asks for more than it uses: a planted `< 0` or a dropped clamp would show.
      expect(over.some((o) => (o.got ?? 0) > 0)).toBe(true);

      const h = headlineOf(r);
      const total = t.meshes.reduce((a, m) => a + m.monthlyCostUsd.total, 0);
      expect(h.clusterReason).toBeUndefined();
      expect(close(h.share, total / t.cluster.monthlyCostUsd, EXACT)).toBe(true);
    }
  );
});
