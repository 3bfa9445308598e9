/**
 * The Latency and Workload pages' queries (issue #18 §1, #16 §3) on a real Prometheus over the `small` preset, against
 * the generator's truth: the table's p50/p90/p99 added equal Prometheus's interpolation of the demo's distributions,
 * their intervals are the truth's bucket bounds and hold the TRUE added quantile, the mean added is exact; and the
 * chart's band series, run as the range queries the chart sends, bracket the true p99 added at every step.
 */
import { startPrometheus, type PromHandle } from '../../../../demo/harness';
import { meshById } from '../../../model/catalogue';
import { DEFAULT_FIGURE_OPTIONS } from '../../../model/figureSet';
import { syntaxProblems } from '../../../model/promql/validate';
import type { Selection } from '../../../model/scope';
import { latencyByGroup, sampleKey } from '../../../model/__int__/groupTruth';
import { close } from '../../../model/__int__/truthOf';
import { MEAN_REF, QUANTILES, latencyChartQueries, latencyTableQueries, quantileRef } from '../latencyQueries';

const MESHES = ['istio', 'linkerd'] as const;
// The page's selection with its variables resolved: the rate window the fixture's truth is exact for.
const S: Selection = { window: '5m', groupBy: 'workload' };

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({ preset: 'small' });
});
afterAll(async () => {
  await prom?.stop();
});

test.each(MESHES)('%s: the table’s quantiles added, their intervals and the mean added match the truth', async (id) => {
  const queries = latencyTableQueries(meshById(id)!.latency!, DEFAULT_FIGURE_OPTIONS, 'reporter-delta', S);
  const answers = new Map<string, Map<string, number>>();
  for (const q of queries) {
    expect(syntaxProblems(q.expr)).toEqual([]);
    answers.set(q.refId, new Map((await prom.query(q.expr)).map((r) => [sampleKey('workload', r.metric), r.value])));
  }
  const failures: string[] = [];
  let checked = 0;
  for (const q of QUANTILES) {
    const truth = latencyByGroup(prom.cluster, id, 'workload', q);
    expect([...answers.get(quantileRef(q))!.keys()].sort()).toEqual([...truth.keys()].sort());
    for (const [key, t] of truth) {
      const v = answers.get(quantileRef(q))!.get(key);
      const [l, u] = [answers.get(quantileRef(q, 'lower'))!.get(key), answers.get(quantileRef(q, 'upper'))!.get(key)];
      if (!close(v, t.promAddedMs)) {
        failures.push(`${key} p${q}: ${v}, want ${t.promAddedMs}`);
      }
      if (!close(l, t.rangeMs[0]) || !close(u, t.rangeMs[1])) {
        failures.push(`${key} p${q}: [${l}, ${u}], want [${t.rangeMs}]`);
      }
      if (!(l! <= t.trueAddedMs && t.trueAddedMs <= u!)) {
        failures.push(`${key} p${q}: true ${t.trueAddedMs} outside [${l}, ${u}]`);
      }
      if (!close(answers.get(MEAN_REF)!.get(key), t.meanAddedMs)) {
        failures.push(`${key}: mean ${answers.get(MEAN_REF)!.get(key)}, want ${t.meanAddedMs}`);
      }
      checked++;
    }
  }
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThan(3);
});

test.each(MESHES)('%s: the chart’s band brackets the true p99 added at every step of the range', async (id) => {
  const queries = latencyChartQueries(meshById(id)!.latency!, DEFAULT_FIGURE_OPTIONS, 'reporter-delta', S);
  expect(queries.map((q) => [q.refId, q.legendFormat])).toEqual([
    ['p99', '{{namespace}}/{{workload}}'],
    ['p99_low', '{{namespace}}/{{workload}} lower'],
    ['p99_high', '{{namespace}}/{{workload}} upper'],
  ]);
  // From one rate window after the history's start (rate() is under-reported before it) to the evaluation time.
  const range = async (expr: string) =>
    new Map(
      (await prom.queryRange(expr, prom.start + 600, prom.evalTime, 300)).map((r: any) => [
        sampleKey('workload', r.metric),
        r.values as Array<[number, number]>,
      ])
    );
  const [line, low, high] = await Promise.all(queries.map((q) => range(q.expr)));
  const truth = latencyByGroup(prom.cluster, id, 'workload', 0.99);
  const failures: string[] = [];
  let steps = 0;
  for (const [key, t] of truth) {
    for (const [i, [at, v]] of line.get(key)!.entries()) {
      const [l, u] = [low.get(key)![i], high.get(key)![i]];
      if (l[0] !== at || u[0] !== at || !(l[1] <= t.trueAddedMs && t.trueAddedMs <= u[1]) || !close(v, t.promAddedMs)) {
        failures.push(`${key} at ${at}: ${v} in [${l[1]}, ${u[1]}], true ${t.trueAddedMs}, want ${t.promAddedMs}`);
      }
      steps++;
    }
  }
  expect(failures).toEqual([]);
  expect(steps).toBeGreaterThan(truth.size * 10);
});
