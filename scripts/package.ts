/**
 * Stages dist/ as the zip layout Grafana expects (one top folder named after the plugin id), leaving out source
 * maps, zips it and writes its sha256 beside it in `sha256sum` format. `npm run package` after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const ROOT = join(__dirname, '..');

export function stage(dist = join(ROOT, 'dist'), outDir = join(ROOT, 'artifacts')): string {
  const id = JSON.parse(readFileSync(join(dist, 'plugin.json'), 'utf8')).id as string;
  const top = join(outDir, id);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(dist, top, { recursive: true, filter: (src) => !src.endsWith('.map') });
  return top;
}

export interface PluginPackage {
  id: string;
  version: string;
  zip: string;
  sha256: string;
  sha256File: string;
}

export function packagePlugin(dist = join(ROOT, 'dist'), outDir = join(ROOT, 'artifacts')): PluginPackage {
  const top = stage(dist, outDir);
  const plugin = JSON.parse(readFileSync(join(top, 'plugin.json'), 'utf8'));
  const id = plugin.id as string;
  const version = plugin.info.version as string;
  const zip = join(outDir, `${id}-${version}.zip`);
  // -X: no extra file attributes (uid/gid), so the archive does not depend on who built it.
  execFileSync('zip', ['-qrX', zip, id], { cwd: outDir });
  rmSync(top, { recursive: true, force: true });
  const sha256 = createHash('sha256').update(readFileSync(zip)).digest('hex');
  const sha256File = `${zip}.sha256`;
  writeFileSync(sha256File, `${sha256}  ${basename(zip)}\n`);
  return { id, version, zip, sha256, sha256File };
}

if (require.main === module) {
  const p = packagePlugin();
  process.stdout.write(`${p.zip}\n${p.sha256File}\n`);
}
