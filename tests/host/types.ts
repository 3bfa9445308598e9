/**
 * Test-only: what the node runner (tests/host/run.ts) hands the browser page, inlined into index.html
 * as `window.meshtaxHost`. Nothing here ships in the plugin.
 */
export interface PromTarget {
  refId?: string;
  expr?: string;
  legendFormat?: string;
  instant?: boolean;
  hide?: boolean;
}

/** One panel to render: a nested panel plugin plus the dashboard JSON that uses it (or its defaults). */
export interface PanelSpec {
  /** Used for the screenshot file name. */
  name: string;
  /** Panel plugin id, e.g. meshtax-summary-panel. */
  type: string;
  title: string;
  /** URL of the panel's module.js under /public/plugins/<app-id>/panels/<dir>/. */
  module: string;
  targets: PromTarget[];
  options: Record<string, unknown>;
  fieldConfig: { defaults: Record<string, unknown>; overrides: unknown[] };
  /** The dashboard's saved variable values, handed to queries as scoped vars. */
  variables: Record<string, { text: string; value: string }>;
  /** The dashboard's query_result() variables, in order, which the runner resolves on each preset (dashboardVars.ts). */
  queryVariables?: Array<{ name: string; query: string; regex: string; multi: boolean }>;
  /** The variable the panel's row repeats over: the runner renders one copy per value, as Grafana does. */
  repeat?: string;
}

export interface HostBoot {
  pluginId: string;
  /** The app's dist/plugin.json plus the fields Grafana adds (enabled, jsonData, baseUrl, module). */
  appMeta: Record<string, unknown>;
  /** Set on /host/panel/<n> pages only. */
  panel?: PanelSpec;
  /** Epoch milliseconds. */
  range: { from: number; to: number };
}

export const PROM_UID = 'meshtax-host-prometheus';

/** The one test Prometheus, as Grafana describes a data source (boot data, /api/frontend/settings, the page). */
export const PROM_SETTINGS = {
  id: 1,
  uid: PROM_UID,
  name: 'Prometheus',
  type: 'prometheus',
  access: 'proxy',
  url: `/api/datasources/proxy/uid/${PROM_UID}`,
  isDefault: true,
  readOnly: true,
  jsonData: { timeInterval: '15s' },
  meta: {
    id: 'prometheus',
    name: 'Prometheus',
    type: 'datasource',
    module: '',
    baseUrl: '',
    metrics: true,
    info: { logos: {} },
  },
};
