import { useEffect, useState } from 'react';
import { buildReport, type Report } from '../../model/report';
import type { AppSettings } from '../../model/settings';
import { proxyInstantQuery } from '../../services/prometheus';
import { overviewReportInput, type OverviewScope } from './reportInput';

export type { OverviewScope };

export type ReportState =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  /** `warnings`: what Prometheus warned about while answering (each once); the figures stand. */
  | { state: 'done'; report: Report; warnings: string[] };

const NO_DATASOURCE =
  'No Prometheus data source: add one under Connections, or pick one in the Mesh Tax configuration.';

/** Builds the model's report through the chosen data source at `timeSec`. */
export function useReport(
  uid: string | undefined,
  timeSec: number,
  settings: AppSettings,
  attempt = 0,
  scope: OverviewScope = {}
): ReportState {
  // Results are keyed by their inputs: a result for other inputs means "loading", without a setState in the effect body.
  const key = `${uid}|${timeSec}|${JSON.stringify(settings)}|${attempt}|${scope.clusterRegex}|${scope.namespaceInclude}|${scope.multiCluster}`;
  const [result, setResult] = useState<{ key: string; value: ReportState } | undefined>();
  useEffect(() => {
    if (!uid) {
      return;
    }
    let cancelled = false;
    const warnings = new Set<string>();
    buildReport(
      proxyInstantQuery(uid, timeSec, (w) => w.forEach((x) => warnings.add(x))),
      overviewReportInput(settings, timeSec, {
        clusterRegex: scope.clusterRegex,
        namespaceInclude: scope.namespaceInclude,
        multiCluster: scope.multiCluster,
      })
    )
      .then((report) => !cancelled && setResult({ key, value: { state: 'done', report, warnings: [...warnings] } }))
      .catch((e: Error) => !cancelled && setResult({ key, value: { state: 'error', message: e.message } }));
    return () => {
      cancelled = true;
    };
  }, [uid, timeSec, settings, key, scope.clusterRegex, scope.namespaceInclude, scope.multiCluster]);
  if (!uid) {
    return { state: 'error', message: NO_DATASOURCE };
  }
  return result?.key === key ? result.value : { state: 'loading' };
}
