import pluginJson from './plugin.json';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;

/** Every app route; plugin.json declares the same pages. */
export enum ROUTES {
  Overview = 'overview',
  Breakdown = 'breakdown',
  Latency = 'latency',
  QueryBuilder = 'query-builder',
  /** Drill-down from the breakdown's workload rows; not in the nav. */
  Workload = 'workload',
  Alerts = 'alerts',
}
