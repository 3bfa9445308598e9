/**
 * Sizes of the built plugin in dist/, raw and gzipped, against the budgets in bundleBudget.json: the app's entry
 * module.js (loaded on every Grafana page that lists the plugin), each nested panel's module.js, and the chunks
 * webpack splits off for the lazily loaded pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import budget from './bundleBudget.json';

export type BundleBudget = typeof budget;
export const BUNDLE_BUDGET: BundleBudget = budget;

export interface FileSize {
  file: string;
  kind: 'entry' | 'panel' | 'chunk';
  raw: number;
  gzip: number;
}

function size(dist: string, path: string, kind: FileSize['kind']): FileSize {
  const bytes = readFileSync(path);
  return { file: relative(dist, path), kind, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export function bundleSizes(dist: string): FileSize[] {
  if (!existsSync(join(dist, 'module.js'))) {
    throw new Error(`${dist}/module.js is missing: run \`npm run build\` first`);
  }
  const panels = existsSync(join(dist, 'panels')) ? readdirSync(join(dist, 'panels')).sort() : [];
  return [
    size(dist, join(dist, 'module.js'), 'entry'),
    ...panels
      .map((p) => join(dist, 'panels', p, 'module.js'))
      .filter((p) => existsSync(p))
      .map((p) => size(dist, p, 'panel')),
    ...readdirSync(dist)
      .filter((f) => f.endsWith('.js') && f !== 'module.js')
      .sort()
      .map((f) => size(dist, join(dist, f), 'chunk')),
  ];
}

/** One message per budget exceeded; empty when the build is within budget. */
export function overBudget(sizes: FileSize[], b: BundleBudget = BUNDLE_BUDGET): string[] {
  const out: string[] = [];
  const over = (what: string, got: number, max: number) => {
    if (got > max) {
      out.push(`${what}: ${got} bytes, budget ${max} (bench/bundleBudget.json)`);
    }
  };
  for (const s of sizes) {
    if (s.kind === 'entry') {
      over(`${s.file} raw`, s.raw, b.entryRawBytes);
      over(`${s.file} gzipped`, s.gzip, b.entryGzipBytes);
    } else if (s.kind === 'panel') {
      over(`${s.file} gzipped`, s.gzip, b.panelGzipBytes);
    } else {
      over(`${s.file} gzipped`, s.gzip, b.chunkGzipBytes);
    }
  }
  const lazy = sizes.filter((s) => s.kind === 'chunk').reduce((n, s) => n + s.gzip, 0);
  over('lazy chunks together, gzipped', lazy, b.lazyTotalGzipBytes);
  return out;
}
