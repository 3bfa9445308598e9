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
import { BUCKETS, proxyLatency } from '../../../../demo/meshes';
import { mixtureQuantile } from '../../../../demo/mixture';
import { affine } from '../../../../demo/series-latency';
import {
  ARTICLE_PRICING,
  groundTruth,
  monthlyCost,
  sum,
  workloadLatency,
  type GroundTruth,
  type Row,
} from '../../../../demo/truth';
import type { Cluster } from '../../../../demo/types';
import { close, truthOf } from '../../__int__/truthOf';
import { CATALOGUE } from '../../catalogue';
import type { Grouping } from '../../scope';
import { DEFAULT_SETTINGS } from '../../settings';
import { buildFigure } from '../build';
import { BUILDER_FIGURES, type BuilderFigureKind } from '../catalogue';
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

type Mesh = GroundTruth['meshes'][number];
type Key = { ns: string; wl: string };

function groupKey(g: Grouping, k: Key): string {
  return g === 'none' ? '' : g === 'cluster' ? CLUSTER : g === 'namespace' ? k.ns : `${k.ns}/${k.wl}`;
}
const rowKey = (g: Grouping, r: Row) => groupKey(g, { ns: r.pod.namespace, wl: r.pod.workload });
function sampleKey(g: Grouping, m: Record<string, string>): string {
  return g === 'none'
    ? ''
    : g === 'cluster'
      ? m.cluster
      : g === 'namespace'
        ? m.namespace
        : `${m.namespace}/${m.workload}`;
}

function byGroup<T>(g: Grouping, xs: T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  xs.forEach((x) => out.set(key(x), [...(out.get(key(x)) ?? []), x]));
  return out;
}
const mapValues = <T>(m: Map<string, T>, f: (x: T, k: string) => number) =>
  new Map([...m].map(([k, v]) => [k, f(v, k)]));

const cost = (c: Cluster, rs: Row[]) => monthlyCost(c, rs, 'usage', ARTICLE_PRICING);

/** Requests per second served by each group's proxies (the destination side that vCPU per 1k rps divides by). */
function servedRps(c: Cluster, mesh: string, g: Grouping, k: string): number {
  return sum(
    c.pods.filter((p) => p.mesh === mesh && groupKey(g, { ns: p.namespace, wl: p.workload }) === k).map((p) => p.rps)
  );
}

/** p99 added by the proxies of one namespace: the same mixture as the cluster-wide truth, cut to the namespace. */
function namespaceP99Added(c: Cluster, mesh: 'istio' | 'linkerd', ns: string): number {
  const prox = proxyLatency[mesh];
  const bounds = mesh === 'istio' ? BUCKETS.istioMs : BUCKETS.linkerdMs;
  const pods = c.pods.filter((p) => p.mesh === mesh && p.namespace === ns && !p.histogramsUnread);
  // Load generators call workloads of their own namespace, so the client side of a namespace is its callers'.
  const callees = new Set(pods.map((p) => p.workload));
  pods.forEach((p) =>
    p.calls.forEach((x) =>
      expect({ ns, callee: x.workload, here: callees.has(x.workload) }).toMatchObject({ here: true })
    )
  );
  const dst = pods
    .filter((p) => p.rps > 0 && p.latency && p.emitsHistograms)
    .map((p) => ({ d: affine(p.latency!, prox.destination), weight: p.rps }));
  const src = pods.flatMap((p) => p.calls.map((x) => ({ d: affine(x.latency, prox.source), weight: x.rps })));
  return mixtureQuantile(src, 0.99, bounds).promMs - mixtureQuantile(dst, 0.99, bounds).promMs;
}

