/**
 * Every documented install path allow-lists all of our plugin ids, and the demo Grafana runs in production mode.
 *
 * Grafana's rules this follows (read from grafana/grafana, not copied):
 * - pkg/plugins/manager/signature/signature.go, Validator.Validate: a nested plugin (Parent != nil) takes its parent's
 *   signature status; "unsigned" is then checked with the nested plugin's OWN id.
 * - pkg/plugins/manager/signature/authorizer.go, UnsignedPluginAuthorizer.CanLoadPlugin: an unsigned plugin loads when
 *   Grafana is in development mode (app_mode = development, GF_DEFAULT_APP_MODE) or when its id is in
 *   PluginsAllowUnsigned.
 * - pkg/setting/setting_plugins.go reads allow_loading_unsigned_plugins with util.SplitString (pkg/util/strings.go):
 *   commas and whitespace both separate ids.
 * So a list that names the app alone leaves the three panels "Panel plugin not found" on a production Grafana, and a
 * demo in development mode would never show it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

/** The ids in a tree of plugin.json files: the app's, then each nested panel's. */
function pluginIds(base: string): string[] {
  const panels = join(base, 'panels');
  const nested = existsSync(join(ROOT, panels))
    ? readdirSync(join(ROOT, panels)).filter((d) => existsSync(join(ROOT, panels, d, 'plugin.json')))
    : [];
  return [base, ...nested.map((d) => join(panels, d))].map(
    (dir) => JSON.parse(read(join(dir, 'plugin.json'))).id as string
  );
}

/** Grafana's util.SplitString for the non-JSON form: commas and any whitespace separate entries. */
const splitGrafanaList = (v: string) => v.replace(/,/g, ' ').split(/\s+/).filter(Boolean);

const IDS = pluginIds('src');
const APP_ID = IDS[0];

/** Environment of a compose service, whether written as a map or as a list of NAME=value. */
function envOf(service: { environment?: Record<string, unknown> | string[] }): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

describe('plugin ids', () => {
  it('are the app and one per nested panel directory, all distinct', () => {
    expect(APP_ID).toMatch(/-app$/);
    expect(IDS.slice(1).length).toBeGreaterThan(0);
    IDS.slice(1).forEach((id) => expect(id).toMatch(/-panel$/));
    expect(new Set(IDS).size).toBe(IDS.length);
  });

  it('are the same in dist/ when it is built', () => {
    if (!existsSync(join(ROOT, 'dist', 'plugin.json'))) {
      return; // unit runs before the build; the integration run has dist/ and checks it here too
    }
    expect(new Set(pluginIds('dist'))).toEqual(new Set(IDS));
  });
});

describe('README install section', () => {
  const readme = read('README.md');
  const install = readme.slice(readme.indexOf('## Install'), readme.indexOf('\n## ', readme.indexOf('## Install') + 3));

  it('gives every allow_loading_unsigned_plugins value with all the ids', () => {
    const values = [...install.matchAll(/allow_loading_unsigned_plugins\s*[=:]\s*([^\n`]+)/g)].map((m) => m[1]);
    const envValues = [...install.matchAll(/GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS=([^\s`]+)/g)].map((m) => m[1]);
    // the ini block, the kube-prometheus-stack values and the environment form
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(envValues.length).toBeGreaterThanOrEqual(1);
    for (const v of [...values, ...envValues]) {
      expect(splitGrafanaList(v).sort()).toEqual([...IDS].sort());
    }
  });

  it("lists every id in the kube-prometheus-stack values' grafana.ini", () => {
    const block = install.slice(install.indexOf('**kube-prometheus-stack**'));
    const yamlText = block.slice(block.indexOf('```yaml') + 7, block.indexOf('```', block.indexOf('```yaml') + 7));
    const values = parse(yamlText.replace(/^ {2}/gm, ''));
    const list = values.grafana['grafana.ini'].plugins.allow_loading_unsigned_plugins as string;
    expect(splitGrafanaList(list).sort()).toEqual([...IDS].sort());
    // the app is installed once: the panels come inside its zip
    expect((values.grafana.plugins as string[]).join()).toContain(`;${APP_ID}`);
  });
});

describe('docker-compose.yaml (the demo Grafana)', () => {
  const compose = parse(read('docker-compose.yaml'));
  const grafana = compose.services.grafana;
  const env = envOf(grafana);

  it('allow-lists every id', () => {
    expect(splitGrafanaList(env.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS).sort()).toEqual([...IDS].sort());
  });

  it('runs Grafana in production mode, not from create-plugin’s development Dockerfile', () => {
    expect(env.GF_DEFAULT_APP_MODE).toBe('production');
    // .config/Dockerfile sets GF_DEFAULT_APP_MODE=development; neither extending the base service nor building it
    expect(grafana.extends).toBeUndefined();
    expect(grafana.build).toBeUndefined();
    expect(grafana.image).toMatch(/^grafana\/\$\{GRAFANA_IMAGE:-grafana-enterprise\}:/);
    for (const service of Object.values(compose.services) as Array<Parameters<typeof envOf>[0]>) {
      expect(envOf(service).GF_DEFAULT_APP_MODE ?? 'production').toBe('production');
    }
    // anywhere in the file's content (comments aside): no path into .config/, no development switch
    expect(JSON.stringify(compose)).not.toMatch(/\.config\/|development/i);
  });

  it('mounts the built plugin under its app id and the provisioning', () => {
    expect(grafana.volumes).toContain(`./dist:/var/lib/grafana/plugins/${APP_ID}:ro`);
    expect(grafana.volumes).toContain('./provisioning:/etc/grafana/provisioning:ro');
  });

  it('provisions the app by its id', () => {
    const apps = parse(read('provisioning/plugins/apps.yaml')).apps as Array<{ type: string }>;
    expect(apps.map((a) => a.type)).toEqual([APP_ID]);
  });
});
