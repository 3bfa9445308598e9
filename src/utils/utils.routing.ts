import { PLUGIN_BASE_URL, PLUGIN_ID } from '../constants';

/** Prefixes an app route with the plugin's base URL. */
export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}

export const CONFIG_URL = `/plugins/${PLUGIN_ID}`;
