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
import { PROM_UID, type HostBoot, type PanelSpec } from './types';

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

export async function buildHostBundle(outdir: string): Promise<void> {
  await build({
    entryPoints: [path.join(__dirname, 'page', 'index.tsx')],
    outdir,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    publicPath: '/host/',
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file' },
    // UMD code in the bundle must not register itself with SystemJS's global AMD `define`.
    define: { define: 'undefined', 'process.env.NODE_ENV': '"production"', global: 'window' },
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
      return sendIcon(res, p.slice('/public/build/img/icons/'.length));
    }
    if (p.startsWith('/public/fonts/') || p === '/favicon.ico') {
      // Grafana's Inter and Roboto Mono web fonts are not on npm: answer with no font, the browser falls back.
      res.writeHead(204);
      return res.end();
    }
    if (p === `/api/plugins/${opts.boot.pluginId}/settings`) {
      return sendJson(res, 200, opts.boot.appMeta);
    }
    if (await alerting(req, res, p)) {
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

  const server = createServer((req, res) => {
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
  const promSettings = { uid: PROM_UID, name: 'Prometheus', type: 'prometheus', isDefault: true };
  const bootData = {
    settings: {
      appSubUrl: '',
      buildInfo: { version: '12.4.10', env: 'production', edition: 'Open Source' },
      featureToggles: {},
      datasources: { Prometheus: promSettings },
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
window.process = { env: { NODE_ENV: 'production' } };
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

const ICONS = path.join(__dirname, '../../node_modules/@grafana/ui/dist/public/img/icons');
// Stand-in for the icons Grafana ships in public/ but @grafana/ui's npm package does not (e.g. unicons/spinner).
const MISSING_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="4"/></svg>';

function sendIcon(res: ServerResponse, rel: string) {
  if (existsSync(path.join(ICONS, path.normalize(rel)))) {
    return sendFile(res, ICONS, rel);
  }
  res.writeHead(200, { 'content-type': 'image/svg+xml' });
  res.end(MISSING_ICON);
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
  if (!upstream.ok) {
    errors.push(`${upstream.status} ${what}: ${body.toString().slice(0, 300)}`);
  }
  res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
  res.end(body);
}
