/**
 * `npm run package` from the dist/ that `npm run build` left (never rebuilt here): the zip unpacks to the layout
 * Grafana loads from its plugin directory, and its .sha256 checks with sha256sum.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { packagePlugin, ROOT, type PluginPackage } from './package';

const DIST = join(ROOT, 'dist');
let out: string;
let pkg: PluginPackage;
let top: string;

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
const json = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

beforeAll(() => {
  if (!existsSync(join(DIST, 'plugin.json'))) {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
  out = mkdtempSync(join(tmpdir(), 'meshtax-package-'));
  pkg = packagePlugin(DIST, join(out, 'artifacts'));
  execFileSync('unzip', ['-q', pkg.zip, '-d', join(out, 'unpacked')]);
  top = join(out, 'unpacked', pkg.id);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

test('artifacts/<id>-<version>.zip with one top folder named after the plugin id', () => {
  expect(pkg.id).toBe('meshtax-overhead-app');
  expect(pkg.version).toBe(json(join(ROOT, 'package.json')).version);
  expect(basename(pkg.zip)).toBe(`meshtax-overhead-app-${pkg.version}.zip`);
  const entries = execFileSync('unzip', ['-Z1', pkg.zip], { encoding: 'utf8' }).trim().split('\n');
  expect(entries.filter((e) => !e.startsWith(`${pkg.id}/`))).toEqual([]);
  expect(readdirSync(join(out, 'unpacked'))).toEqual([pkg.id]);
  // Only the zip and its checksum are left in the output folder.
  expect(readdirSync(join(out, 'artifacts')).sort()).toEqual([basename(pkg.zip), basename(pkg.sha256File)]);
});

test('the .sha256 is in sha256sum format and matches the zip', () => {
  const line = readFileSync(pkg.sha256File, 'utf8');
  expect(line).toBe(`${createHash('sha256').update(readFileSync(pkg.zip)).digest('hex')}  ${basename(pkg.zip)}\n`);
  expect(execFileSync('sha256sum', ['-c', basename(pkg.sha256File)], { cwd: dirname(pkg.zip), encoding: 'utf8' })).toBe(
    `${basename(pkg.zip)}: OK\n`
  );
});

test('the unpacked app has what Grafana loads: plugin.json, module.js, panels, dashboards, logo, docs', () => {
  const app = json(join(top, 'plugin.json'));
  expect({ type: app.type, id: app.id }).toEqual({ type: 'app', id: pkg.id });
  for (const f of ['module.js', 'img/logo.svg', 'LICENSE', 'README.md', 'CHANGELOG.md']) {
    expect({ f, present: existsSync(join(top, f)) }).toEqual({ f, present: true });
  }
  const panels = app.includes.filter((i: { type: string }) => i.type === 'panel');
  expect(panels.length).toBeGreaterThanOrEqual(3);
  for (const { path } of panels) {
    expect(path).toMatch(/^panels\/[a-z0-9-]+\/plugin\.json$/);
    const panel = json(join(top, path));
    expect(panel.type).toBe('panel');
    expect(existsSync(join(top, dirname(path), 'module.js'))).toBe(true);
  }
  const dashboards = app.includes.filter((i: { type: string }) => i.type === 'dashboard');
  expect(dashboards.length).toBeGreaterThanOrEqual(1);
  for (const { path } of dashboards) {
    expect({ path, uid: Boolean(json(join(top, path)).uid) }).toEqual({ path, uid: true });
  }
});

test('no source maps, and every file came from dist/', () => {
  const files = walk(top).map((f) => relative(top, f));
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  expect(files.filter((f) => !existsSync(join(DIST, f)))).toEqual([]);
  const fromDist = walk(DIST)
    .map((f) => relative(DIST, f))
    .filter((f) => !f.endsWith('.map'));
  expect(files.sort()).toEqual(fromDist.sort());
});
