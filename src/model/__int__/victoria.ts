/**
 * Debian's victoria-metrics (single node) on 127.0.0.1 and a free port, loaded with a demo preset through its
 * Prometheus text import: the second engine that the model's queries must agree on.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandCluster } from '../../../demo/cluster';
import { freePort, type PromSample } from '../../../demo/harness';
import { FIXTURE_START, preset } from '../../../demo/presets';
import { allSeries, seriesKey } from '../../../demo/series';

export const VM_INSTALL_LINE =
  'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends victoria-metrics';

/** What the README tells VictoriaMetrics users to set (its default, 30, truncates Istio's series). */
export const VM_MAX_LABELS = 64;

export interface VictoriaHandle {
  url: string;
  query(expr: string, time: number): Promise<PromSample[]>;
  stop(): Promise<void>;
}

export function victoriaBinary(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v victoria-metrics'], { env: { ...process.env } })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

async function waitReady(url: string, child: ChildProcess, err: () => string) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) {
      throw new Error(`victoria-metrics exited with ${child.exitCode}: ${err().slice(-2000)}`);
    }
    try {
      if ((await fetch(`${url}/health`)).ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`victoria-metrics did not become ready at ${url}: ${err().slice(-2000)}`);
}

/** Text exposition with millisecond timestamps, posted in pieces of about 8 MB. */
async function importPreset(url: string, presetName: string) {
  const spec = preset(presetName);
  const series = allSeries(expandCluster(spec));
  const end = FIXTURE_START + spec.durationSec;
  let buf = '';
  const post = async () => {
    const res = await fetch(`${url}/api/v1/import/prometheus`, { method: 'POST', body: buf });
    if (!res.ok) {
      throw new Error(`import failed (${res.status}): ${await res.text()}`);
    }
    buf = '';
  };
  for (const s of series) {
    const key = seriesKey(s);
    for (let t = FIXTURE_START; t <= end; t += spec.scrapeIntervalSec) {
      buf += `${key} ${s.value(t)} ${t * 1000}\n`;
    }
    if (buf.length > 8 << 20) {
      await post();
    }
  }
  if (buf) {
    await post();
  }
  await fetch(`${url}/internal/force_flush`);
}

export async function startVictoria(presetName: string): Promise<VictoriaHandle> {
  const bin = victoriaBinary();
  if (!bin) {
    throw new Error(`victoria-metrics is not installed. Install it with:\n  ${VM_INSTALL_LINE}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'meshtax-vm-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let err = '';
  // Its default one-month retention would drop the fixed-epoch data on import. Its default of 30 labels per series
  // silently drops the rest: Istio's standard metrics carry about 30, so with a `cluster` label `le` was lost.
  const child = spawn(
    bin,
    [
      `-httpListenAddr=127.0.0.1:${port}`,
      `-storageDataPath=${dir}`,
      '-retentionPeriod=100y',
      `-maxLabelsPerTimeseries=${VM_MAX_LABELS}`,
      '-search.disableCache',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  );
  child.stderr!.on('data', (d) => (err = (err + d.toString()).slice(-8000)));
  const cleanup = () => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanup);
  try {
    await waitReady(url, child, () => err);
    await importPreset(url, presetName);
  } catch (e) {
    cleanup();
    throw e;
  }
  return {
    url,
    query: async (expr, time) => {
      const res = await fetch(`${url}/api/v1/query`, {
        method: 'POST',
        body: new URLSearchParams({ query: expr, time: String(time) }),
      });
      const body = await res.json();
      if (body.status !== 'success') {
        throw new Error(`victoria-metrics: ${body.error} for ${expr}`);
      }
      if (body.data.resultType === 'scalar') {
        return [{ metric: {}, value: Number(body.data.result[1]) }];
      }
      return body.data.result.map((r: any) => ({ metric: r.metric, value: Number(r.value[1]) }));
    },
    stop: async () => {
      process.removeListener('exit', cleanup);
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
