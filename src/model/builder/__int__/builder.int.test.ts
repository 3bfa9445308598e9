/**
 * Every figure the query builder offers, for every grouping, run against the `migration` preset (Istio and Linkerd
 * in one cluster, prod-eu-1) and compared with ground truth within 1%. A grouped answer must sum (or, for ratios and
 * averages, equal per cluster) to the ungrouped truth: with one cluster, grouping by cluster gives the same value.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrometheus, type PromHandle } from '../../../../demo/harness';
import { groundTruth, isDataPlane, sum, type Row } from '../../../../demo/truth';
import type { MeshKind } from '../../../../demo/types';
import { close, truthOf } from '../../__int__/truthOf';
import { CATALOGUE } from '../../catalogue';
import { DEFAULT_SETTINGS } from '../../settings';
import { buildFigure } from '../build';
import { BUILDER_FIGURES } from '../catalogue';
import { builderRuleYaml } from '../recordingRule';
import { defaultState, GROUPINGS } from '../state';

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({ preset: 'migration' });
});
afterAll(async () => {
  await prom?.stop();
});

/** Figures whose grouped values add up to the whole; the others (shares, averages, latency) are per group. */
const ADDITIVE = new Set(['sidecarCpu', 'controlPlaneCost', 'sidecarCost', 'monthlyCost', 'idleSidecars']);

/** Per-group truth for the share and per-pod figures, from the generator's rows. */
const GROUPED: Record<string, (all: Row[], dp: Row[]) => number> = {
  cpuShare: (all, dp) => sum(dp.map((r) => r.cpu)) / sum(all.map((r) => r.cpu)),
  memoryShare: (all, dp) => sum(dp.map((r) => r.mem)) / sum(all.map((r) => r.mem)),
  cpuRequestShare: (all, dp) => sum(dp.map((r) => r.reqCpu)) / sum(all.map((r) => r.reqCpu)),
  memoryPerPod: (_, dp) => sum(dp.map((r) => r.mem)) / new Set(dp.map((r) => r.pod.pod)).size,
};

function groupedTruth(rows: Row[], mesh: string, kind: string, groupBy: 'namespace' | 'workload') {
  const key = (r: Row) => (groupBy === 'namespace' ? r.pod.namespace : `${r.pod.namespace}/${r.pod.workload}`);
  const out = new Map<string, number>();
  for (const k of new Set(rows.filter((r) => isDataPlane(r, mesh as MeshKind)).map(key))) {
    const all = rows.filter((r) => key(r) === k);
    out.set(
      k,
      GROUPED[kind](
        all,
        all.filter((r) => isDataPlane(r, mesh as MeshKind))
      )
    );
  }
  return out;
}

const cases = ['istio', 'linkerd'].flatMap((mesh) =>
  BUILDER_FIGURES.flatMap((f) => GROUPINGS.map((g) => [mesh, f.kind, g] as const))
);

test.each(cases)('%s %s grouped by %s matches ground truth', async (mesh, kind, groupBy) => {
  const t = groundTruth(prom.cluster, prom.evalTime, 300);
  const base = { ...defaultState(DEFAULT_SETTINGS), figure: kind, groupBy, cluster: 'prod-eu-1' };
  const r = buildFigure(base, mesh, CATALOGUE);
  const want = truthOf(t, `${mesh}.${r.spec!.key}`);
  expect(want).not.toBeUndefined();
  const got = await prom.query(r.figure!.expr);
  if (want === null || (kind === 'idleSidecars' && want === 0)) {
    expect(got).toEqual([]);
    return;
  }
  got.forEach((x) => groupBy !== 'none' && expect(x.metric.cluster).toBe('prod-eu-1'));
  if (groupBy === 'none' || groupBy === 'cluster' || ADDITIVE.has(kind)) {
    const total = got.reduce((a, x) => a + x.value, 0);
    expect({ got: total, want, ok: close(total, want!) }).toMatchObject({ ok: true });
  } else if (GROUPED[kind]) {
    const truth = groupedTruth(t.rows, mesh, kind, groupBy as 'namespace' | 'workload');
    const key = (m: Record<string, string>) => (groupBy === 'namespace' ? m.namespace : `${m.namespace}/${m.workload}`);
    const gotMap = new Map(got.map((x) => [key(x.metric), x.value]));
    expect([...gotMap.keys()].sort()).toEqual([...truth.keys()].sort());
    for (const [k, v] of truth) {
      expect({ k, ok: close(gotMap.get(k)!, v) }).toEqual({ k, ok: true });
    }
  } else {
    // Latency and vCPU per 1k rps per group: no per-group truth here; each group must be a finite value.
    expect(got.length).toBeGreaterThan(0);
    got.forEach((x) => expect(Number.isFinite(x.value)).toBe(true));
  }
});

test('the copied recording rule passes promtool check rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshtax-builder-rule-'));
  for (const groupBy of GROUPINGS) {
    for (const f of BUILDER_FIGURES) {
      const r = buildFigure({ ...defaultState(DEFAULT_SETTINGS), figure: f.kind, groupBy }, 'istio', CATALOGUE);
      const file = join(dir, `${f.kind}-${groupBy}.yml`);
      writeFileSync(file, builderRuleYaml(r.mesh!, r.figure!, groupBy, r.options!.latency));
      expect(execFileSync('promtool', ['check', 'rules', file]).toString()).toMatch(/SUCCESS: 1 rules found/);
    }
  }
});
