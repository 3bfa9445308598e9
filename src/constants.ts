import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

/** Every app route; plugin.json declares the same pages (checked by src/utils/utils.routing.test.ts). */
export enum ROUTES {
  Overview = 'overview',
  Breakdown = 'breakdown',
  Latency = 'latency',
  QueryBuilder = 'query-builder',
  /** The drill-down from the breakdown's workload rows (Breakdown › Workload); not in the nav. */
  Workload = 'breakdown/workload',
  Alerts = 'alerts',
}

/** The drill-down's path below its parent page (ROUTES.Workload is Breakdown + this). */
export const WORKLOAD_DRILLDOWN = 'workload';

/** Where the workload page lived before it was a drill-down (1.x links and bookmarks); redirected. */
export const LEGACY_WORKLOAD_ROUTE = 'workload';
