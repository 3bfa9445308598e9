/**
 * Runs the model's figures through any instant-query function and assembles the report
 * (the JSON shape of `meshtax report --format json`). Unavailable figures are null with a reason, never 0.
 */
import { asSelected } from './average';
import type { MeshDef } from './catalogue';
import type { BucketBounds } from './buckets';
import {
  meshFigureId,
  P99,
  type ClusterFigureKey,
  type FieldOf,
  type FigureGroup,
  type MeshFigureKey,
} from './figureKeys';
import { meshFigures, clusterFigures } from './figureSet';
import { podCountExpr, roleMatchers, trafficMatchExprs, type Figure, type FigureOptions } from './figures';
import { figureOptions, selectionOf } from './options/figureOptions';
import type { MeshTaxOptions } from './options/types';
import { opencostProbe } from './pricing';
import type { Matcher } from './promql/ast';
import { agg, sel } from './promql/dsl';
import { render } from './promql/render';
import { DEFAULT_MAX_SAMPLES, estimatedPeakSamples, likelyOverMaxSamples, seriesTouchedExpr } from './queryCost';
import { canReadRecorded, recordedClusterFigures, recordedMeshFigures, recordedPresenceExpr } from './rules/recorded';
import { rulesConfigProbe } from './rules/config';
export type { FigureSource } from './source/figureSource';
import { clusterMatchers, type Selection } from './scope';
import { metricsOf } from './metrics';
import {
  decideSource,
  sourceOfFigure,
  type FigureSource,
  type ProbeCache,
  type SourceRequest,
} from './source/figureSource';
import { emptyExplainedBy, emptyMeansZero, unavailableReason } from './unavailable';
import { plaintextWorkloads, valueBlock } from './value/report';

export interface Sample {
  metric: Record<string, string>;
  value: number;
}
export type InstantQuery = (expr: string) => Promise<Sample[]>;

export interface ReportInput {
  time: number;
  /** Which clusters and namespaces to measure; the window and exclusions come from the options. */
  scope?: ReportScope;
  options: MeshTaxOptions;
  /**
   * auto (the default): the series recorded by `meshtax rules` when rules generated with these very options are
   * loaded (one probe), else the kubernetes-mixin's recording rules when they exist (one probe), else raw series.
   * raw, mixin, recorded: only that source; mixin and recorded throw a QueryInputError when it is missing.
   * Unset with `options.useRecordingRules`: mixin, what that option always meant.
   */
  figureSource?: SourceRequest;
  /** Keeps the mixin probe's answer per data source (`key`) between reports. */
  probeCache?: { store: ProbeCache; key: string };
  /** Also measure BY_CLUSTER_FIGURES per `cluster` label value, for multi-cluster data sources. */
  byCluster?: boolean;
  /**
   * throw (the default, the CLI's): a failing query fails the report. keep (the app's): a failing figure becomes null
   * with its error as the reason, and the other figures stand; the probes before detection still fail the report.
   */
  figureErrors?: 'throw' | 'keep';
  /** Hears the detected meshes, then each figure as it settles, so a page can draw each as it arrives. */
  onProgress?: (p: ReportProgress) => void;
}

/** A step of a report under way: the meshes found (with their figures' queries), or one figure settled. */
export type ReportProgress =
  | { kind: 'meshes'; meshes: Array<Pick<MeshDef, 'id' | 'name' | 'dataPlaneKind'> & { figures: Figure[] }> }
  | { kind: 'figure'; id: string; value: number | null; reason?: string };

/** The figures a per-cluster row shows: cost, CPU and memory share, p99 added. */
export const BY_CLUSTER_FIGURES: MeshFigureKey[] = [
  'cost.total',
  'sidecars.cpuShare',
  'sidecars.memoryShare',
  'latency.pNAdded',
];

/** One value per cluster label value (clusters where the figure is unavailable are absent). */
async function perCluster(q: InstantQuery, figures: Figure[]): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  await Promise.all(
    figures.map(async (f) => {
      for (const r of await q(f.expr)) {
        const c = r.metric.cluster ?? '';
        if (Number.isFinite(r.value)) {
          out[c] = { ...out[c], [f.id]: r.value };
        }
      }
    })
  );
  return out;
}

type Value = number | null;

async function scalar(q: InstantQuery, expr: string): Promise<Value> {
  const r = await q(expr);
  return r.length === 0 || !Number.isFinite(r[0].value) ? null : r[0].value;
}

