/**
 * Stages dist/ as the zip layout Grafana expects (one top folder named after the plugin id), leaving out source
 * maps, and zips it. `npm run package` after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');

export function stage(dist = join(ROOT, 'dist'), outDir = join(ROOT, 'artifacts')): string {
  const id = JSON.parse(readFileSync(join(dist, 'plugin.json'), 'utf8')).id as string;
  const top = join(outDir, id);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(dist, top, { recursive: true, filter: (src) => !src.endsWith('.map') });
  return top;
}

if (require.main === module) {
  const top = stage();
  const version = JSON.parse(readFileSync(join(top, 'plugin.json'), 'utf8')).info.version as string;
  const zip = join(ROOT, 'artifacts', `${top.split('/').pop()}-${version}.zip`);
  if (existsSync(zip)) {
    rmSync(zip);
  }
  execFileSync('zip', ['-qr', zip, top.split('/').pop()!], { cwd: join(ROOT, 'artifacts') });
  process.stdout.write(`${zip}\n`);
}
