/** Query cost from Prometheus's own accounting (`stats=all`): samples touched, peak samples, series out, eval time. */
import type { PromHandle } from '../demo/harness';

export interface Cost {
  /** Samples read from storage (totalQueryableSamples). */
  samples: number;
  /** Most samples held in memory at once (peakSamples): what query.max-samples limits. */
  peak: number;
  /** Series in the result. */
  series: number;
  evalMs: number;
  /** Labels seen on the result series, to tell aggregated results from per-pod ones. */
  labels: string[];
}

export interface Case extends Cost {
  id: string;
  expr: string;
}

function costOf(data: any): Cost {
  const result = data.resultType === 'scalar' ? [{ metric: {} }] : (data.result as Array<{ metric: object }>);
  return {
    samples: data.stats.samples.totalQueryableSamples,
    peak: data.stats.samples.peakSamples,
    series: result.length,
    evalMs: data.stats.timings.evalTotalTime * 1000,
    labels: [...new Set(result.flatMap((r) => Object.keys(r.metric)))].sort(),
  };
}

export async function instantCost(prom: PromHandle, expr: string, time = prom.evalTime): Promise<Cost> {
  return costOf((await prom.queryRaw(expr, time)).data);
}

export async function rangeCost(prom: PromHandle, expr: string, start: number, end: number, step: number) {
  const res = await fetch(`${prom.url}/api/v1/query_range`, {
    method: 'POST',
    body: new URLSearchParams({
      query: expr,
      start: String(start),
      end: String(end),
      step: String(step),
      stats: 'all',
    }),
  });
  const body = await res.json();
  if (body.status !== 'success') {
    // The max-samples limit shows up here as an error: report it as a result, not a crash.
    return { error: String(body.error) };
  }
  return costOf(body.data);
}

/** Measures each query on its own, one after another, so eval times do not include each other's. */
export async function measureAll(prom: PromHandle, queries: Array<{ id: string; expr: string }>): Promise<Case[]> {
  const out: Case[] = [];
  for (const q of queries) {
    out.push({ ...q, ...(await instantCost(prom, q.expr)) });
  }
  return out;
}

export const total = (cases: Cost[], k: 'samples' | 'peak' | 'series' | 'evalMs') =>
  cases.reduce((n, c) => n + c[k], 0);