async function detect(q: InstantQuery, meshes: MeshDef[], s: Selection, recorded: boolean): Promise<MeshDef[]> {
  const found = await Promise.all(
    meshes.map(async (m) => {
      if (recorded) {
        return ((await scalar(q, render(asSelected(recordedPresenceExpr(m, s), s)))) ?? 0) > 0 ? m : undefined;
      }
      const who = [roleMatchers(m, 'dataPlane'), roleMatchers(m, 'nodeAgents')].filter((x) => !!x);
      // Averaged like the figures: a mesh that ran during the span has a mean cost, even if it is gone now.
      const pods = (w: Matcher[]) => asSelected(podCountExpr(w, { ...s, groupBy: 'none' }), s);
      const counts = await Promise.all(who.map((w) => scalar(q, render(pods(w!)))));
      return counts.some((c) => (c ?? 0) > 0) ? m : undefined;
    })
  );
  return found.filter((m): m is MeshDef => !!m);
}

export function isControlPlaneShared(m: MeshDef, present: MeshDef[]): boolean {
  return !!m.controlPlaneSharedWith && present.some((p) => p.id === m.controlPlaneSharedWith);
}

/** One istiod serves sidecar and ambient Istio: bill it once, to the mesh that owns it when both are present. */
export function resolveShared(m: MeshDef, present: MeshDef[]): MeshDef {
  return isControlPlaneShared(m, present) ? { ...m, controlPlane: undefined } : m;
}

async function runFigures(
  q: InstantQuery,
  figures: Figure[],
  s: Selection,
  input: Pick<ReportInput, 'figureErrors' | 'onProgress'> = {}
) {
  const values: Record<string, Value> = {};
  const reasons: Record<string, string> = {};
  const empty: Figure[] = [];
  const settle = (id: string) => input.onProgress?.({ kind: 'figure', id, value: values[id], reason: reasons[id] });
  await Promise.all(
    figures.map(async (f) => {
      let r: Sample[];
      try {
        r = await q(f.expr);
      } catch (e) {
        if (input.figureErrors !== 'keep') {
          throw e;
        }
        values[f.id] = null;
        reasons[f.id] = `error: ${(e as Error).message}`;
        return settle(f.id);
      }
      const raw = r.length === 0 ? undefined : r[0].value;
      const v = raw !== undefined && Number.isFinite(raw) ? raw : null;
      values[f.id] = v;
      if (raw === undefined) {
        empty.push(f);
        return;
      } else if (v === null) {
        reasons[f.id] = unavailableReason(f, raw);
      }
      settle(f.id);
    })
  );
  // Empty answers: missing inputs (null, naming them) or nothing that qualifies (a measured 0 for sums and counts).
  let absent: Set<string>;
  try {
    absent = await absentMetrics(q, empty, s);
  } catch (e) {
    if (input.figureErrors !== 'keep') {
      throw e;
    }
    // Never a 0 that was not measured: without the probes, an empty answer stays unexplained.
    for (const f of empty) {
      reasons[f.id] = `unavailable: empty answer, and asking which inputs are missing failed: ${(e as Error).message}`;
      settle(f.id);
    }
    return { values, reasons };
  }
  for (const f of empty) {
    const missing = emptyExplainedBy(f.ast, absent);
    if (missing.length === 0 && emptyMeansZero(f.id)) {
      values[f.id] = 0;
    } else {
      reasons[f.id] = unavailableReason(f, undefined, missing);
    }
    settle(f.id);
  }
  return { values, reasons };
}

/** The metrics, among those the figures read, that have no series at all in the selected cluster(s). */
async function absentMetrics(q: InstantQuery, figures: Figure[], s: Selection): Promise<Set<string>> {
  const metrics = [...new Set(figures.flatMap((f) => [...metricsOf(f.ast)]))];
  const found = await Promise.all(
    metrics.map(async (m) => (await q(render(agg('group', sel(m, ...clusterMatchers(s)))))).length > 0)
  );
  return new Set(metrics.filter((_, i) => !found[i]));
}

/**
 * When the mesh reports traffic but none of its workload names matches a proxy's workload, idle detection would call
 * every proxy idle: say so instead of giving a number.
 */
async function trafficMismatch(q: InstantQuery, m: MeshDef, s: Selection): Promise<string | undefined> {
  const e = trafficMatchExprs(m, s);
  if (!e || !m.traffic) {
    return undefined;
  }
  const [busy, matched] = await Promise.all([
    scalar(q, render(asSelected(e.busy, s))),
    scalar(q, render(asSelected(e.matched, s))),
  ]);
  if (!busy || matched) {
    return undefined;
  }
  return (
    `unavailable: ${m.traffic.metric} reports traffic for ${busy} workloads, but none of their names ` +
    `(${m.traffic.workloadLabel}) matches the workload of a proxy (from kube_pod_owner and kube_replicaset_owner, ` +
    'else from pod names), so idle proxies cannot be told from busy ones'
  );
}

