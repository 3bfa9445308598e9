/** Every query in the shipped dashboards runs against the migration preset and agrees with ground truth. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import { groundTruth } from '../../../demo/truth';
import { substitute, targetsOf } from '../dashboardQueries';
import { close } from './truthOf';

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({ preset: 'migration' });
});
afterAll(async () => {
  await prom?.stop();
});

const load = (f: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'dashboards', f), 'utf8'));

test.each(['overview.json', 'workload.json'])(
  '%s: every query runs; Istio and Linkerd panels have data',
  async (file) => {
    const targets = targetsOf(load(file));
    let withData = 0;
    for (const t of targets) {
      const r = await prom.query(substitute(t.expr));
      if (/^(Istio \(sidecar\)|Linkerd)/.test(t.panel) && !/p99 added/.test(t.panel)) {
        expect({ panel: t.panel, refId: t.refId, n: r.length > 0 }).toEqual({
          panel: t.panel,
          refId: t.refId,
          n: true,
        });
      }
      withData += r.length > 0 ? 1 : 0;
    }
    expect(withData).toBeGreaterThan(4);
  }
);

test('overview: the summary panel cost query equals the ground truth, for All and for the one cluster', async () => {
  const t = groundTruth(prom.cluster, prom.evalTime, 300);
  const cost = targetsOf(load('overview.json')).find(
    (x) => x.panel.startsWith('Istio (sidecar)') && x.refId === 'cost'
  )!;
  for (const cluster of ['.*', 'prod-eu-1']) {
    const r = await prom.query(substitute(cost.expr, { cluster }));
    expect(close(r[0].value, t.meshes.find((m) => m.id === 'istio')!.monthlyCostUsd.total)).toBe(true);
  }
  expect(await prom.query(substitute(cost.expr, { cluster: 'other' }))).toEqual([]);
});
