import { useEffect, useState } from 'react';
import { buildReport, type Report, type ReportProgress } from '../../model/report';
import type { AppSettings } from '../../model/settings';
import { dsInstantQuery } from '../../services/prometheus';
import { MIXIN_PROBES, probeKey } from '../../shared/scenes/usageSource';
import { overviewReportInput, type OverviewScope } from './reportInput';

export type { OverviewScope };

/** What has arrived of a report under way: the meshes found, and each figure settled so far (by figure id). */
export interface ReportSoFar {
  meshes?: Extract<ReportProgress, { kind: 'meshes' }>['meshes'];
  figures: Record<string, { value: number | null; reason?: string }>;
}

export type ReportState =
  | { state: 'loading'; soFar?: ReportSoFar }
  | { state: 'error'; message: string }
  /** `warnings`: what Prometheus warned about while answering (each once); the figures stand. */
  | { state: 'done'; report: Report; warnings: string[] };

const NO_DATASOURCE =
  'No Prometheus data source: add one under Connections, or pick one in the Mesh Tax configuration.';

/**
 * Builds the model's report through the chosen data source at `timeSec`, figure by figure: a failing figure carries
 * its own error and the others stand (figureErrors 'keep'), and each shows as it arrives.
 */
export function useReport(
  uid: string | undefined,
  timeSec: number,
  settings: AppSettings,
  attempt = 0,
  scope: OverviewScope = {},
  /** The range's start: figures are means over [fromSec, timeSec]. */
  fromSec?: number
): ReportState {
  // Results are keyed by their inputs: a result for other inputs means "loading", without a setState in the effect body.
  const key = `${uid}|${timeSec}|${JSON.stringify(settings)}|${attempt}|${scope.clusterRegex}|${scope.namespaceInclude}|${scope.multiCluster}|${fromSec}`;
  const [result, setResult] = useState<{ key: string; value: ReportState } | undefined>();
  useEffect(() => {
    if (!uid) {
      return;
    }
    let cancelled = false;
    const warnings = new Set<string>();
    let soFar: ReportSoFar = { figures: {} };
    // Figures settle in bursts: one render per animation frame at most, not one per figure.
    let scheduled = false;
    const onProgress = (p: ReportProgress) => {
      soFar =
        p.kind === 'meshes'
          ? { ...soFar, meshes: p.meshes }
          : { ...soFar, figures: { ...soFar.figures, [p.id]: { value: p.value, reason: p.reason } } };
      if (!scheduled) {
        scheduled = true;
        setTimeout(() => {
          scheduled = false;
          if (!cancelled) {
            setResult((r) =>
              r?.key === key && r.value.state !== 'loading' ? r : { key, value: { state: 'loading', soFar } }
            );
          }
        }, 50);
      }
    };
    buildReport(
      dsInstantQuery(uid, timeSec, (w) => w.forEach((x) => warnings.add(x))),
      {
        ...overviewReportInput(settings, timeSec, scope, fromSec),
        figureErrors: 'keep',
        onProgress,
        probeCache: { store: MIXIN_PROBES, key: probeKey(uid, scope.clusterRegex) },
      }
    )
      .then((report) => !cancelled && setResult({ key, value: { state: 'done', report, warnings: [...warnings] } }))
      .catch((e: Error) => !cancelled && setResult({ key, value: { state: 'error', message: e.message } }));
    return () => {
      cancelled = true;
    };
  }, [uid, timeSec, settings, scope, fromSec, key]);
  if (!uid) {
    return { state: 'error', message: NO_DATASOURCE };
  }
  return result?.key === key ? result.value : { state: 'loading' };
}
