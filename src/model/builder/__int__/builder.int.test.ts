/**
 * Every figure the query builder offers, for every grouping, run against the `migration` preset (Istio and Linkerd
 * in one cluster, prod-eu-1) and compared with ground truth group by group: the same groups, and each group's value
 * within EXACT (the demo's data is exact). Cost put in the wrong group, or one group's p99 reported for another, fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrometheus, type PromHandle } from '../../../../demo/harness';
import { groundTruth } from '../../../../demo/truth';
import { hasValueTruth, sampleKey, truthByGroup } from '../../__int__/groupTruth';
import { close, truthOf } from '../../__int__/truthOf';
import { CATALOGUE } from '../../catalogue';
import { keySuffix, meshFigureId } from '../../figureKeys';
import { DEFAULT_OPTIONS } from '../../options/defaults';
import { buildFigure } from '../build';
import { BUILDER_FIGURES } from '../catalogue';
import { builderRuleYaml } from '../recordingRule';
import { defaultState, GROUPINGS } from '../state';

const CLUSTER = 'prod-eu-1';

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({ preset: 'migration' });
});
afterAll(async () => {
  await prom?.stop();
});

const cases = ['istio', 'linkerd'].flatMap((mesh) =>
  BUILDER_FIGURES.flatMap((f) => GROUPINGS.map((g) => [mesh, f.kind, g] as const))
);

test.each(cases)('%s %s grouped by %s matches ground truth in every group', async (mesh, kind, groupBy) => {
  // The default price source is auto, decided inside the query: OpenCost's node prices, which migration has.
  const pricing = prom.cluster.spec.opencost ? { source: 'opencost' as const, hoursPerMonth: 730 } : undefined;
  const t = groundTruth(prom.cluster, prom.evalTime, 300, pricing);
  const m = t.meshes.find((x) => x.id === mesh)!;
  const base = { ...defaultState(DEFAULT_OPTIONS), figure: kind, groupBy, cluster: CLUSTER };
  const r = buildFigure(base, mesh, CATALOGUE);
  expect(r.errors).toEqual({});
  if (!hasValueTruth(m, keySuffix(r.spec!.key), groupBy)) {
    // The demo's truth has no such figure (Linkerd's split, a split per workload): the builder says why, runs nothing.
    expect(r.figure).toBeUndefined();
    expect(r.unavailable).toMatch(/has no .*: \S/);
    return;
  }
  const got = await prom.query(r.figure!.expr);
  const want = truthByGroup(t, prom.cluster, m, keySuffix(r.spec!.key), groupBy, pricing);
  // Ungrouped, the builder's figure is the report's figure: the same truth as truthOf.
  if (groupBy === 'none' && want.size) {
    expect(close(want.get(''), truthOf(t, meshFigureId(mesh, r.spec!.key)))).toBe(true);
  }
  if (want.size === 0) {
    // Nothing qualifies (no idle workload): no series, or (once "empty" is told from "missing") a measured 0.
    expect(got.filter((x) => x.value !== 0)).toEqual([]);
    expect(got.length).toBeLessThanOrEqual(groupBy === 'none' || groupBy === 'cluster' ? 1 : 0);
    return;
  }
  got.forEach((x) => groupBy !== 'none' && expect(x.metric.cluster).toBe(CLUSTER));
  const gotMap = new Map(got.map((x) => [sampleKey(groupBy, x.metric), x.value]));
  expect(got).toHaveLength(gotMap.size);
  expect([...gotMap.keys()].sort()).toEqual([...want.keys()].sort());
  const off = [...want]
    .filter(([k, v]) => !close(gotMap.get(k), v))
    .map(([k, v]) => ({ k, got: gotMap.get(k), want: v }));
  expect(off).toEqual([]);
});

test('the copied recording rule passes promtool check rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshtax-builder-rule-'));
  for (const groupBy of GROUPINGS) {
    for (const f of BUILDER_FIGURES) {
      const r = buildFigure({ ...defaultState(DEFAULT_OPTIONS), figure: f.kind, groupBy }, 'istio', CATALOGUE);
      if (!r.figure) {
        continue; // split services per workload: no query, so no rule
      }
      const file = join(dir, `${f.kind}-${groupBy}.yml`);
      writeFileSync(file, builderRuleYaml(r.mesh!, r.figure!, groupBy, r.options!.latency));
      expect(execFileSync('promtool', ['check', 'rules', file]).toString()).toMatch(/SUCCESS: 1 rules found/);
    }
  }
});
