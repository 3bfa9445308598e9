/**
 * Where the scene pages read CPU and memory usage from (issue #19 §1): the report's own decision, recorded → mixin →
 * raw, by the same probes and the same cache as the Overview's report, one probe per data source and cluster scope.
 * The scene pages group by namespace and workload, which `meshtax rules` does not record, so they read the
 * kubernetes-mixin's rules when the probe finds them, else raw series; the decision says which and why.
 */
import type { FigureOptions } from '../../model/figures';
import { DEFAULT_OPTIONS } from '../../model/options/defaults';
import { rulesConfigProbe } from '../../model/rules/config';
import type { Selection } from '../../model/scope';
import type { InstantQuery } from '../../model/report';
import { decideSource, expiringCache, type FigureSource, type ProbeCache } from '../../model/source/figureSource';
import { dsInstantQuery } from '../../services/prometheus';

/**
 * The kubernetes-mixin probe's answer per data source and cluster scope, for the app's session: one probe per data
 * source, not one per refresh or page. Five minutes, so rules installed while the app is open are found without a
 * reload. The Overview's report reads the same cache.
 */
export const MIXIN_PROBES = expiringCache(5 * 60 * 1000, () => Date.now());

export const probeKey = (uid: string, clusterRegex?: string) => `${uid}|${clusterRegex ?? ''}`;

export type UsageSource = Omit<FigureSource, 'byFigure'>;

/**
 * The decision itself, through any instant-query function: the report's `decideSource` at `auto`, for a selection
 * grouped as the scene pages group (so recorded series, which are per cluster, are ruled out with that reason).
 */
export function decideSceneSource(
  q: InstantQuery,
  clusterRegex: string | undefined,
  o: FigureOptions,
  hasCustomMesh: boolean,
  cache?: { store: ProbeCache; key: string }
): Promise<UsageSource> {
  const s: Selection = {
    window: o.window ?? DEFAULT_OPTIONS.window,
    groupBy: 'namespace',
    ...(clusterRegex ? { clusterRegex } : {}),
  };
  return decideSource(q, s, { requested: 'auto', hasCustomMesh, recordedProbe: rulesConfigProbe(s, o), cache });
}

/** The source for a scene page's figures, through the data source; a failing probe reads raw series and says why. */
export async function sceneUsageSource(
  uid: string,
  clusterRegex: string | undefined,
  o: FigureOptions,
  hasCustomMesh: boolean,
  timeSec = Math.floor(Date.now() / 1000)
): Promise<UsageSource> {
  try {
    return await decideSceneSource(dsInstantQuery(uid, timeSec), clusterRegex, o, hasCustomMesh, {
      store: MIXIN_PROBES,
      key: probeKey(uid, clusterRegex),
    });
  } catch (e) {
    const note = `raw series: asking which kubernetes-mixin rules exist failed (${(e as Error).message})`;
    return { kind: 'raw', probe: null, note, requested: 'auto', mixin: null };
  }
}
