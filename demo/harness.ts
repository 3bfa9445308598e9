/**
 * Real-Prometheus test harness: backfills a preset into a temporary TSDB with promtool, starts Debian's
 * prometheus on 127.0.0.1 and a free port, and always stops it and removes the directory afterwards.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandCluster } from './cluster';
import { writeOpenMetrics } from './openmetrics';
import { FIXTURE_START, preset } from './presets';
import { fnv1a } from './names';
import { allSeries } from './series';
import type { Cluster, ClusterSpec } from './types';

export const INSTALL_LINE =
  'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus';

export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

export interface PromHandle {
  url: string;
  cluster: Cluster;
  start: number;
  end: number;
  /** A time well inside the data, aligned to the scrape grid, so rate() windows are exact. */
  evalTime: number;
  timings: { generateMs: number; backfillMs: number; startMs: number; samples: number };
  query(expr: string, time?: number): Promise<PromSample[]>;
  /** Raw /api/v1/query JSON, with stats=all. */
  queryRaw(expr: string, time?: number): Promise<any>;
  queryRange(
    expr: string,
    start: number,
    end: number,
    step: number
  ): Promise<Array<{ metric: Record<string, string>; values: Array<[number, number]> }>>;
  stop(): Promise<void>;
}

function requireTool(name: string): string {
  try {
    // An explicit env: inside jest the test's process.env is a copy that child_process would not see.
    return execFileSync('sh', ['-c', `command -v ${name}`], { env: { ...process.env } })
      .toString()
      .trim();
  } catch {
    throw new Error(`${name} is not installed. Install it with:\n  ${INSTALL_LINE}`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) {
      throw new Error(`prometheus exited with ${child.exitCode}: ${stderr().slice(-2000)}`);
    }
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`prometheus did not become ready at ${url}: ${stderr().slice(-2000)}`);
}

async function api(url: string, path: string, params: Record<string, string>): Promise<any> {
  const res = await fetch(`${url}${path}`, { method: 'POST', body: new URLSearchParams(params) });
  const body = await res.json();
  if (body.status !== 'success') {
    throw new Error(`${path} failed (${res.status}): ${body.error} for ${params.query}`);
  }
  return body;
}

/**
 * Backfilled blocks are reused between test files while the generator and the preset are unchanged
 * (keyed by a hash of both); MESHTAX_TSDB_CACHE=off disables it. Prometheus always runs on a private copy.
 */
function cacheDir(spec: ClusterSpec): string | undefined {
  if (process.env.MESHTAX_TSDB_CACHE === 'off') {
    return undefined;
  }
  const sources = readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
    .sort()
    .map((f) => readFileSync(join(__dirname, f), 'utf8'))
    .join('\n');
  const key = fnv1a(JSON.stringify(spec) + sources).toString(16);
  return join(__dirname, '..', 'node_modules', '.cache', 'meshtax-tsdb', `${spec.preset}-${key}`);
}

async function stopChild(c: ChildProcess): Promise<void> {
  if (c.exitCode === null && c.signalCode === null) {
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  }
}

export interface StartOptions {
  preset?: string;
  spec?: ClusterSpec;
  /**
   * A rule file to evaluate over the history (e.g. demo/mixin-rules.yml), so recorded series exist too; or several,
   * backfilled one after another, for rules that read another file's recorded series (`meshtax rules
   * --recording-rules` reads the mixin's): promtool evaluates against the server, which sees only loaded blocks.
   */
  recordingRules?: string | string[];
}

