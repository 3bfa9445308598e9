/**
 * A loopback HTTP(S) proxy in front of a real Prometheus that misbehaves on demand, for tests of what a client does
 * when Prometheus is slow, erroring, cut off, chatty or huge. It can also demand credentials, like an auth proxy.
 * Test-only; usable from jest (the CLI) and from a browser test (point a data source at `url`).
 */
import { createServer as createHttpServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export const FAULT_MODES = [
  'pass',
  'delay',
  'http500',
  'http503',
  'http422',
  'reset',
  'resetMidBody',
  'truncated',
  'warnings',
  'huge',
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export const FAULT_WARNING = 'fault proxy: results may be incomplete (simulated warning)';
export const BAD_DATA_ERROR = 'fault proxy: 1:8: parse error: unexpected <by> (simulated)';

export interface FaultProxyOptions {
  /** Base URL of the Prometheus to forward to. */
  target: string;
  /** Serve https with this key and certificate (PEM). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Request headers that must be present with exactly these values (names lower-case), else 401. */
  requireHeaders?: Record<string, string>;
  /** Which requests misbehave; the rest pass through. Default: the query API. */
  applies?: (req: IncomingMessage) => boolean;
  delayMs?: number;
  hugeBytes?: number;
}

export interface FaultProxy {
  url: string;
  /** Misbehave in `mode` for the next `count` matching requests (default: all of them) then pass through. */
  setMode(mode: FaultMode, count?: number): void;
  /** Requests seen, and how many were answered with a fault. */
  stats(): { requests: number; faulted: number; unauthorized: number };
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    // Identity encoding: the proxy rewrites bodies (truncates, pads, adds warnings) and forwards only content-type,
    // so a gzip answer from Prometheus would reach the client as compressed bytes labelled plain.
    const headers = { ...req.headers, host: target.host, 'accept-encoding': 'identity' };
    const up = request(new URL(req.url ?? '/', target), { method: req.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 502,
          headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
          body: Buffer.concat(chunks),
        })
      );
      res.on('error', reject);
    });
    up.on('error', reject);
    up.end(body);
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(opts.target.endsWith('/') ? opts.target : `${opts.target}/`);
  const applies = opts.applies ?? ((req: IncomingMessage) => (req.url ?? '').startsWith('/api/v1/query'));
  let mode: FaultMode = 'pass';
  let remaining = Infinity;
  const counts = { requests: 0, faulted: 0, unauthorized: 0 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    counts.requests++;
    const body = await readBody(req);
    const missing = Object.entries(opts.requireHeaders ?? {}).find(([k, v]) => req.headers[k] !== v);
    if (missing) {
      counts.unauthorized++;
      // Like an auth proxy: a plain-text 401 that names the header but never echoes what was sent.
      res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="prometheus"' });
      res.end(`unauthorized: ${missing[0]} missing or wrong\n`);
      return;
    }
    let now: FaultMode = 'pass';
    if (mode !== 'pass' && applies(req) && remaining > 0) {
      remaining--;
      counts.faulted++;
      now = mode;
    }
    switch (now) {
      case 'http500':
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('upstream exploded (simulated)\n');
        return;
      case 'http503':
        res.setHeader('retry-after', '30');
        json(res, 503, { status: 'error', errorType: 'unavailable', error: 'fault proxy: overloaded (simulated)' });
        return;
      case 'http422':
        json(res, 422, { status: 'error', errorType: 'bad_data', error: BAD_DATA_ERROR });
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'resetMidBody':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
        res.write('{"status":"success","data":{"resultType":"vector","result":[');
        setTimeout(() => req.socket.destroy(), 20);
        return;
      case 'delay': {
        const t = setTimeout(() => {
          timers.delete(t);
          void forward(target, req, body).then((up) => {
            res.writeHead(up.status, up.headers);
            res.end(up.body);
          });
        }, opts.delayMs ?? 10000);
        timers.add(t);
        return;
      }
    }
    const up = await forward(target, req, body);
    if (now === 'truncated') {
      const half = up.body.subarray(0, Math.floor(up.body.length / 2));
      res.writeHead(up.status, { ...up.headers, 'content-length': half.length });
      res.end(half);
      return;
    }
    if (now === 'warnings' || now === 'huge') {
      const parsed = JSON.parse(up.body.toString('utf8'));
      const changed =
        now === 'warnings'
          ? { ...parsed, warnings: [...(parsed.warnings ?? []), FAULT_WARNING] }
          : // A field clients must ignore, so the answer stays correct while it is tens of MB.
            { ...parsed, padding: 'x'.repeat(opts.hugeBytes ?? 32 * 1024 * 1024) };
      json(res, up.status, changed);
      return;
    }
    res.writeHead(up.status, up.headers);
    res.end(up.body);
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: Error) => {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
      }
      res.end(`fault proxy: ${e.message}\n`);
    });
  };
  const server = opts.tls
    ? createHttpsServer({ key: opts.tls.key, cert: opts.tls.cert }, listener)
    : createHttpServer(listener);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    setMode(m, count = Infinity) {
      mode = m;
      remaining = count;
    },
    stats: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearTimeout);
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
