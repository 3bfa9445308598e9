import { SceneApp } from '@grafana/scenes';
import { alertsPage } from '../../features/alerts/alertsPage';
import { breakdownPage } from '../../features/breakdown/Breakdown';
import { latencyPage } from '../../features/latency/Latency';
import { overviewPage } from '../../features/overview/Overview';
import { queryBuilderPage } from '../../features/query-builder/queryBuilderPage';
import type { AppSettings } from '../../model/settings';

/**
 * The app's one SceneApp: every page in nav order (plugin.json declares the same), Workload as a drill-down of
 * Breakdown. Built once per settings; each page builds its scene on first visit.
 */
export function buildMeshTaxApp(settings: AppSettings): SceneApp {
  return new SceneApp({
    name: 'meshtax',
    pages: [
      overviewPage(settings),
      breakdownPage(settings),
      latencyPage(settings),
      queryBuilderPage(settings),
      alertsPage(settings),
    ],
    // Scene state (time range, variables) goes into the URL as soon as a page opens, so any view can be linked.
    urlSyncOptions: { updateUrlOnInit: true, createBrowserHistorySteps: true },
  });
}
