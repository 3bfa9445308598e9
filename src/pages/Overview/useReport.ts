import { useEffect, useState } from 'react';
import { buildReport, type Report } from '../../model/report';
import { customOf, pricingOf, type AppSettings } from '../../model/settings';
import { proxyInstantQuery } from '../../services/prometheus';

export type ReportState = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; report: Report };

/** Builds the model's report through the chosen data source at `timeSec`. */
export function useReport(uid: string | undefined, timeSec: number, settings: AppSettings): ReportState {
  const [state, setState] = useState<ReportState>({ state: 'loading' });
  useEffect(() => {
    if (!uid) {
      setState({ state: 'error', message: 'No Prometheus data source: add one under Connections, or pick one in the Mesh Tax configuration.' });
      return;
    }
    let cancelled = false;
    setState({ state: 'loading' });
    buildReport(proxyInstantQuery(uid, timeSec), {
      time: timeSec,
      selection: { window: '5m', groupBy: 'none', namespaceExclude: settings.namespaceExclude || undefined },
      pricing: pricingOf(settings),
      pricingSource: settings.pricingSource,
      latency: { method: 'reporter-delta', quantile: 0.99 },
      idleRps: settings.idleRps,
      custom: customOf(settings),
    })
      .then((report) => !cancelled && setState({ state: 'done', report }))
      .catch((e: Error) => !cancelled && setState({ state: 'error', message: e.message }));
    return () => {
      cancelled = true;
    };
  }, [uid, timeSec, settings]);
  return state;
}