export async function startPrometheus(opts: StartOptions = {}): Promise<PromHandle> {
  const prometheus = requireTool('prometheus');
  const promtool = requireTool('promtool');
  const spec = opts.spec ?? preset(opts.preset ?? 'small');
  const dir = mkdtempSync(join(tmpdir(), `meshtax-${spec.preset}-`));
  let child: ChildProcess | undefined;
  const cleanup = () => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const start = FIXTURE_START;
    const end = start + spec.durationSec;
    const t0 = Date.now();
    const cluster = expandCluster(spec);
    const cached = cacheDir(spec);
    let samples = 0;
    if (cached && existsSync(join(cached, 'done'))) {
      cpSync(join(cached, 'tsdb'), join(dir, 'tsdb'), { recursive: true });
    } else {
      samples = writeOpenMetrics(join(dir, 'data.om'), allSeries(cluster), start, end, spec.scrapeIntervalSec).samples;
    }
    const t1 = Date.now();
    if (!existsSync(join(dir, 'tsdb'))) {
      execFileSync(
        promtool,
        [
          'tsdb',
          'create-blocks-from',
          'openmetrics',
          '-q',
          '--max-block-duration=24h',
          join(dir, 'data.om'),
          join(dir, 'tsdb'),
        ],
        { stdio: 'pipe' }
      );
      rmSync(join(dir, 'data.om'));
      if (cached) {
        rmSync(cached, { recursive: true, force: true });
        cpSync(join(dir, 'tsdb'), join(cached, 'tsdb'), { recursive: true });
        writeFileSync(join(cached, 'done'), String(samples));
      }
    }
    const t2 = Date.now();
    writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 15s\n');
    let url = '';
    let err = '';
    const launch = async (extra: string[] = []) => {
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      err = '';
      child = spawn(
        prometheus,
        [
          `--config.file=${join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(dir, 'tsdb')}`,
          '--storage.tsdb.retention.time=100y',
          `--web.listen-address=127.0.0.1:${port}`,
          ...extra,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] }
      );
      child.stderr!.on('data', (d) => (err = (err + d.toString()).slice(-8000)));
      // Unreferenced, so a test run that never reached stop() (a timed-out hook) can still exit; the exit hook kills it.
      child.unref();
      (child.stderr as unknown as { unref?: () => void }).unref?.();
      await waitReady(url, child, () => err);
    };
    process.once('exit', cleanup);
    const stages = opts.recordingRules === undefined ? [] : [opts.recordingRules].flat();
    // promtool backfills a rule with one range query over the whole history: on `large` on a busy machine the mixin's
    // CPU rule took over the default 2-minute timeout (a 503). The servers the tests query keep the defaults.
    const backfilling = ['--query.timeout=30m'];
    await launch(stages.length ? backfilling : []);
    for (const [i, rules] of stages.entries()) {
      // Recording rules are evaluated over the history by promtool, then loaded as blocks by a restarted server.
      const out = join(dir, `rules-${i}`);
      execFileSync(
        promtool,
        [
          'tsdb',
          'create-blocks-from',
          'rules',
          `--start=${start}`,
          `--end=${end}`,
          `--url=${url}`,
          `--output-dir=${out}`,
          `--eval-interval=${spec.scrapeIntervalSec}s`,
          rules,
        ],
        { stdio: 'pipe' }
      );
      await stopChild(child!);
      for (const block of readdirSync(out)) {
        cpSync(join(out, block), join(dir, 'tsdb', block), { recursive: true });
      }
      await launch(i < stages.length - 1 ? backfilling : []);
    }
    const evalTime = end - 10 * 60;
    const handle: PromHandle = {
      url,
      cluster,
      start,
      end,
      evalTime,
      timings: { generateMs: t1 - t0, backfillMs: t2 - t1, startMs: Date.now() - t2, samples },
      queryRaw: (expr, time = evalTime) => api(url, '/api/v1/query', { query: expr, time: String(time), stats: 'all' }),
      query: async (expr, time = evalTime) => {
        const body = await api(url, '/api/v1/query', { query: expr, time: String(time) });
        if (body.data.resultType === 'scalar') {
          return [{ metric: {}, value: Number(body.data.result[1]) }];
        }
        return body.data.result.map((r: any) => ({ metric: r.metric, value: Number(r.value[1]) }));
      },
      queryRange: async (expr, s, e, step) => {
        const body = await api(url, '/api/v1/query_range', {
          query: expr,
          start: String(s),
          end: String(e),
          step: String(step),
        });
        return body.data.result.map((r: any) => ({
          metric: r.metric,
          values: r.values.map(([t, v]: [number, string]) => [t, Number(v)]),
        }));
      },
      stop: async () => {
        process.removeListener('exit', cleanup);
        await stopChild(child!);
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return handle;
  } catch (e) {
    cleanup();
    throw e;
  }
}