const noHistogram = (m: MeshDef) => `${m.name} exports no latency histogram the model reads`;

/** A side's bucket from its two bound figures; null unless both ends are finite (no upper end above the last bound). */
function bucketOf(v: Record<string, Value>, lower: string, upper: string): BucketBounds | null {
  const [l, u] = [v[lower] ?? null, v[upper] ?? null];
  return l === null || u === null ? null : { lowerMs: l, upperMs: u };
}

/** [lower, upper] of the quantile added, or null with the reason of whichever end is missing. */
function addedRange(
  v: Record<string, Value>,
  reasons: Record<string, string>,
  id: (k: MeshFigureKey) => string,
  none?: string
): { value: [number, number] | null; reason?: string } {
  const [lo, hi] = [id('latency.pNAddedLower'), id('latency.pNAddedUpper')];
  const [l, u] = [v[lo] ?? null, v[hi] ?? null];
  if (l !== null && u !== null) {
    return { value: [l, u] };
  }
  return { value: null, reason: none ?? (l === null ? reasons[lo] : reasons[hi]) ?? 'no data' };
}

/** Why the p99 covers only some proxies: series of older histograms the model does not read, if any exist. */
async function unreadHistograms(q: InstantQuery, m: MeshDef, s: Selection): Promise<string | undefined> {
  for (const metric of m.latency?.unread ?? []) {
    const n = await scalar(q, render(agg('count', sel(metric, ...clusterMatchers(s)))));
    if (n && n > 0) {
      return `partial: ${n} series of ${metric} (an older ${m.name} version) are not read, so those proxies are left out of the latency figures`;
    }
  }
  return undefined;
}

/** One group of the report's JSON (`sidecars`, `monthlyCostUsd`, ...): these fields, in this order, null when absent. */
function group<G extends FigureGroup, F extends FieldOf<G>>(
  values: Record<string, Value>,
  meshId: string,
  g: G,
  fields: readonly F[]
): Record<F, Value> {
  return Object.fromEntries(
    fields.map((f) => [f, values[meshFigureId(meshId, `${g}.${f}` as MeshFigureKey)] ?? null])
  ) as Record<F, Value>;
}

type ClusterField = ClusterFigureKey extends `cluster.${infer F}` ? F : never;

function clusterGroup<F extends ClusterField>(values: Record<string, Value>, fields: readonly F[]): Record<F, Value> {
  return Object.fromEntries(fields.map((f) => [f, values[`cluster.${f}`] ?? null])) as Record<F, Value>;
}

/** What a report may narrow its selection to; it always measures the cluster as a whole (no grouping). */
export type ReportScope = Pick<Selection, 'cluster' | 'clusterRegex' | 'namespaceInclude'>;