/** Ground truth per group for one builder figure; an empty map means "no group has a value". */
function truthByGroup(t: GroundTruth, c: Cluster, m: Mesh, kind: BuilderFigureKind, g: Grouping): Map<string, number> {
  const dp = m.rows.dataPlane;
  const groupsOf = (rows: Row[]) => byGroup(g, rows, (r) => rowKey(g, r));
  // Shares divide by every container of the group, meshed or not.
  const all = groupsOf(t.rows);
  const dpGroups = groupsOf(dp);
  const share = (f: (r: Row) => number) => mapValues(dpGroups, (rs, k) => sum(rs.map(f)) / sum(all.get(k)!.map(f)));
  switch (kind) {
    case 'sidecarCpu':
      return mapValues(dpGroups, (rs) => sum(rs.map((r) => r.cpu)));
    case 'sidecarCost':
      return mapValues(dpGroups, (rs) => cost(c, rs));
    case 'controlPlaneCost':
      return mapValues(groupsOf(m.rows.controlPlane), (rs) => cost(c, rs));
    case 'monthlyCost':
      return mapValues(groupsOf([...dp, ...m.rows.controlPlane, ...m.rows.nodeAgents]), (rs) => cost(c, rs));
    case 'cpuShare':
      return share((r) => r.cpu);
    case 'memoryShare':
      return share((r) => r.mem);
    case 'cpuRequestShare':
      return share((r) => r.reqCpu);
    case 'memoryPerPod':
      return mapValues(dpGroups, (rs) => sum(rs.map((r) => r.mem)) / new Set(rs.map((r) => r.pod.pod)).size);
    case 'vcpuPer1kRps':
      return new Map(
        [...mapValues(dpGroups, (rs, k) => sum(rs.map((r) => r.cpu)) / (servedRps(c, m.id, g, k) / 1000))].filter(
          ([, v]) => Number.isFinite(v)
        )
      );
    case 'idleSidecars': {
      const idle = byGroup(g, m.idle, (i) => {
        const [ns, wl] = i.workload.split('/');
        return groupKey(g, { ns, wl });
      });
      return mapValues(idle, (is) => sum(is.map((i) => i.monthlyCostUsd)));
    }
    case 'p99Added': {
      if (g === 'none' || g === 'cluster') {
        return new Map([[groupKey(g, { ns: '', wl: '' }), m.latency!.deltaPromMs]]);
      }
      const served = c.pods.filter((p) => p.mesh === m.id && p.rps > 0 && p.latency && p.emitsHistograms);
      if (g === 'namespace') {
        const namespaces = new Set(served.map((p) => p.namespace));
        return new Map([...namespaces].map((ns) => [ns, namespaceP99Added(c, m.id as 'istio' | 'linkerd', ns)]));
      }
      return new Map(
        served.map((p) => {
          const w = workloadLatency(c, p.namespace, p.workload)!;
          return [`${p.namespace}/${p.workload}`, w.source.promMs - w.destination.promMs];
        })
      );
    }
  }
}

const cases = ['istio', 'linkerd'].flatMap((mesh) =>
  BUILDER_FIGURES.flatMap((f) => GROUPINGS.map((g) => [mesh, f.kind, g] as const))
);

test.each(cases)('%s %s grouped by %s matches ground truth in every group', async (mesh, kind, groupBy) => {
  const t = groundTruth(prom.cluster, prom.evalTime, 300);
  const m = t.meshes.find((x) => x.id === mesh)!;
  const base = { ...defaultState(DEFAULT_SETTINGS), figure: kind, groupBy, cluster: CLUSTER };
  const r = buildFigure(base, mesh, CATALOGUE);
  expect(r.errors).toEqual({});
  const got = await prom.query(r.figure!.expr);
  const want = truthByGroup(t, prom.cluster, m, kind, groupBy);
  // Ungrouped, the builder's figure is the report's figure: the same truth as truthOf.
  if (groupBy === 'none' && want.size) {
    expect(close(want.get(''), truthOf(t, `${mesh}.${r.spec!.key}`))).toBe(true);
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
      const r = buildFigure({ ...defaultState(DEFAULT_SETTINGS), figure: f.kind, groupBy }, 'istio', CATALOGUE);
      const file = join(dir, `${f.kind}-${groupBy}.yml`);
      writeFileSync(file, builderRuleYaml(r.mesh!, r.figure!, groupBy, r.options!.latency));
      expect(execFileSync('promtool', ['check', 'rules', file]).toString()).toMatch(/SUCCESS: 1 rules found/);
    }
  }
});
