/**
 * Every query of the shipped dashboards runs against two presets and equals ground truth: `migration` (Istio and
 * Linkerd under a cluster label) and `small` (every mesh shape, no cluster label). The overview's figures are compared
 * with the report's truth, the workload dashboard's with the truth of each workload. Every target must map to a figure
 * (an unknown refId fails), so a new panel cannot go unchecked. The mesh rows repeat over the `mesh` variable
 * (dashboards/meshRepeat.ts): a row target `<mesh>.<figure>` is asked with `$mesh` set to its own mesh, and gives
 * nothing in any other mesh's row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import { PRESETS } from '../../../demo/presets';
import { groundTruth, type GroundTruth } from '../../../demo/truth';
import { CATALOGUE } from '../catalogue';
import { COMPARISON_FIGURES, parseComparisonRefId } from '../comparison';
import { OVERVIEW_ROW_FIGURES } from '../dashboards/overview';
import { WORKLOAD_ROW_FIGURES } from '../dashboards/workload';
import { MESH_VAR, parseMeshRefId } from '../dashboards/meshRepeat';
import { keySuffix, type MeshFigureKey } from '../figureKeys';
import { queryResultValue, queryResultValues, RAW_USAGE_SOURCE, substitute } from '../../testing/dashboardQueries';
import { USAGE_SOURCE_VAR } from '../source/gate';
import { MIXIN_CPU_RULES, MIXIN_MEMORY_RULE } from '../source/mixin';
import type { Grouping } from '../scope';
import { latencyByGroup, sampleKey, truthByGroup } from './groupTruth';
import { close, truthOf } from './truthOf';

/** The row panels' figures (refId `<mesh>.<figure>`), per dashboard; the comparison panel's refIds are its own. */
const ROW_FIGURES: Record<string, Record<string, MeshFigureKey>> = {
  'overview.json': OVERVIEW_ROW_FIGURES,
  'workload.json': WORKLOAD_ROW_FIGURES,
};
const GROUPING: Record<string, Grouping> = { 'overview.json': 'none', 'workload.json': 'workload' };

interface Target {
  panel: string;
  refId: string;
  expr: string;
  mesh: string;
  /** The figure key as truthOf names it (latency at p99). */
  key: string;
  /** The refId's figure part (a row panel's) or the comparison column. */
  figure: string;
  comparison: boolean;
}

function dashboardJson(file: string) {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'dashboards', file), 'utf8'));
}

function targets(file: string): Target[] {
  const panels: Array<{ title: string; type: string; targets?: Array<{ refId: string; expr: string }> }> =
    dashboardJson(file).panels ?? [];
  return panels.flatMap((p) =>
    (p.targets ?? []).map((x) => {
      const comparison = p.type === 'meshtax-comparison-panel' ? parseComparisonRefId(x.refId) : undefined;
      const row = comparison ? undefined : parseMeshRefId(x.refId);
      const mesh = comparison?.meshId ?? row?.meshId ?? '';
      const figure = comparison?.column ?? row?.figure ?? '';
      const k = comparison ? COMPARISON_FIGURES[comparison.column] : ROW_FIGURES[file][figure];
      // The dashboards show p99: a latency key of the table is written for a quantile (latency.pNAdded -> p99Added).
      const key = k ? keySuffix(k) : '';
      return { panel: p.title, refId: x.refId, expr: x.expr, mesh, key, figure, comparison: !!comparison };
    })
  );
}

/** A row target in its own mesh's row; the comparison panel sits outside the row and has no `$mesh`. */
const rowVars = (x: Target): Record<string, string> => (x.comparison ? {} : { [MESH_VAR]: x.mesh });

/**
 * A static dashboard cannot know whether the owner of a shared control plane (istiod, for ambient Istio) is present,
 * so each mesh's figures include it. The comparison panel is built for that: it is fed every mesh's control plane
 * (controlPlaneCost) and bills a shared one once. Its raw figures are checked against the unshared truth here.
 */
