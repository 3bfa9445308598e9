/**
 * Which series the report's figures read: Mesh Tax's own recorded series (`meshtax rules`), else the
 * kubernetes-mixin's recording rules, else raw cAdvisor. Decided by at most two instant probes, the mixin's cached
 * per data source by whoever passes a cache.
 */
import type { Expr } from '../promql/ast';
import { QueryInputError } from '../promql/escape';
import { render } from '../promql/render';
import { clusterFigures, meshFigures } from '../figureSet';
import type { Figure, FigureOptions } from '../figures';
import { canReadRecorded, recordedClusterFigures, recordedMeshFigures } from '../rules/recorded';
import { clusterMatchers, type Selection } from '../scope';
import { metricsOf } from '../metrics';
import {
  BOTH_MIXIN_RULES,
  chooseMixin,
  isMixinMetric,
  MIXIN_CPU_RULES,
  MIXIN_WINDOW,
  mixinProbe,
  parseMixinProbe,
  windowIsMixins,
  type MixinFound,
  type MixinSeries,
} from './mixin';

export const SOURCE_REQUESTS = ['auto', 'raw', 'mixin', 'recorded'] as const;
/** What the user asked for: `auto` takes the first that exists of recorded, mixin, raw. */
export type SourceRequest = (typeof SOURCE_REQUESTS)[number];
export type SourceKind = 'recorded' | 'mixin' | 'raw';

/** The report's `figureSource`: where the figures were read from and why. */
export interface FigureSource {
  /** recorded: every figure; mixin: CPU and/or memory usage figures (see `mixin`), the rest raw; raw: all raw. */
  kind: SourceKind;
  /** The query that decided `kind` (null when nothing was probed). */
  probe: string | null;
  note: string;
  requested: SourceRequest;
  /** The mixin rules read (kind mixin), per resource: null / false for a resource read raw. */
  mixin: MixinSeries | null;
  /** Each figure id's own source: a latency figure stays raw under `mixin`. */
  byFigure: Record<string, SourceKind>;
}

type Decision = Omit<FigureSource, 'byFigure'>;

type Scalar = (expr: string) => Promise<number | null>;
type Vector = (expr: string) => Promise<Array<{ metric: Record<string, string>; value: number }>>;

/** A cache of the mixin probe per data source (the app keeps one for its session; the CLI runs once). */
export interface ProbeCache {
  get(key: string): MixinFound | undefined;
  set(key: string, found: MixinFound): void;
}

/** A cache whose entries expire: rules installed while the app is open are picked up within `ttlMs`. */
export function expiringCache(ttlMs: number, now: () => number): ProbeCache {
  const entries = new Map<string, { at: number; found: MixinFound }>();
  return {
    get: (key) => {
      const e = entries.get(key);
      return e && now() - e.at < ttlMs ? e.found : undefined;
    },
    set: (key, found) => void entries.set(key, { at: now(), found }),
  };
}

export interface SourceInput {
  requested: SourceRequest;
  /** Custom meshes are not in the recorded series. */
  hasCustomMesh: boolean;
  /** The recorded-rules probe for these options (rulesConfigProbe). */
  recordedProbe: Expr;
  cache?: { store: ProbeCache; key: string };
}

function unavailable(requested: SourceRequest, why: string): never {
  throw new QueryInputError('source', `source "${requested}": ${why}`);
}

/** Refuses up front what no probe can change: the mixin's CPU is a 5m rate. */
export function checkSourceWindow(requested: SourceRequest, window: string) {
  if (requested === 'mixin' && !windowIsMixins(window)) {
    unavailable(
      requested,
      `the kubernetes-mixin CPU rule is a fixed ${MIXIN_WINDOW} rate, so a ${window} window cannot be read from it ` +
        `(use window ${MIXIN_WINDOW}, or source auto or raw, which read CPU from raw series at ${window})`
    );
  }
}

async function recorded(scalar: Scalar, s: Selection, input: SourceInput): Promise<Decision | string> {
  if (input.hasCustomMesh || !canReadRecorded(s)) {
    return 'recorded series hold no custom mesh and no namespace or workload filter';
  }
  const probe = render(input.recordedProbe);
  if (((await scalar(probe)) ?? 0) > 0) {
    const note = 'series recorded by the `meshtax rules` recording rules';
    return { kind: 'recorded', probe, note, requested: input.requested, mixin: null };
  }
  return 'no `meshtax rules` recording rules with these options are loaded';
}

