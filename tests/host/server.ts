/**
 * Test-only web server for the browser host: serves the esbuild-bundled host page, the built plugin at
 * /public/plugins/<id>/ (as Grafana does, so webpack's public path for lazy chunks is right), and a
 * minimal stand-in for Grafana's data source proxy that forwards to a real Prometheus.
 */
import { build } from 'esbuild';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { alertingStandIn } from './alerting';
import { type Runtime, runtimeResolver } from './runtimes';
import { PROM_SETTINGS, PROM_UID, type HostBoot, type PanelSpec } from './types';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/**
 * Bundles the host page against one runtime's modules. React's development build: it is the one that logs
 * React's warnings (keys, deprecated APIs, React 19 removals), and the runner fails on them.
 */
export async function buildHostBundle(outdir: string, runtime: Runtime): Promise<void> {
  await build({
    entryPoints: [path.join(__dirname, 'page', 'index.tsx')],
    outdir,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    publicPath: '/host/',
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file' },
    // UMD code in the bundle must not register itself with SystemJS's global AMD `define`.
    define: { define: 'undefined', 'process.env.NODE_ENV': '"development"', global: 'window' },
    plugins: [runtimeResolver(runtime)],
    // Every case loads the ~20 MB bundle afresh: less to parse is the cheapest saving per case. Names are kept,
    // so React's warnings still name their components.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'error',
  });
}

export interface HostServerOptions {
  boot: Omit<HostBoot, 'panel'>;
  panels: PanelSpec[];
  /** Nested panel metas for `config.panels`, keyed by id. */
  panelMetas: Record<string, unknown>;
  distDir: string;
  bundleDir: string;
  /** The runtime the bundle was built against: its @grafana/ui icons and Grafana version. */
  runtime: Runtime;
  promUrl?: string;
  /** Grafana's [dataproxy] timeout (default 30 s): past it the proxy answers 504 with no body. */
  proxyTimeoutMs?: number;
}

export interface HostServer {
  url: string;
  /** API calls the host had no answer for: printed by the runner so gaps in the stand-in are visible. */
  unhandled: string[];
  /** Prometheus error answers (bad PromQL etc.); the browser also logs each as a failed request. */
  promErrors: string[];
  close(): Promise<void>;
}

