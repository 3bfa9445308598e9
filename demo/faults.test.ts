import { expandCluster } from './cluster';
import { faultsMixed } from './faultPresets';
import { promRate } from './faults';
import { FIXTURE_START, PRESETS } from './presets';

describe('data faults', () => {
  test('no preset carries faults, so their output is unchanged', () => {
    const presets = Object.entries(PRESETS);
    expect(presets.length).toBeGreaterThanOrEqual(4);
    expect(presets.filter(([, p]) => p.faults !== undefined).map(([name]) => name)).toEqual([]);
  });

  test('promRate: exact for a steady counter sampled over the whole window, and corrects a reset', () => {
    const t = FIXTURE_START + 3000;
    expect(promRate((x) => 2 * x, t - 300, t, t, 300, 15)).toBeCloseTo(2, 12);
    const reset = (x: number) => (x > t - 120 ? 2 * (x - (t - 120)) : 2 * x);
    expect(promRate(reset, t - 300, t, t, 300, 15)).toBeCloseTo(2, 9);
    // A series that stops 120 s before T is extrapolated by half a scrape interval at its end.
    expect(promRate((x) => 2 * x, t - 300, t - 120, t, 300, 15)).toBeCloseTo((2 * 187.5) / 300, 9);
    expect(promRate((x) => x, t, t, t, 300, 15)).toBeUndefined();
  });

  test('churn replaces pods under new names; stale and restarted pods keep theirs', () => {
    const c = expandCluster(faultsMixed);
    const checkout = c.pods.filter((p) => p.namespace === 'shop' && p.workload === 'checkout');
    expect(checkout).toHaveLength(4);
    expect(new Set(checkout.map((p) => p.pod)).size).toBe(4);
    expect(checkout.filter((p) => p.until !== undefined)).toHaveLength(2);
    expect(checkout.filter((p) => p.from !== undefined)).toHaveLength(2);
    const admin = c.pods.filter((p) => p.workload === 'admin' && p.namespace === 'shop');
    expect(admin.length).toBeGreaterThan(0);
    expect(admin.filter((p) => p.until === undefined)).toEqual([]);
    const cart = c.pods.filter((p) => p.workload === 'cart' && p.namespace === 'shop');
    expect(cart.length).toBeGreaterThan(0);
    expect(cart.filter((p) => p.proxyRestartAt === undefined)).toEqual([]);
  });
});