async function probeMixin(vector: Vector, s: Selection, input: SourceInput): Promise<MixinFound> {
  const hit = input.cache?.store.get(input.cache.key);
  if (hit) {
    return hit;
  }
  const found = parseMixinProbe(await vector(render(mixinProbe(clusterMatchers(s)))));
  input.cache?.store.set(input.cache.key, found);
  return found;
}

function mixinNote(m: MixinSeries, window: string): string {
  const cpu =
    m.cpu === 'sum_irate'
      ? `CPU from ${MIXIN_CPU_RULES.sum_irate} (an older mixin: an instantaneous rate over the last two scrapes, not a ${MIXIN_WINDOW} average)`
      : m.cpu
        ? `CPU from ${MIXIN_CPU_RULES[m.cpu]}`
        : windowIsMixins(window)
          ? 'CPU from raw cAdvisor series (no mixin CPU rule found)'
          : `CPU from raw cAdvisor series: the mixin's CPU rule is a ${MIXIN_WINDOW} rate and the window is ${window}`;
  const memory = m.memory
    ? 'memory from node_namespace_pod_container:container_memory_working_set_bytes'
    : 'memory from raw cAdvisor series (no mixin memory rule found)';
  return `kubernetes-mixin recording rules: ${cpu}; ${memory}; everything else from raw series`;
}

/** Decides the source; throws a QueryInputError (field `source`) when an explicit request cannot be met. */
export async function decideSource(vector: Vector, s: Selection, input: SourceInput): Promise<Decision> {
  const { requested } = input;
  const scalar: Scalar = async (e) => {
    const r = await vector(e);
    return r.length === 0 || !Number.isFinite(r[0].value) ? null : r[0].value;
  };
  if (requested === 'raw') {
    return { kind: 'raw', probe: null, note: 'raw series (asked for)', requested, mixin: null };
  }
  checkSourceWindow(requested, s.window);
  let why = '';
  if (requested === 'auto' || requested === 'recorded') {
    const r = await recorded(scalar, s, input);
    if (typeof r !== 'string') {
      return r;
    }
    if (requested === 'recorded') {
      unavailable(requested, r);
    }
    why = r;
  }
  const probe = render(mixinProbe(clusterMatchers(s)));
  const found = await probeMixin(vector, s, input);
  const mixin = chooseMixin(found, s.window);
  if (mixin.cpu || mixin.memory) {
    return { kind: 'mixin', probe, note: mixinNote(mixin, s.window), requested, mixin };
  }
  const none = 'no kubernetes-mixin recording rules (node_namespace_pod_container:…) were found';
  if (requested === 'mixin') {
    unavailable(requested, none);
  }
  const cpuOnly =
    found.sum_rate5m + found.sum_irate > 0
      ? `only the mixin's CPU rule exists, a ${MIXIN_WINDOW} rate, and the window is ${s.window}`
      : none;
  return { kind: 'raw', probe, note: `raw series: ${why ? `${why}; ` : ''}${cpuOnly}`, requested, mixin: null };
}

/** A figure's own source, from the metrics its query reads. */
export function sourceOfFigure(ast: Expr): SourceKind {
  const metrics = [...metricsOf(ast)];
  if (metrics.some((m) => m.startsWith('meshtax:'))) {
    return 'recorded';
  }
  return metrics.some(isMixinMetric) ? 'mixin' : 'raw';
}

/**
 * The figures for a source chosen without probing (`meshtax queries`): auto reads raw series there, as auto prices
 * at the flat rates where nothing probes first.
 */
export function unprobedFigures(requested: SourceRequest, s: Selection, o: FigureOptions): Figure[] {
  checkSourceWindow(requested, s.window);
  if (requested === 'recorded') {
    if (!canReadRecorded(s)) {
      unavailable(requested, 'recorded series are per cluster: no namespace filter or finer grouping');
    }
    return [...recordedClusterFigures(s, o), ...o.meshes.flatMap((m) => recordedMeshFigures(m, s, o))];
  }
  const sel: Selection = {
    ...s,
    useRecordingRules: false,
    mixin: requested === 'mixin' ? BOTH_MIXIN_RULES : undefined,
  };
  return [...clusterFigures(sel, o), ...o.meshes.flatMap((m) => meshFigures(m, sel, o))];
}