function sharedOwner(t: GroundTruth, mesh: string): string | undefined {
  const owner = CATALOGUE.find((m) => m.id === mesh)?.controlPlaneSharedWith;
  return owner && t.meshes.some((m) => m.id === owner) && t.meshes.some((m) => m.id === mesh) ? owner : undefined;
}

const CONTROL_PLANE_KEYS = ['controlPlane.cpuCores', 'controlPlane.memoryBytes', 'cost.controlPlane'];

/** The figure as a dashboard that bills the shared control plane to this mesh too would show it. */
function unshared(t: GroundTruth, mesh: string, key: string): number | null | undefined {
  const owner = sharedOwner(t, mesh);
  const own = truthOf(t, `${mesh}.${key}`);
  if (!owner) {
    return own;
  }
  if (CONTROL_PLANE_KEYS.includes(key)) {
    return truthOf(t, `${owner}.${key}`);
  }
  return key === 'cost.total' ? (own as number) + (truthOf(t, `${owner}.cost.controlPlane`) as number) : own;
}

/** The dashboards price "auto" inside their queries: OpenCost's node prices where the preset has them. */
const autoPricing = (prom: PromHandle) =>
  prom.cluster.spec.opencost ? { source: 'opencost' as const, hoursPerMonth: 730 } : undefined;

/** Truth per group, or an empty map where truth says there is nothing to show. */
function truth(t: GroundTruth, prom: PromHandle, file: string, x: Target): Map<string, number> {
  const m = t.meshes.find((y) => y.id === x.mesh);
  // A control plane billed to the mesh that owns it: the sharing mesh's panels show none, as the report does.
  if (!x.comparison && sharedOwner(t, x.mesh) && CONTROL_PLANE_KEYS.includes(x.key)) {
    return new Map();
  }
  if (GROUPING[file] === 'none') {
    const v = x.comparison ? unshared(t, x.mesh, x.key) : truthOf(t, `${x.mesh}.${x.key}`);
    if (v === undefined) {
      throw new Error(`${x.panel} ${x.refId}: no ground truth for ${x.key}`);
    }
    return v === null ? new Map() : new Map([['', v]]);
  }
  return m ? truthByGroup(t, prom.cluster, m, x.key, GROUPING[file], autoPricing(prom)) : new Map();
}

/**
 * Targets whose answer differs from truth, for every value of the cluster variable; and how many values agreed.
 * `vars`: other variables' values (the usage source).
 */
async function disagreements(
  prom: PromHandle,
  t: GroundTruth,
  file: string,
  pick: (t: GroundTruth, x: Target) => boolean,
  vars: Record<string, string> = {}
) {
  const clusters = prom.cluster.spec.clusterLabel ? ['.*', prom.cluster.spec.clusterLabel] : ['.*'];
  const off: object[] = [];
  let compared = 0;
  for (const x of targets(file).filter((y) => pick(t, y))) {
    const want = truth(t, prom, file, x);
    for (const cluster of clusters) {
      const got = await prom.query(substitute(x.expr, { ...vars, ...rowVars(x), cluster }));
      const gotMap = new Map(got.map((g) => [sampleKey(GROUPING[file], g.metric), g.value]));
      const keys = (m: Map<string, number>) => [...m.keys()].sort().join(';');
      if (got.length !== gotMap.size || keys(gotMap) !== keys(want)) {
        off.push({ panel: x.panel, refId: x.refId, cluster, got: [...gotMap], want: [...want] });
        continue;
      }
      for (const [k, v] of want) {
        compared++;
        if (!close(gotMap.get(k), v)) {
          off.push({ panel: x.panel, refId: x.refId, cluster, group: k, got: gotMap.get(k), want: v });
        }
      }
    }
  }
  return { off, compared };
}

/** A query_result() variable of a dashboard as Grafana resolves it on this Prometheus: its values. */
async function variableValues(prom: PromHandle, file: string, name: string, cluster = '.*'): Promise<string[]> {
  const v = dashboardJson(file).templating.list.find((x: { name: string }) => x.name === name);
  const expr = /^query_result\((.*)\)$/s.exec(v.query.query)![1];
  return queryResultValues(await prom.query(substitute(expr, { cluster })), v.regex);
}