export async function startHostServer(opts: HostServerOptions): Promise<HostServer> {
  const unhandled: string[] = [];
  const promErrors: string[] = [];
  const pluginPrefix = `/public/plugins/${opts.boot.pluginId}/`;
  const proxyPrefix = `/api/datasources/proxy/uid/${PROM_UID}/`;
  const alerting = alertingStandIn(sendJson);

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://host');
    const p = url.pathname;
    if (p.startsWith('/host/') && path.extname(p)) {
      // Cacheable, so Chromium reuses its compiled code for the ~18 MB host bundle across pages.
      res.setHeader('cache-control', 'max-age=3600');
      return sendFile(res, opts.bundleDir, p.slice('/host/'.length));
    }
    if (p.startsWith(pluginPrefix)) {
      return sendFile(res, opts.distDir, p.slice(pluginPrefix.length));
    }
    if (p.startsWith(proxyPrefix)) {
      return proxyToPrometheus(req, res, opts, p.slice(proxyPrefix.length) + url.search, promErrors);
    }
    if (p.startsWith('/public/build/img/icons/')) {
      return sendIcon(res, opts.runtime, p.slice('/public/build/img/icons/'.length));
    }
    if (p.startsWith('/public/fonts/')) {
      return sendFont(res, p);
    }
    if (p === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (p === '/api/frontend/settings') {
      // What Grafana 13's @grafana/runtime reloads its data source registry from (page/grafanaBoot.ts).
      return sendJson(res, 200, { datasources: { Prometheus: PROM_SETTINGS }, defaultDatasource: 'Prometheus' });
    }
    if (p === `/api/plugins/${opts.boot.pluginId}/settings`) {
      return sendJson(res, 200, opts.boot.appMeta);
    }
    if (await alerting(req, res, p, url.search)) {
      return;
    }
    if (p.startsWith('/api/') || path.extname(p)) {
      unhandled.push(`${req.method} ${p}`);
      return sendJson(res, 404, { message: 'not served by the test host' });
    }
    const panelMatch = /^\/host\/panel\/(\d+)$/.exec(p);
    const panel = panelMatch ? opts.panels[Number(panelMatch[1])] : undefined;
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(indexHtml(opts, url.searchParams.get('theme') === 'light' ? 'light' : 'dark', panel));
  };

  // Grafana's Go server accepts up to 1 MiB of request headers (net/http DefaultMaxHeaderBytes); Node's default is
  // 16 KiB. The clean-clone CI at 9c67d7c got intermittent 431s on panel cases once the dashboards' queries grew
  // (usage-source gate, in-query auto pricing); which request passed 16 KiB was not pinned down.
  const server = createServer({ maxHeaderSize: 1 << 20 }, (req, res) => {
    handler(req, res).catch((e: unknown) => sendJson(res, 500, { message: String(e) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    unhandled,
    promErrors,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function indexHtml(opts: HostServerOptions, theme: 'dark' | 'light', panel?: PanelSpec): string {
  const { pluginId } = opts.boot;
  const bootData = {
    settings: {
      appSubUrl: '',
      buildInfo: { version: opts.runtime.grafana, env: 'production', edition: 'Open Source' },
      featureToggles: {},
      datasources: { Prometheus: PROM_SETTINGS },
      defaultDatasource: 'Prometheus',
      apps: { [pluginId]: { id: pluginId, path: `public/plugins/${pluginId}/module.js`, preload: false } },
      panels: opts.panelMetas,
    },
    user: { theme, isSignedIn: true, login: 'admin', orgRole: 'Admin', timezone: 'utc', language: 'en-US' },
    navTree: [],
    assets: { dark: '', light: '' },
  };
  const host: HostBoot = { ...opts.boot, panel };
  // `<` escaped so that JSON can never close the inline <script>.
  const json = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>meshtax browser host (test only)</title>
<link rel="stylesheet" href="/host/index.css">
<style>/* Grafana's own stylesheet zeroes the body margin; without it every page would be 8px too wide. */ body { margin: 0 }</style>
<script>
window.grafanaBootData = ${json(bootData)};
window.__grafana_public_path__ = '/public/';
window.process = { env: { NODE_ENV: 'development' } };
window.meshtaxHost = ${json(host)};
</script></head>
<body><div id="host-root"></div><script src="/host/index.js"></script></body></html>`;
}

function sendFile(res: ServerResponse, root: string, rel: string) {
  const file = path.join(root, path.normalize(decodeURIComponent(rel)));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    return sendJson(res, 404, { message: `no such file: ${rel}` });
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

// Stand-in for the icons Grafana ships in public/ but @grafana/ui's npm package does not (e.g. unicons/spinner).
const MISSING_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="4"/></svg>';

function sendIcon(res: ServerResponse, runtime: Runtime, rel: string) {
  const icons = path.join(runtime.dir, 'node_modules/@grafana/ui/dist/public/img/icons');
  if (existsSync(path.join(icons, path.normalize(rel)))) {
    return sendFile(res, icons, rel);
  }
  res.writeHead(200, { 'content-type': 'image/svg+xml' });
  res.end(MISSING_ICON);
}

const DEJAVU = '/usr/share/fonts/truetype/dejavu';

/**
 * Grafana's Inter and Roboto Mono web fonts are not on npm. Answer with DejaVu (Debian's fonts-dejavu-core, which
 * .ci/run installs): the fonts Chromium falls back to here anyway, so layout is unchanged, and a real font file,
 * so Chromium does not warn that it could not decode one (the run fails on console warnings).
 */
function sendFont(res: ServerResponse, p: string) {
  const file = /mono/i.test(p) ? 'DejaVuSansMono.ttf' : 'DejaVuSans.ttf';
  if (!existsSync(path.join(DEJAVU, file))) {
    return sendJson(res, 500, {
      message: `browser host: ${DEJAVU}/${file} is missing: apt-get install fonts-dejavu-core`,
    });
  }
  res.writeHead(200, { 'content-type': 'font/ttf', 'cache-control': 'max-age=3600' });
  createReadStream(path.join(DEJAVU, file)).pipe(res);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * Stands in for Grafana's /api/datasources/proxy: forwards GET/POST to Prometheus unchanged and fails the way
 * Grafana's reverse proxy does (pkg/util/proxyutil): 504 with no body past the timeout, 502 with no body when
 * Prometheus cannot be reached or drops the connection, and a cut connection when the answer breaks mid-body.
 */
async function proxyToPrometheus(
  req: IncomingMessage,
  res: ServerResponse,
  opts: HostServerOptions,
  rest: string,
  errors: string[]
) {
  if (!opts.promUrl) {
    errors.push(`no Prometheus for ${rest}`);
    return sendJson(res, 503, { status: 'error', error: 'browser host started without a Prometheus' });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  const what = decodeURIComponent(rest).slice(0, 300);
  // Until the answer's headers, like a response-header timeout: a big answer may take longer to arrive in full.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.proxyTimeoutMs ?? 30_000);
  const { signal } = abort;
  let upstream: Response;
  try {
    upstream = await fetch(new URL(rest, opts.promUrl.replace(/\/?$/, '/')), {
      method: req.method,
      // identity: fetch would otherwise ask for gzip, and a proxy in between (the fault proxy) may not pass
      // content-encoding on.
      headers: {
        'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded',
        'accept-encoding': 'identity',
      },
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
      signal,
    });
  } catch (e) {
    const timedOut = signal.aborted;
    errors.push(`${timedOut ? 504 : 502} ${what}: ${timedOut ? 'timed out' : String((e as Error).cause ?? e)}`);
    res.writeHead(timedOut ? 504 : 502);
    return res.end();
  } finally {
    clearTimeout(timer);
  }
  let body: Buffer;
  try {
    body = Buffer.from(await upstream.arrayBuffer());
  } catch (e) {
    // Grafana has already sent the status line by then: the browser sees the connection cut.
    errors.push(`${upstream.status} ${what}: answer broke off (${String((e as Error).cause ?? e)})`);
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    res.flushHeaders();
    return res.destroy();
  }
  if (process.env.MESHTAX_HOST_DEBUG) {
    process.stderr.write(`proxy ${upstream.status} ${what.slice(0, 400)} -> ${body.toString().slice(0, 200)}\n`);
  }
  // Prometheus says `"status":"error"` first thing in an error body; a 2xx with it is an error answer too.
  if (!upstream.ok || body.subarray(0, 64).toString().includes('"status":"error"')) {
    errors.push(`${upstream.status} ${what}: ${body.toString().slice(0, 300)}`);
  }
  res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
  res.end(body);
}
