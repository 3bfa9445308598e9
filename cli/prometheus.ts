/**
 * A minimal Prometheus HTTP API client for the CLI. node:http(s) rather than fetch: Node 20 does not expose the
 * undici Agent that fetch would need for a private CA, and a stream lets us cap the size of an answer.
 * Every failure is a PrometheusError whose message says what happened, with the URL and never a secret.
 */
import { request as httpRequest, STATUS_CODES, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Sample } from '../src/model/report';
import { OPEN_ACCESS, redact, withUrlCredentials, type Access } from './access';

export class PrometheusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrometheusError';
  }
}

export interface ClientOptions {
  timeoutMs: number;
  access?: Access;
  /** Larger answers are refused rather than buffered: our queries return a few series each. */
  maxBytes?: number;
  /** Where Prometheus's own warnings go (stderr in the CLI), each distinct one once. */
  onWarning?: (message: string) => void;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export function parsePrometheusUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--prometheus: "${redact(raw, [])}" is not a URL (for example http://prometheus:9090)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--prometheus: "${redact(raw, [])}" must be an http or https URL`);
  }
  return url;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

interface RawAnswer {
  status: number;
  text: string;
}

/** The end of "Prometheus at <url> ..." for a failure below HTTP. */
function networkMessage(e: NodeJS.ErrnoException, bytes: number, timeoutMs: number): string {
  if (e.name === 'TimeoutError') {
    return `gave no complete answer within ${timeoutMs / 1000}s (--timeout)`;
  }
  if (e.code && TLS_CODES.has(e.code)) {
    return (
      `presented a TLS certificate that is not trusted: ${e.message} (${e.code}). ` +
      'Pass --ca-file with the CA that signed it, or --insecure-skip-verify to skip the check'
    );
  }
  if (e.code === 'ECONNRESET') {
    return bytes > 0
      ? `closed the connection after ${bytes} bytes, before the answer was complete (ECONNRESET)`
      : 'reset the connection before answering (ECONNRESET)';
  }
  if (e.code === 'TOO_LARGE') {
    return `${e.message} (raise --max-response-mb)`;
  }
  return `is unreachable: ${e.message}${e.code && !e.message.includes(e.code) ? ` (${e.code})` : ''}`;
}

function post(endpoint: URL, form: URLSearchParams, o: Required<Omit<ClientOptions, 'onWarning'>>): Promise<RawAnswer> {
  const body = Buffer.from(form.toString());
  const send = endpoint.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let settled = false;
    // The first failure wins: destroying a request also fires 'aborted', 'close' and 'error' behind it.
    const fail = (e: NodeJS.ErrnoException) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(new Error(networkMessage(e, bytes, o.timeoutMs)));
        req.destroy();
      }
    };
    const reset = () => Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    const req = send(
      endpoint,
      {
        method: 'POST',
        headers: {
          ...o.access.headers,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': body.length,
          Accept: 'application/json',
        },
        ca: o.access.ca,
        rejectUnauthorized: o.access.rejectUnauthorized,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > o.maxBytes) {
            const mib = Math.round(o.maxBytes / 1024 / 1024);
            fail(Object.assign(new Error(`sent more than ${mib} MiB; the rest was not read`), { code: 'TOO_LARGE' }));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (!settled && res.complete) {
            settled = true;
            clearTimeout(timer);
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
          }
        });
        res.on('aborted', () => fail(reset()));
        res.on('error', (e) => fail(e.message === 'aborted' ? reset() : e));
        res.on('close', () => (res.complete ? undefined : fail(reset())));
      }
    );
    const timer = setTimeout(() => fail(Object.assign(new Error('timeout'), { name: 'TimeoutError' })), o.timeoutMs);
    req.on('error', fail);
    req.end(body);
  });
}

function statusLine(status: number): string {
  return `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;
}

const AUTH_HINT = ' (check --bearer-token-file, --basic-auth-user or --header)';

export function instantQuery(base: URL, time: number, timeoutMsOrOptions: number | ClientOptions) {
  const opts: ClientOptions =
    typeof timeoutMsOrOptions === 'number' ? { timeoutMs: timeoutMsOrOptions } : timeoutMsOrOptions;
  const { url, access } = withUrlCredentials(base, opts.access ?? OPEN_ACCESS);
  const shown = redact(url.href, access.secrets);
  const say = (what: string) => new PrometheusError(redact(`Prometheus at ${shown} ${what}`, access.secrets));
  const endpoint = new URL('api/v1/query', url.href.endsWith('/') ? url.href : `${url.href}/`);
  const warned = new Set<string>();
  const resolved = { timeoutMs: opts.timeoutMs, access, maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES };

  return async (expr: string): Promise<Sample[]> => {
    let answer: RawAnswer;
    try {
      answer = await post(endpoint, new URLSearchParams({ query: expr, time: String(time) }), resolved);
    } catch (e) {
      throw say((e as Error).message);
    }
    const { status, text } = answer;
    let body: any;
    try {
      body = JSON.parse(text);
    } catch (e) {
      if (status < 200 || status >= 300) {
        const auth = status === 401 || status === 403 ? AUTH_HINT : '';
        throw say(`answered ${statusLine(status)}${auth}: ${text.slice(0, 200).trim() || '(empty body)'}`);
      }
      throw say(
        `answered ${statusLine(status)} with ${text.length} bytes that are not valid JSON (${(e as Error).message}); ` +
          `the answer may have been cut off: ${text.slice(0, 120)}…`
      );
    }
    if (body?.status === 'error' || status < 200 || status >= 300) {
      const kind = body?.errorType ? ` ${body.errorType}` : '';
      const auth = status === 401 || status === 403 ? AUTH_HINT : '';
      const what = status === 400 || status === 422 ? 'rejected a query' : 'answered with an error';
      throw say(
        `${what} (${statusLine(status)}${kind})${auth}: ${body?.error ?? JSON.stringify(body).slice(0, 200)}` +
          (status === 400 || status === 422 ? `\n  query: ${expr.slice(0, 500)}` : '')
      );
    }
    if (body?.status !== 'success' || !body.data || !Array.isArray(body.data.result)) {
      throw say(`answered ${statusLine(status)} with JSON that is not a Prometheus query result`);
    }
    for (const w of [...(body.warnings ?? []), ...(body.infos ?? [])]) {
      if (!warned.has(w)) {
        warned.add(w);
        opts.onWarning?.(redact(`Prometheus at ${shown} warned: ${w}`, access.secrets));
      }
    }
    if (body.data.resultType === 'scalar') {
      return [{ metric: {}, value: Number(body.data.result[1]) }];
    }
    return body.data.result.map((r: any) => ({ metric: r.metric, value: Number(r.value[1]) }));
  };
}