export async function buildReport(q: InstantQuery, input: ReportInput) {
  const o = input.options;
  const raw = selectionOf(o, { ...input.scope, groupBy: 'none' });
  // "auto" is decided here, by one probe: the only place that can ask the data source before building queries.
  const hasOpencost =
    o.pricingSource !== 'flat' && ((await scalar(q, render(opencostProbe(clusterMatchers(raw))))) ?? 0) > 0;
  if (o.pricingSource === 'opencost' && !hasOpencost) {
    throw new Error('pricing: OpenCost was requested but node_cpu_hourly_cost / node_ram_hourly_cost are missing');
  }
  const found = hasOpencost ? 'opencost' : 'flat';
  // "auto" with OpenCost found runs the very query the scenes, dashboards and rules run (OpenCost's prices, the flat
  // rates in a cluster it does not price); without OpenCost that query is the flat one, so the cheaper flat query runs.
  const opts = figureOptions(o, o.pricingSource === 'auto' && hasOpencost ? 'auto' : found);
  const { meshes: catalogue } = opts;
  // The JSON contract names the source found: flat or opencost.
  const pricing = { ...opts.pricing, source: found };
  const latency = opts.latency;
  // Rules files record with the static source (auto stays auto), so they are looked for with it.
  const decided = await figureSource(q, input, raw, { ...opts, pricing: figureOptions(o).pricing });
  const recorded = decided.kind === 'recorded';
  // The decision, not the option, says what usage queries read: the mixin rules found (requests, traffic and
  // latency stay raw), or raw series when raw was asked for.
  const s: Selection = { ...raw, useRecordingRules: false, mixin: decided.mixin ?? undefined };
  const present = await detect(q, catalogue, s, recorded);
  const keep = input.figureErrors === 'keep';
  /** In keep mode, a failing extra (a bucket, a mismatch check) falls back instead of failing the report. */
  const soft = <T>(p: Promise<T>, fallback: T): Promise<T> => (keep ? p.catch(() => fallback) : p);
  const defs = present.map((m) => ({ m, def: resolveShared(m, present) }));
  input.onProgress?.({
    kind: 'meshes',
    meshes: defs.map(({ m, def }) => ({
      id: m.id,
      name: m.name,
      dataPlaneKind: m.dataPlaneKind,
      figures: (recorded ? recordedMeshFigures : meshFigures)(def, s, opts),
    })),
  });
  const clusterFigs = (recorded ? recordedClusterFigures : clusterFigures)(s, opts);
  const cluster = await runFigures(q, clusterFigs, s, input);
  // Raw reports: how many series each mesh's monthly cost reads, for the range-cost warning.
  const touched: Array<{ figure: string; seriesTouched: number }> = [];
  const meshes = await Promise.all(
    present.map(async (m) => {
      const shared = isControlPlaneShared(m, present);
      const def = resolveShared(m, present);
      const figures = (recorded ? recordedMeshFigures : meshFigures)(def, s, opts);
      const { values: v, reasons } = await runFigures(q, figures, s, input);
      const mismatch = recorded ? undefined : await soft(trafficMismatch(q, def, s), undefined);
      const id = (k: MeshFigureKey) => meshFigureId(m.id, k, latency.quantile);
      if (mismatch) {
        v[id('cost.idleSidecars')] = null;
        reasons[id('cost.idleSidecars')] = mismatch;
      }
      if (shared) {
        reasons[`${m.id}.controlPlane`] = `shared with ${m.controlPlaneSharedWith}: billed there`;
      }
      const cs: Selection = { ...s, groupBy: 'cluster' };
      const cost = recorded ? undefined : figures.find((f) => f.id === id('cost.total'));
      // Independent of each other: asked together.
      const [byCluster, partial, costSeries, plaintext] = await Promise.all([
        input.byCluster
          ? soft(
              perCluster(
                q,
                (recorded && canReadRecorded(cs) ? recordedMeshFigures : meshFigures)(def, cs, opts).filter((f) =>
                  BY_CLUSTER_FIGURES.some((k) => f.id === meshFigureId(m.id, k, P99))
                )
              ),
              undefined
            )
          : undefined,
        soft(unreadHistograms(q, m, s), undefined),
        cost ? soft(scalar(q, render(seriesTouchedExpr(cost.ast))), null) : null,
        soft(plaintextWorkloads(q, def, s), null),
      ]);
      if (cost && costSeries !== null) {
        touched.push({ figure: cost.id, seriesTouched: costSeries });
      }
      const added = v[id('latency.pNAdded')] ?? null;
      const range = addedRange(v, reasons, id, m.latency ? undefined : noHistogram(m));
      const mean = v[id('latency.meanAdded')] ?? null;
      // The CLI contract names the p99: at another quantile these say so instead of giving that quantile's value.
      const notP99 = `the report's quantile is p${Math.round(latency.quantile * 100)}, not p99: see addedRangeMs`;
      const p99Range = latency.quantile === P99 ? range.value : null;
      if (p99Range === null) {
        reasons[`${m.id}.latency.p99DeltaRangeMs`] = latency.quantile === P99 ? range.reason! : notP99;
      }
      if (mean === null) {
        reasons[`${m.id}.latency.meanDeltaMs`] =
          reasons[id('latency.meanAdded')] ?? (m.latency ? 'no data' : noHistogram(m));
      }
      return {
        id: m.id,
        name: m.name,
        dataPlaneKind: m.dataPlaneKind,
        sidecars: group(v, m.id, 'sidecars', [
          'pods',
          'cpuCores',
          'memoryBytes',
          'cpuShare',
          'memoryShare',
          'cpuPerPodAvg',
          'cpuPerPodMax',
          'memoryPerPodAvg',
          'memoryPerPodMax',
          'cpuRequestCores',
          'memoryRequestBytes',
          'cpuRequestShare',
          'memoryRequestShare',
          'nodesReservedCpu',
          'nodesReservedMemory',
          'vcpuPer1kRps',
        ]),
        controlPlane: group(v, m.id, 'controlPlane', ['cpuCores', 'memoryBytes']),
        nodeAgents: group(v, m.id, 'nodeAgents', ['pods', 'cpuCores', 'memoryBytes']),
        traffic: group(v, m.id, 'traffic', ['rps', 'mtlsRps', 'plaintextRps']),
        value: valueBlock(def, v, reasons, plaintext),
        latency: {
          method: latency.method,
          quantile: latency.quantile,
          p99DeltaMs: latency.quantile === 0.99 ? added : null,
          addedMs: added,
          clientMs: v[id('latency.pNClient')] ?? null,
          serverMs: v[id('latency.pNServer')] ?? null,
          p99DeltaRangeMs: p99Range,
          addedRangeMs: range.value,
          meanDeltaMs: mean,
          clientBucketMs: bucketOf(v, id('latency.pNClientLower'), id('latency.pNClientUpper')),
          serverBucketMs: bucketOf(v, id('latency.pNServerLower'), id('latency.pNServerUpper')),
          reason: m.latency ? reasons[id('latency.pNAdded')] : noHistogram(m),
          ...(partial ? { partial } : {}),
        },
        monthlyCostUsd: group(v, m.id, 'cost', [
          'sidecars',
          'controlPlane',
          'nodeAgents',
          'idleSidecars',
          'total',
          'overRequestedSidecars',
        ]),
        reasons,
        ...(byCluster ? { byCluster } : {}),
        queries: Object.fromEntries(figures.map((f) => [f.id, f.expr])),
        // Averaged reports: each figure's query at one instant too, for charts over time and the instant value
        // (a chart of means over the whole span at every point would read the span once per point).
        ...(s.averageOver
          ? {
              instantQueries: Object.fromEntries(
                (recorded ? recordedMeshFigures : meshFigures)(def, { ...s, averageOver: undefined }, opts).map((f) => [
                  f.id,
                  f.expr,
                ])
              ),
            }
          : {}),
        figures: figures.map(({ id, title, unit, expr, ast }) => ({
          id,
          title,
          unit,
          expr,
          source: sourceOfFigure(ast),
        })),
      };
    })
  );
  const rangeCost = rangeCostOf(touched);
  return {
    time: new Date(input.time * 1000).toISOString(),
    window: s.window,
    // null: each figure is the instant value at `time`; else its mean over this long before `time`.
    averageOver: s.averageOver ?? null,
    pricing: {
      ...pricing,
      // The basis is an option of its own now; the report's JSON keeps it beside the prices, where it always was.
      basis: opts.basis,
      note: hasOpencost ? 'OpenCost node prices (node_cpu_hourly_cost, node_ram_hourly_cost)' : 'flat rates',
    },
    cluster: {
      ...clusterGroup(cluster.values, [
        'cpuCores',
        'memoryBytes',
        'cpuRequestCores',
        'memoryRequestBytes',
        'nodes',
        'monthlyCostUsd',
      ]),
      reasons: cluster.reasons,
    },
    meshes,
    figureSource: {
      ...decided,
      byFigure: Object.fromEntries(
        [...clusterFigs, ...meshes.flatMap((m) => m.figures)].map((f) => [
          f.id,
          'source' in f ? f.source : sourceOfFigure(f.ast),
        ])
      ),
    } satisfies FigureSource,
    rangeCost,
  };
}