/** The usage_source variable as Grafana resolves it on this Prometheus, for a value of the cluster variable. */
async function usageSource(prom: PromHandle, file: string, cluster = '.*'): Promise<string | undefined> {
  const v = dashboardJson(file).templating.list.find((x: { name: string }) => x.name === USAGE_SOURCE_VAR);
  const expr = /^query_result\((.*)\)$/s.exec(v.query.query)![1];
  return queryResultValue(await prom.query(substitute(expr, { cluster })), v.regex);
}

/**
 * The meshes a preset runs, from its spec (demo/presets.ts): its namespaces' meshes and Cilium. The custom proxy is
 * left out: the dashboards know the catalogue, not a user's custom container.
 */
function presetMeshes(preset: string, only: (id: string) => boolean): string[] {
  const spec = PRESETS[preset];
  const ids = new Set<string>(spec.namespaces.map((n) => n.mesh).filter((m) => m !== 'none'));
  if (spec.cilium) {
    ids.add('cilium');
  }
  return CATALOGUE.map((m) => m.id).filter((id) => ids.has(id) && only(id));
}

const SIDECAR = new Set<string>(CATALOGUE.filter((m) => m.dataPlaneKind === 'sidecar').map((m) => m.id));

describe.each(['small', 'article', 'migration', 'shapes'])('the %s preset: the mesh variable', (preset) => {
  let prom: PromHandle;
  beforeAll(async () => {
    prom = await startPrometheus({ preset });
  });
  afterAll(async () => {
    await prom?.stop();
  });

  test("lists exactly the preset's meshes (the overview), and its sidecar meshes (the workload dashboard)", async () => {
    const all = presetMeshes(preset, () => true);
    expect(all.length).toBeGreaterThan(0);
    expect(await variableValues(prom, 'overview.json', MESH_VAR)).toEqual(all);
    expect(await variableValues(prom, 'workload.json', MESH_VAR)).toEqual(
      presetMeshes(preset, (id) => SIDECAR.has(id))
    );
    // And nothing for a cluster that is not there: no row at all.
    expect(await variableValues(prom, 'overview.json', MESH_VAR, 'other')).toEqual([]);
  });
});

