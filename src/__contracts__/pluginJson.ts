/**
 * Test-only: Grafana's published rules for plugin.json, written from docs/sources/developers/plugins/plugin.schema.json
 * in grafana/grafana (required fields, id pattern, info, includes, dependencies) and from the plugin extensions docs
 * (an app declares every exposed component it uses in dependencies.extensions.exposedComponents). No Grafana file is
 * copied. `built` switches from the source form (%VERSION% and %TODAY% placeholders allowed) to the dist form.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validRange } from 'semver';

export const ID_PATTERN = /^[0-9a-z]+-([0-9a-z]+-)?(app|panel|datasource)$/;
/** plugin.schema.json's pattern for grafanaDependency (checked with node-semver too, as Grafana does). */
const GRAFANA_DEPENDENCY =
  /^(<=|>=|<|>|=|~|\^)?([0-9]+)(\.[0-9x*]+)(\.[0-9x*]+)?(\s(<=|>=|<|=>)?([0-9]+)(\.[0-9x]+)(\.[0-9x]+))?$/;
const INCLUDE_TYPES = ['dashboard', 'page', 'panel', 'datasource'];
const ROLES = ['Admin', 'Editor', 'Viewer'];
/** Exposed component ids: `<grafana or plugin id>/<name>/v<n>` (Grafana's PluginExtensionExposedComponents). */
export const EXPOSED_COMPONENT = /^(grafana|[0-9a-z]+-([0-9a-z]+-)?app)\/[0-9a-z-]+(\/[0-9a-z-]+)*\/v[0-9]+$/;

type Json = Record<string, any>;

export interface PluginJsonContext {
  /** The folder the plugin.json is in (logos and includes resolve from here). */
  dir: string;
  /** dist/ form: no placeholders left, every plugin has its module.js. */
  built: boolean;
}

function infoProblems(info: Json | undefined, { dir, built }: PluginJsonContext): string[] {
  if (!info) {
    return ['info: required'];
  }
  const out: string[] = [];
  const version = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)/;
  if (!(version.test(info.version) || (!built && info.version === '%VERSION%'))) {
    out.push(`info.version: "${info.version}" is not a semantic version`);
  }
  if (!(/^\d{4}-\d{2}-\d{2}$/.test(info.updated) || (!built && info.updated === '%TODAY%'))) {
    out.push(`info.updated: "${info.updated}" is not a YYYY-MM-DD date`);
  }
  if (!Array.isArray(info.keywords) || info.keywords.length < 1) {
    out.push('info.keywords: at least one keyword');
  }
  for (const size of ['small', 'large']) {
    const logo = info.logos?.[size];
    if (typeof logo !== 'string' || !existsSync(join(dir, logo))) {
      out.push(`info.logos.${size}: "${logo}" is not a file next to plugin.json`);
    }
  }
  return out;
}

function dependencyProblems(deps: Json | undefined): string[] {
  if (!deps) {
    return ['dependencies: required'];
  }
  const out: string[] = [];
  const range = deps.grafanaDependency;
  if (typeof range !== 'string' || !GRAFANA_DEPENDENCY.test(range) || !validRange(range)) {
    out.push(`dependencies.grafanaDependency: "${range}" is not a semver range the schema allows`);
  }
  for (const p of deps.plugins ?? []) {
    if (!ID_PATTERN.test(p?.id) || !['app', 'datasource', 'panel'].includes(p?.type) || !p?.name || !p?.version) {
      out.push(`dependencies.plugins: ${JSON.stringify(p)} needs id, name, type and version`);
    }
  }
  for (const id of deps.extensions?.exposedComponents ?? []) {
    if (!EXPOSED_COMPONENT.test(id)) {
      out.push(`dependencies.extensions.exposedComponents: "${id}" is not <owner>/<name>/v<n>`);
    }
  }
  return out;
}

function includeProblems(p: Json, { dir, built }: PluginJsonContext): string[] {
  const out: string[] = [];
  const includes: Json[] = p.includes ?? [];
  const pages = includes.filter((i) => i.type === 'page');
  const id = built ? p.id : '%PLUGIN_ID%';
  for (const inc of includes) {
    const at = `includes "${inc.name}"`;
    if (!INCLUDE_TYPES.includes(inc.type) || !inc.name) {
      out.push(`${at}: needs a name and a type of ${INCLUDE_TYPES.join(', ')}`);
    }
    if (inc.role !== undefined && !ROLES.includes(inc.role)) {
      out.push(`${at}: role "${inc.role}" is not one of ${ROLES.join(', ')}`);
    }
    if (inc.type === 'page' && !(inc.path === `/plugins/${id}` || String(inc.path).startsWith(`/a/${id}/`))) {
      out.push(`${at}: a page's path is /a/${id}/<slug> (or /plugins/${id} for the config page)`);
    }
    if (inc.type === 'panel' || inc.type === 'dashboard') {
      const file = join(dir, String(inc.path));
      if (!existsSync(file)) {
        out.push(`${at}: ${inc.path} does not exist`);
      } else if (inc.type === 'panel') {
        const nested = JSON.parse(readFileSync(file, 'utf8'));
        if (nested.type !== 'panel' || nested.name !== inc.name) {
          out.push(`${at}: ${inc.path} must be a panel named "${inc.name}"`);
        }
        out.push(...pluginJsonProblems(nested, { dir: dirname(file), built }).map((x) => `${inc.path}: ${x}`));
      }
    }
  }
  if (p.type === 'app' && pages.filter((x) => x.defaultNav).length !== 1) {
    out.push(`includes: exactly one page must be defaultNav (found ${pages.filter((x) => x.defaultNav).length})`);
  }
  return out;
}

/** Every rule the plugin.json breaks; [] when Grafana would load it as written. Nested panels are checked too. */
export function pluginJsonProblems(p: Json, ctx: PluginJsonContext): string[] {
  const out: string[] = [];
  for (const field of ['type', 'name', 'id', 'info', 'dependencies']) {
    if (p[field] === undefined || p[field] === '') {
      out.push(`${field}: required`);
    }
  }
  if (!ID_PATTERN.test(p.id) || !String(p.id).endsWith(`-${p.type}`)) {
    out.push(`id: "${p.id}" must match ${ID_PATTERN} and end with -${p.type}`);
  }
  if (!['app', 'panel', 'datasource'].includes(p.type)) {
    out.push(`type: "${p.type}" is not app, panel or datasource`);
  }
  if (ctx.built && !existsSync(join(ctx.dir, 'module.js'))) {
    out.push('module.js: missing next to plugin.json');
  }
  return [...out, ...infoProblems(p.info, ctx), ...dependencyProblems(p.dependencies), ...includeProblems(p, ctx)];
}
