/** Every app URL is built here: components and panels never write a route or a `var-*` parameter by hand. */
import { PLUGIN_BASE_URL, PLUGIN_ID, ROUTES } from '../constants';

/** Prefixes an app route with the plugin's base URL. */
export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}

export const CONFIG_URL = `/plugins/${PLUGIN_ID}`;

/** URL keys the breakdown and its workload drill-down share, kept when moving between them (scene URL sync). */
export const SHARED_URL_KEYS = ['from', 'to', 'refresh', 'var-datasource', 'var-cluster', 'var-namespace', 'var-mesh'];

/**
 * The workload drill-down page, scoped by URL-encoded scene variables. `extra` carries what the caller can resolve
 * (the mesh, the time range as from/to); unresolved template text is left out rather than passed on.
 */
export function workloadUrl(
  namespace: string,
  workload: string,
  extra: Record<string, string | undefined> = {}
): string {
  const params = new URLSearchParams({ 'var-namespace': namespace, 'var-workload': workload });
  for (const [k, v] of Object.entries(extra)) {
    if (v && !v.includes('$')) {
      params.set(k, v);
    }
  }
  return `${prefixRoute(ROUTES.Workload)}?${params.toString()}`;
}

/**
 * The drill-down for a link in the old form (`/workload?var-…`): same query string, new path, so bookmarks and
 * links from 1.x dashboards keep working.
 */
export function legacyWorkloadRedirect(search: string): string {
  return `${prefixRoute(ROUTES.Workload)}${search}`;
}

/** The Alerts page with its form preset for one figure on one data source. */
export function alertUrl(figureId: string, datasourceUid: string): string {
  return `${prefixRoute(ROUTES.Alerts)}?${new URLSearchParams({ figure: figureId, datasource: datasourceUid })}`;
}

/** The Breakdown for one mesh (its idle and over-requested proxies listed per namespace and workload). */
export function breakdownUrl(meshId: string, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams({ 'var-mesh': meshId });
  for (const [k, v] of Object.entries(extra)) {
    if (v && !v.includes('$')) {
      params.set(k, v);
    }
  }
  return `${prefixRoute(ROUTES.Breakdown)}?${params.toString()}`;
}
