/**
 * Bundle budget of the built plugin (CI builds before the integration tests): the entry module.js, each nested
 * panel's module.js and the lazy chunks stay within bench/bundleBudget.json, and the pages load lazily.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSizes, overBudget } from '../../bench/bundle';

const dist = join(__dirname, '..', '..', 'dist');

test('every built file is within its budget', () => {
  const sizes = bundleSizes(dist);
  expect(sizes.filter((s) => s.kind === 'panel').length).toBeGreaterThan(0);
  expect(overBudget(sizes)).toEqual([]);
});

test('the entry loads the app and its pages as separate chunks', () => {
  const entry = readFileSync(join(dist, 'module.js'), 'utf8');
  const sizes = bundleSizes(dist);
  // webpack's runtime loads a lazy chunk with __webpack_require__.e(<id>): the entry must do so, and hold no page.
  expect(entry).toMatch(/\.e\(\d+\)/);
  expect(sizes.filter((s) => s.kind === 'chunk').length).toBeGreaterThan(1);
  expect(entry).not.toContain('SceneQueryRunner');
});

test('a budget catches a regression', () => {
  const big = [{ file: 'module.js', kind: 'entry' as const, raw: 50_000, gzip: 1 }];
  expect(overBudget(big)).toEqual(['module.js raw: 50000 bytes, budget 40960 (bench/bundleBudget.json)']);
});
