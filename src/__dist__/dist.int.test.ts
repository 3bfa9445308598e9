/**
 * Checks the built plugin the way Grafana's loader and plugin validator would (the validator itself cannot run
 * offline): plugin.json fields, ids, includes resolving to files, module.js per plugin, and a clean zip layout.
 * Run after `npm run build`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT, stage } from '../../scripts/package';
import { pluginJsonProblems } from '../__contracts__/pluginJson';

const DIST = join(ROOT, 'dist');
const ID_PATTERN = /^[0-9a-z]+-([0-9a-z]+-)?(app|panel|datasource)$/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}

const json = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

beforeAll(() => {
  if (!existsSync(join(DIST, 'plugin.json'))) {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
});

function checkPluginJson(p: Record<string, any>, type: string, dir: string) {
  expect(p.id).toMatch(ID_PATTERN);
  expect(p.id.endsWith(`-${type}`)).toBe(true);
  expect(p.type).toBe(type);
  expect(typeof p.name).toBe('string');
  expect(p.info.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(p.info.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(p.info.author.name).toBeTruthy();
  expect(p.info.description).toBeTruthy();
  for (const logo of [p.info.logos.small, p.info.logos.large]) {
    expect(existsSync(join(dir, logo))).toBe(true);
  }
  expect(p.dependencies.grafanaDependency).toMatch(/^>=\d+\.\d+\.\d+$/);
  expect(existsSync(join(dir, 'module.js'))).toBe(true);
}

test('the app plugin.json has what Grafana requires', () => {
  const app = json(join(DIST, 'plugin.json'));
  expect(app.id).toBe('meshtax-overhead-app');
  expect(app.name).toBe('Mesh Tax');
  checkPluginJson(app, 'app', DIST);
  const pages = app.includes.filter((i: any) => i.type === 'page');
  expect(pages.filter((p: any) => p.defaultNav)).toHaveLength(1);
  for (const p of pages) {
    expect(p.path).toMatch(/^\/(a|plugins)\/meshtax-overhead-app(\/|$)/);
  }
});

test('every include resolves to a file, and every nested panel is built', () => {
  const app = json(join(DIST, 'plugin.json'));
  const panels = app.includes.filter((i: any) => i.type === 'panel');
  expect(panels.length).toBeGreaterThanOrEqual(1);
  for (const inc of app.includes) {
    if (inc.type === 'panel') {
      const p = json(join(DIST, inc.path));
      expect(inc.path).toMatch(/^panels\/[a-z0-9-]+\/plugin\.json$/);
      checkPluginJson(p, 'panel', join(DIST, dirname(inc.path)));
      expect(p.name).toBe(inc.name);
    } else if (inc.type === 'dashboard') {
      const d = json(join(DIST, inc.path));
      expect(d.uid).toBeTruthy();
    }
  }
  // Every nested plugin.json that the build produced is listed in includes.
  const nested = walk(DIST).filter((f) => f.endsWith('plugin.json') && f !== join(DIST, 'plugin.json'));
  expect(nested.map((f) => relative(DIST, f)).sort()).toEqual(panels.map((x: any) => x.path).sort());
});

test('the zip layout has one top folder named after the id, no source maps and no secrets', () => {
  const top = stage(DIST, join(ROOT, 'artifacts', 'test-layout'));
  expect(top.endsWith('/meshtax-overhead-app')).toBe(true);
  const files = walk(top).map((f) => relative(top, f));
  expect(files).toContain('module.js');
  expect(files).toContain('plugin.json');
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  expect(files.filter((f) => /(^|\/)(\.env|.*\.pem|.*\.key|id_rsa)$/.test(f))).toEqual([]);
  for (const f of files.filter((x) => /\.(js|json|md|txt)$/.test(x))) {
    const text = readFileSync(join(top, f), 'utf8');
    expect({
      f,
      secret: /-----BEGIN [A-Z ]*PRIVATE KEY-----|AKIA[0-9A-Z]{16}|glsa_[A-Za-z0-9]{32}/.test(text),
    }).toEqual({ f, secret: false });
  }
});

test("dist/plugin.json and its nested panels pass Grafana's plugin.json contract (src/__contracts__/pluginJson.ts)", () => {
  expect(pluginJsonProblems(json(join(DIST, 'plugin.json')), { dir: DIST, built: true })).toEqual([]);
});
