/**
 * The source plugin.json files against Grafana's plugin.json rules (./pluginJson.ts names where each comes from).
 * The same checks run on the built dist/ in src/__dist__/dist.int.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXPOSED_COMPONENT, pluginJsonProblems } from './pluginJson';

const SRC = join(__dirname, '..');
const app = JSON.parse(readFileSync(join(SRC, 'plugin.json'), 'utf8'));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}

test('src/plugin.json and the nested panels it includes follow Grafana plugin.json rules', () => {
  expect(pluginJsonProblems(app, { dir: SRC, built: false })).toEqual([]);
  expect(app.id).toBe('meshtax-overhead-app');
});

test('every nested plugin.json under src is in includes, and all share the app grafanaDependency', () => {
  const nested = walk(SRC).filter((f) => f.endsWith('plugin.json') && f !== join(SRC, 'plugin.json'));
  const panels = app.includes.filter((i: { type: string }) => i.type === 'panel');
  expect(nested.map((f) => relative(SRC, f)).sort()).toEqual(panels.map((x: { path: string }) => x.path).sort());
  expect(panels).toHaveLength(3);
  for (const f of nested) {
    // A nested plugin loads with the app; one tested range for all of them (README's supported versions).
    expect(JSON.parse(readFileSync(f, 'utf8')).dependencies.grafanaDependency).toBe(app.dependencies.grafanaDependency);
  }
});

test('every exposed component the code uses is declared in dependencies.extensions, and nothing else', () => {
  // Grafana resolves usePluginComponent(id) for an app only when the id is declared (plugin extensions docs).
  const used = new Set<string>();
  for (const f of walk(SRC).filter((x) => /\.tsx?$/.test(x) && !/\.test\.tsx?$|__contracts__/.test(x))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/['"`]([^'"`\s]+)['"`]/g)) {
      if (EXPOSED_COMPONENT.test(m[1])) {
        used.add(m[1]);
      }
    }
  }
  expect([...used]).toContain('grafana/add-to-dashboard-form/v1');
  expect([...used].sort()).toEqual([...(app.dependencies.extensions?.exposedComponents ?? [])].sort());
});

describe('the plugin.json checks can fail', () => {
  const page = (over: object) => ({ type: 'page', name: 'X', path: '/a/%PLUGIN_ID%/x', ...over });
  test.each<[string, object, RegExp]>([
    ['an id with an underscore', { id: 'meshtax_overhead-app' }, /^id:/],
    ['an id whose suffix is not its type', { id: 'meshtax-overhead-panel' }, /^id:/],
    [
      'a bare version as grafanaDependency',
      { dependencies: { ...app.dependencies, grafanaDependency: 'latest' } },
      /grafanaDependency/,
    ],
    [
      'a garbled range',
      { dependencies: { ...app.dependencies, grafanaDependency: '>=12.4.0 <<14' } },
      /grafanaDependency/,
    ],
    [
      'an exposed component without owner',
      { dependencies: { ...app.dependencies, extensions: { exposedComponents: ['add-to-dashboard-form/v1'] } } },
      /exposedComponents/,
    ],
    ['two default pages', { includes: [...app.includes, page({ defaultNav: true })] }, /exactly one page/],
    ['an unknown role', { includes: [...app.includes, page({ role: 'Owner' })] }, /role "Owner"/],
    ['a page outside the app', { includes: [...app.includes, page({ path: '/d/abc' })] }, /a page's path/],
    [
      'a missing logo',
      { info: { ...app.info, logos: { small: 'img/none.svg', large: 'img/logo.svg' } } },
      /logos.small/,
    ],
    ['no keywords', { info: { ...app.info, keywords: [] } }, /keywords/],
    [
      'a missing nested panel',
      { includes: [...app.includes, { type: 'panel', name: 'P', path: 'panels/none/plugin.json' }] },
      /does not exist/,
    ],
  ])('%s', (_name, patch, problem) => {
    expect(pluginJsonProblems({ ...app, ...patch }, { dir: SRC, built: false })).toEqual(
      expect.arrayContaining([expect.stringMatching(problem)])
    );
  });

  test('placeholders are fine in src but not in a build, which also needs module.js', () => {
    expect(pluginJsonProblems(app, { dir: SRC, built: true })).toEqual(
      expect.arrayContaining([/info.version/, /info.updated/, /module.js/].map((r) => expect.stringMatching(r)))
    );
  });
});