describe.each(['migration', 'small'])('the %s preset', (preset) => {
  let prom: PromHandle;
  beforeAll(async () => {
    prom = await startPrometheus({ preset });
  });
  afterAll(async () => {
    await prom?.stop();
  });

  test('without the kubernetes-mixin rules the usage source is the raw cAdvisor metrics', async () => {
    for (const file of ['overview.json', 'workload.json']) {
      expect(await usageSource(prom, file)).toBe(RAW_USAGE_SOURCE);
    }
  });

  test.each(['overview.json', 'workload.json'])('%s: every query equals ground truth', async (file) => {
    expect(targets(file).filter((x) => !x.mesh || !x.key)).toEqual([]);
    const t = groundTruth(prom.cluster, prom.evalTime, 300, autoPricing(prom));
    const { off, compared } = await disagreements(prom, t, file, () => true);
    expect(off).toEqual([]);
    expect(compared).toBeGreaterThan(file === 'overview.json' ? 30 : 60);
  });

  test("a row's targets answer in their own mesh's row only", async () => {
    for (const file of ['overview.json', 'workload.json']) {
      const rows = targets(file).filter((x) => !x.comparison);
      expect(rows.length).toBeGreaterThan(10);
      for (const x of rows) {
        const other = CATALOGUE.find((m) => m.id !== x.mesh)!.id;
        expect({ refId: x.refId, got: await prom.query(substitute(x.expr, { [MESH_VAR]: other })) }).toEqual({
          refId: x.refId,
          got: [],
        });
      }
    }
  });

  test("the true p99 added lies inside the overview rows' interval, and the mean added is exact (#18)", async () => {
    const t = groundTruth(prom.cluster, prom.evalTime, 300, autoPricing(prom));
    let checked = 0;
    for (const m of t.meshes.filter((x) => x.latency)) {
      const ask = async (figure: string) => {
        const x = targets('overview.json').find((y) => y.mesh === m.id && y.figure === figure)!;
        const r = await prom.query(substitute(x.expr, rowVars(x)));
        return r.length === 1 ? r[0].value : undefined;
      };
      const [lower, upper, mean] = [await ask('p99AddedLower'), await ask('p99AddedUpper'), await ask('meanAdded')];
      expect({ mesh: m.id, inside: lower! <= m.latency!.deltaTrueMs && m.latency!.deltaTrueMs <= upper! }).toEqual({
        mesh: m.id,
        inside: true,
      });
      expect(Math.abs(mean! - m.meanAddedMs!)).toBeLessThanOrEqual(0.01 * Math.abs(m.meanAddedMs!));
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  test("the true p99 added of each workload lies inside the workload dashboard's interval (#18)", async () => {
    let checked = 0;
    for (const mesh of ['istio', 'linkerd'] as const) {
      const truth = latencyByGroup(prom.cluster, mesh, 'workload');
      const ask = async (figure: string) => {
        const x = targets('workload.json').find((y) => y.mesh === mesh && y.figure === figure)!;
        const r = await prom.query(substitute(x.expr, rowVars(x)));
        return new Map(r.map((g) => [sampleKey('workload', g.metric), g.value]));
      };
      const [lower, upper] = [await ask('p99AddedLower'), await ask('p99AddedUpper')];
      for (const [k, t] of truth) {
        const [l, u] = [lower.get(k), upper.get(k)];
        expect({
          mesh,
          k,
          inside: l !== undefined && u !== undefined && l <= t.trueAddedMs && t.trueAddedMs <= u,
        }).toEqual({
          mesh,
          k,
          inside: true,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });

  test('a cluster that does not exist gives no data on any panel', async () => {
    for (const file of ['overview.json', 'workload.json']) {
      for (const x of targets(file)) {
        expect({
          refId: x.refId,
          got: await prom.query(substitute(x.expr, { ...rowVars(x), cluster: 'other' })),
        }).toEqual({
          refId: x.refId,
          got: [],
        });
      }
    }
  });
});

/** The refIds whose queries read usage (CPU or memory, or a cost of them): those the usage source changes. */
const USAGE_REFS = new Set([
  'cost',
  'cpuShare',
  'memoryShare',
  'sidecars',
  'controlPlane',
  'nodeAgents',
  'cpu',
  'memory',
  'share',
  'cpuCores',
  'memoryBytes',
]);

describe('the migration preset on kube-prometheus-stack (kubernetes-mixin rules backfilled)', () => {
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

  test.each(['overview.json', 'workload.json'])(
    '%s: the usage source is the mixin rules and every usage query equals the truth of the mixin series',
    async (file) => {
      const source = await usageSource(prom, file);
      expect(source).toBe(`${MIXIN_CPU_RULES.sum_rate5m}|${MIXIN_MEMORY_RULE}`);
      // The rules' sample at T was computed from the scrapes up to T-15: their 5m rate spans T-300..T-15
      // (mixinSource.int.test.ts). The dashboards' other queries read raw series and are checked above.
      const t = groundTruth(prom.cluster, prom.evalTime - 15, 285, autoPricing(prom));
      const isUsage = (_: GroundTruth, x: Target) =>
        USAGE_REFS.has(x.comparison ? x.key.split('.').pop()! : x.figure) &&
        !x.key.startsWith('latency') &&
        !x.key.includes('Request');
      const { off, compared } = await disagreements(prom, t, file, isUsage, { usage_source: source! });
      expect(off).toEqual([]);
      expect(compared).toBeGreaterThan(15);
      // Read from the mixin only: with the raw metrics gated out, the same queries still answer.
      const cpu = targets(file).find(
        (x) => x.refId === (file === 'overview.json' ? 'istio.cpuShare' : 'istio.cpuCores')
      )!;
      const rawGatedOut = substitute(cpu.expr, { usage_source: source!, cluster: '.*', ...rowVars(cpu) });
      expect(rawGatedOut).toContain('__name__=~"node_namespace_pod_container');
      expect((await prom.query(rawGatedOut)).length).toBeGreaterThan(0);
    }
  );
});
