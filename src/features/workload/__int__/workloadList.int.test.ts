/**
 * The workload picker's query, run against a real Prometheus (`migration` preset: Istio and Linkerd in one cluster)
 * and read the way Grafana reads a `query_result()` variable: each series written as `{labels} value ms`
 * (packages/grafana-prometheus/src/metric_find_query.ts), then the variable's regex picks the option. The options
 * must be exactly the workloads that run the mesh's proxy in the generator's cluster, no more and no fewer.
 */
import { startPrometheus, type PromHandle } from '../../../../demo/harness';
import { groundTruth } from '../../../../demo/truth';
import { syntaxProblems } from '../../../model/promql/validate';
import { DEFAULT_FIGURE_OPTIONS } from '../../../model/figureSet';
import { WORKLOAD_OPTION_REGEX, workloadListQuery } from '../workloadList';

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({ preset: 'migration' });
});
afterAll(async () => {
  await prom?.stop();
});

/** What Grafana's query_result() hands the variable for one series (labels in Prometheus' order). */
const asText = (metric: Record<string, string>, value: number, t: number) =>
  `{${Object.entries(metric)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}} ${value} ${t * 1000}`;

/** The variable's regex as scenes applies it: the first capture group is the option. */
function option(text: string): string | undefined {
  const body = WORKLOAD_OPTION_REGEX.slice(1, WORKLOAD_OPTION_REGEX.lastIndexOf('/'));
  return new RegExp(body).exec(text)?.[1];
}

test.each(['istio', 'linkerd'])('%s: the picker lists exactly the workloads with its proxy', async (mesh) => {
  const text = workloadListQuery(mesh, DEFAULT_FIGURE_OPTIONS, {
    clusterRegex: '$cluster',
    namespaceInclude: '$namespace',
  });
  const m = /^query_result\(([\s\S]+)\)$/.exec(text);
  expect(m).not.toBeNull();
  // Both scope variables at All, as scenes interpolates them (allValue .*).
  const expr = m![1].replace(/\$cluster/g, '.*').replace(/\$namespace/g, '.*');
  expect(syntaxProblems(expr)).toEqual([]);
  const got = await prom.query(expr);
  const truth = groundTruth(prom.cluster, prom.evalTime, 300).meshes.find((x) => x.id === mesh)!;
  const want = new Set(truth.rows.dataPlane.map((r) => `${r.pod.namespace}/${r.pod.workload}`));
  expect(want.size).toBeGreaterThan(1);
  expect(new Set(got.map((s) => `${s.metric.namespace}/${s.metric.workload}`))).toEqual(want);
  const options = new Set(got.map((s) => option(asText(s.metric, s.value, prom.evalTime))));
  expect(options).toEqual(new Set([...want].map((k) => k.split('/')[1])));
});
