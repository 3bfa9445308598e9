/**
 * Test-only: reads the built plugin in dist/ to find what the browser host should load: the app, its nested
 * panel plugins (root `includes` of type panel, and dist/panels/<dir>/plugin.json), the AMD dependencies each
 * module.js asks for, and the panel JSON of the bundled dashboards that use those panels.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PanelSpec, PromTarget } from './types';

type Json = Record<string, any>;

const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8'));

export interface PluginBuild {
  appMeta: Json;
  /** Panel plugin metas keyed by id, shaped like Grafana's `config.panels` entries. */
  panelMetas: Record<string, Json>;
  /** module.js path (relative to dist) -> its AMD dependency list. */
  amdDeps: Record<string, string[]>;
  problems: string[];
}

/** The dependency array of create-plugin's anonymous `define([...], factory)` at the top of module.js. */
export function readAmdDeps(moduleJs: string): string[] {
  const match = /define\((\[[^\]]*\])/.exec(readFileSync(moduleJs, 'utf8').slice(0, 4000));
  return match ? (JSON.parse(match[1]) as string[]) : [];
}

export function readPluginBuild(distDir: string): PluginBuild {
  const problems: string[] = [];
  const app = readJson(path.join(distDir, 'plugin.json'));
  const base = `public/plugins/${app.id}`;
  const appMeta = { ...app, enabled: true, pinned: true, jsonData: {}, baseUrl: base, module: `${base}/module.js` };
  const amdDeps: Record<string, string[]> = { 'module.js': readAmdDeps(path.join(distDir, 'module.js')) };

  const panelDirs = new Set<string>();
  for (const inc of (app.includes ?? []) as Json[]) {
    if (inc.type === 'panel') {
      const dir = String(inc.path ?? '').replace(/\/?plugin\.json$/, '');
      if (!dir || !existsSync(path.join(distDir, dir, 'plugin.json'))) {
        problems.push(`plugin.json includes panel "${inc.name}" but dist/${dir}/plugin.json does not exist`);
      } else {
        panelDirs.add(dir);
      }
    }
  }
  const panelsRoot = path.join(distDir, 'panels');
  for (const name of existsSync(panelsRoot) ? readdirSync(panelsRoot) : []) {
    if (existsSync(path.join(panelsRoot, name, 'plugin.json'))) {
      panelDirs.add(`panels/${name}`);
    }
  }

  const panelMetas: Record<string, Json> = {};
  for (const dir of panelDirs) {
    const pj = readJson(path.join(distDir, dir, 'plugin.json'));
    if (!existsSync(path.join(distDir, dir, 'module.js'))) {
      problems.push(`dist/${dir} has plugin.json but no module.js`);
      continue;
    }
    amdDeps[`${dir}/module.js`] = readAmdDeps(path.join(distDir, dir, 'module.js'));
    panelMetas[pj.id] = {
      ...pj,
      baseUrl: `${base}/${dir}`,
      module: `${base}/${dir}/module.js`,
      sort: 100,
      skipDataQuery: pj.skipDataQuery ?? false,
      hideFromList: false,
      angular: { detected: false },
    };
  }
  return { appMeta, panelMetas, amdDeps, problems };
}

/**
 * One spec per use of a nested panel in dist/dashboards/*.json (targets, options, fieldConfig and the
 * dashboard's variable values as they are saved), or one with default options and no queries if no
 * bundled dashboard uses the panel.
 */
export function panelSpecs(distDir: string, panelMetas: Record<string, Json>): PanelSpec[] {
  const specs: PanelSpec[] = [];
  const dashDir = path.join(distDir, 'dashboards');
  const files = existsSync(dashDir) ? readdirSync(dashDir).filter((f) => f.endsWith('.json')) : [];
  for (const file of files) {
    const dash = readJson(path.join(dashDir, file));
    const variables = dashboardVariables(dash);
    const queryVariables = dashboardQueryVariables(dash);
    // A panel after a repeated row (schema v1, row not collapsed) belongs to it; a collapsed row's own panels too.
    let repeat: string | undefined;
    const panels = ((dash.panels ?? []) as Json[]).flatMap((p) => {
      if (p.type === 'row') {
        repeat = p.repeat || undefined;
        return ((p.panels ?? []) as Json[]).map((x) => ({ p: x, repeat }));
      }
      return [{ p, repeat }];
    });
    for (const { p, repeat: r } of panels.filter((x) => panelMetas[x.p.type])) {
      const name = `${path.basename(file, '.json')}-${p.id ?? specs.length}`;
      specs.push({ ...toSpec(name, p, panelMetas[p.type].module, variables), queryVariables, repeat: r });
    }
  }
  for (const [id, meta] of Object.entries(panelMetas)) {
    if (!specs.some((s) => s.type === id)) {
      specs.push(toSpec(`${id}-defaults`, { type: id, title: `${meta.name} (default options)` }, meta.module, {}));
    }
  }
  return specs;
}

function toSpec(name: string, p: Json, module: string, variables: PanelSpec['variables']): PanelSpec {
  return {
    name,
    type: p.type,
    title: p.title ?? '',
    module,
    targets: ((p.targets ?? []) as PromTarget[]).filter((t) => t.expr),
    options: p.options ?? {},
    fieldConfig: { defaults: p.fieldConfig?.defaults ?? {}, overrides: p.fieldConfig?.overrides ?? [] },
    variables,
  };
}

/** The query_result() variables, which only a Prometheus can resolve (the runner does, per preset). */
function dashboardQueryVariables(dash: Json): NonNullable<PanelSpec['queryVariables']> {
  return ((dash.templating?.list ?? []) as Json[])
    .filter((v) => v.type === 'query' && /^query_result\(/.test(String(v.query?.query ?? '')))
    .map((v) => ({ name: v.name, query: v.query.query, regex: v.regex ?? '', multi: !!v.multi }));
}

/** Saved `current` values of query/custom/constant variables; "All" becomes a match-anything regex. */
function dashboardVariables(dash: Json): PanelSpec['variables'] {
  const vars: PanelSpec['variables'] = {};
  for (const v of (dash.templating?.list ?? []) as Json[]) {
    if (v.type === 'datasource' || !v.name) {
      continue;
    }
    const raw = v.current?.value ?? v.query ?? '';
    const values = ([] as string[]).concat(raw).map(String);
    const value = values.includes('$__all') ? '.*' : values.length > 1 ? `(${values.join('|')})` : (values[0] ?? '');
    vars[v.name] = { text: value, value };
  }
  return vars;
}
