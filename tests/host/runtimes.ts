/**
 * Test-only: the Grafana runtimes the browser host loads the same built dist/ under. Each runtime is a lockfiled
 * package tree in tests/host/runtimes/<name>/ (installed with `npm ci` there, as .ci/run does) holding the modules
 * Grafana shares with plugins at that version; the host page is bundled against that tree, never the root's.
 */
import type { Plugin } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const RUNTIMES_DIR = path.join(__dirname, 'runtimes');

export interface Runtime {
  /** The folder's name, e.g. grafana-13.2: used for screenshots and runtimes.json. */
  name: string;
  dir: string;
  /** Read from the installed packages, never typed in. */
  grafana: string;
  react: string;
}

function installedVersion(dir: string, pkg: string): string {
  const file = path.join(dir, 'node_modules', pkg, 'package.json');
  if (!existsSync(file)) {
    throw new Error(`browser host: ${path.relative(process.cwd(), dir)} has no ${pkg}: run \`npm run host:install\``);
  }
  return String(JSON.parse(readFileSync(file, 'utf8')).version);
}

/** Every runtime folder, or those named in MESHTAX_HOST_RUNTIMES (comma-separated), in name order. */
export function listRuntimes(only = process.env.MESHTAX_HOST_RUNTIMES): Runtime[] {
  const names = readdirSync(RUNTIMES_DIR)
    .filter((n) => existsSync(path.join(RUNTIMES_DIR, n, 'package.json')))
    .sort();
  const wanted = only ? only.split(',').filter(Boolean) : names;
  const unknown = wanted.filter((n) => !names.includes(n));
  if (unknown.length) {
    throw new Error(
      `browser host: no runtime ${unknown.join(', ')} in ${RUNTIMES_DIR} (there are: ${names.join(', ')})`
    );
  }
  return wanted.map((name) => {
    const dir = path.join(RUNTIMES_DIR, name);
    return { name, dir, grafana: installedVersion(dir, '@grafana/runtime'), react: installedVersion(dir, 'react') };
  });
}

/**
 * Resolves every bare import of our own code in the bundle (the host page, and the few src/ helpers it imports)
 * inside the runtime's tree, so the bundle is built against that Grafana's modules. `react-router` becomes `react-router-dom-v5-compat`, as in Grafana's own plugin
 * loader (public/app/features/plugins/loader/sharedDependencies.ts): the v6 API that plugins bundling
 * react-router-dom 6 import. The page's source keeps `react-router` so it typechecks against the root tree.
 * A module the runtime lacks fails the build: there is no fallback to the root node_modules.
 */
export function runtimeResolver(runtime: Runtime): Plugin {
  const inPackage = `${path.sep}node_modules${path.sep}`;
  return {
    name: 'meshtax-host-runtime',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        // Imports inside installed packages resolve as npm laid them out (nested versions included).
        if (!args.importer || args.importer.includes(inPackage)) {
          return undefined;
        }
        const spec = args.path === 'react-router' ? 'react-router-dom-v5-compat' : args.path;
        const resolved = await build.resolve(spec, { kind: args.kind, resolveDir: runtime.dir });
        return resolved.errors.length ? { errors: resolved.errors } : resolved;
      });
    },
  };
}