/** A dashboard panel's resolution: Grafana asks for about this many points per range query. */
export const PANEL_POINTS = 1000;

/**
 * How close a dashboard panel of the raw monthly cost (the widest figure) comes to Prometheus's query.max-samples,
 * from the series count of the mesh whose cost reads most; null when nothing was counted (recorded series).
 */
function rangeCostOf(touched: Array<{ figure: string; seriesTouched: number }>) {
  const worst = touched.reduce<(typeof touched)[number] | null>(
    (a, b) => (!a || b.seriesTouched > a.seriesTouched ? b : a),
    null
  );
  return worst
    ? {
        ...worst,
        points: PANEL_POINTS,
        estimatedPeakSamples: estimatedPeakSamples(worst.seriesTouched, PANEL_POINTS),
        maxSamples: DEFAULT_MAX_SAMPLES,
        likelyOverMaxSamples: likelyOverMaxSamples(worst.seriesTouched, PANEL_POINTS),
      }
    : null;
}

async function figureSource(q: InstantQuery, input: ReportInput, s: Selection, opts: FigureOptions) {
  return decideSource(q, s, {
    requested: input.figureSource ?? (input.options.useRecordingRules ? 'mixin' : 'auto'),
    hasCustomMesh: !!input.options.custom,
    recordedProbe: rulesConfigProbe(s, opts),
    cache: input.probeCache,
  });
}

export type Report = Awaited<ReturnType<typeof buildReport>>;
