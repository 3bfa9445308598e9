import { PLUGIN_BASE_URL, PLUGIN_ID, ROUTES } from '../constants';

/** Prefixes an app route with the plugin's base URL. */
export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}

export const CONFIG_URL = `/plugins/${PLUGIN_ID}`;

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
