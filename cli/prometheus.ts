/** A minimal Prometheus HTTP API client for the CLI, with a timeout and errors that carry URL and status. */
import type { Sample } from '../src/model/report';

export class PrometheusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrometheusError';
  }
}

export function parsePrometheusUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--prometheus: "${raw}" is not a URL (for example http://prometheus:9090)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--prometheus: "${raw}" must be an http or https URL`);
  }
  return url;
}

export function instantQuery(base: URL, time: number, timeoutMs: number) {
  const endpoint = new URL('api/v1/query', base.href.endsWith('/') ? base.href : `${base.href}/`);
  return async (expr: string): Promise<Sample[]> => {
    let res: Response;
    try {
      res = await fetch(endpoint, {
        method: 'POST',
        body: new URLSearchParams({ query: expr, time: String(time) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const cause =
        (e as Error).name === 'TimeoutError'
          ? `no answer within ${timeoutMs / 1000}s`
          : ((e as { cause?: Error }).cause?.message ?? (e as Error).message);
      throw new PrometheusError(`Prometheus at ${base.href} is unreachable: ${cause}`);
    }
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PrometheusError(
        `Prometheus at ${base.href} answered HTTP ${res.status} with something that is not its API: ${text.slice(0, 200)}`
      );
    }
    if (!res.ok || body.status !== 'success') {
      throw new PrometheusError(
        `Prometheus at ${base.href} answered HTTP ${res.status}: ${body.errorType ?? ''} ${body.error ?? ''}`.trim()
      );
    }
    if (body.data.resultType === 'scalar') {
      return [{ metric: {}, value: Number(body.data.result[1]) }];
    }
    return body.data.result.map((r: any) => ({ metric: r.metric, value: Number(r.value[1]) }));
  };
}
