import { CATALOGUE } from '../../model/catalogue';
import { DEFAULT_FIGURE_OPTIONS, meshFigures } from '../../model/figureSet';
import { syntaxProblems } from '../../model/promql/validate';
import { buildBreakdownScene } from '../../features/breakdown/Breakdown';
import { DEFAULT_SETTINGS } from '../../model/settings';
import { figureRunner, sceneSelection } from './queries';
import { meshTaxVariables, VAR_CLUSTER, VAR_DATASOURCE, VAR_MESH, VAR_NAMESPACE } from './variables';

const o = DEFAULT_FIGURE_OPTIONS;

test('the variable set has data source, cluster, namespace and mesh, with All as .*', () => {
  const set = meshTaxVariables('prom-uid');
  expect(set.state.variables.map((v) => v.state.name)).toEqual([VAR_DATASOURCE, VAR_CLUSTER, VAR_NAMESPACE, VAR_MESH]);
  const cluster = set.getByName(VAR_CLUSTER)!.state as { allValue?: string };
  expect(cluster.allValue).toBe('.*');
});

test('scene query runners hold exactly the model figures, and every query parses once variables are substituted', () => {
  const istio = CATALOGUE[0];
  const runner = figureRunner(istio, 'workload', o, [
    ['cost', 'cost.sidecars'],
    // Sidecar Istio has no node agents: a figure the mesh lacks is left out.
    ['nothing', 'nodeAgents.pods'],
  ]);
  const model = meshFigures(istio, sceneSelection('workload', o), o).find((f) => f.id === 'istio.cost.sidecars')!;
  expect(runner.state.queries).toEqual([expect.objectContaining({ refId: 'cost', expr: model.expr, instant: true })]);
  const substituted = model.expr.replace(/\$cluster|\$namespace/g, '.*');
  expect(syntaxProblems(substituted)).toEqual([]);
});

test("scene queries rate over the options' window, as the report and the dashboards do, never $__rate_interval", () => {
  const istio = CATALOGUE[0];
  for (const window of ['5m', '10m']) {
    const exprs = figureRunner(istio, 'namespace', { ...o, window }, [
      ['cost', 'cost.sidecars'],
      ['cpu', 'sidecars.cpuCores'],
      ['rps', 'traffic.rps'],
    ]).state.queries.map((q) => String(q.expr));
    expect(exprs).toHaveLength(3);
    for (const expr of exprs) {
      expect(expr).not.toContain('$__rate_interval');
      expect(expr).toContain(`[${window}]`);
    }
  }
});

test('with the mixin rules the probe found, scene usage queries read them (container="POD" still left out)', () => {
  const istio = CATALOGUE[0];
  const refs: Array<[string, 'cost.sidecars' | 'sidecars.cpuCores' | 'sidecars.memoryBytes']> = [
    ['cost', 'cost.sidecars'],
    ['cpu', 'sidecars.cpuCores'],
    ['memory', 'sidecars.memoryBytes'],
  ];
  const mixin = figureRunner(istio, 'namespace', { ...o, usageMixin: { cpu: 'sum_rate5m', memory: true } }, refs);
  for (const q of mixin.state.queries.map((x) => String(x.expr))) {
    expect(q).not.toMatch(/(?<!:)container_(cpu_usage_seconds_total|memory_working_set_bytes)\{/);
    expect(q).toMatch(
      /node_namespace_pod_container:container_(cpu_usage_seconds_total:sum_rate5m|memory_working_set_bytes)\{[^}]*container!="POD"/
    );
  }
  const raw = figureRunner(istio, 'namespace', o, refs).state.queries.map((x) => String(x.expr));
  expect(raw.join('\n')).not.toContain('node_namespace_pod_container:');
});

test('the breakdown scene has a time range, variables and controls', () => {
  const scene = buildBreakdownScene(DEFAULT_SETTINGS);
  expect(scene.state.$timeRange).toBeDefined();
  expect(scene.state.$variables?.state.variables).toHaveLength(4);
  expect(scene.state.controls?.length).toBe(4);
});

test('scene queries leave out the configured namespaces, as the report and the CLI do', () => {
  const exclude = 'kube-system|monitoring';
  const istio = CATALOGUE[0];
  const runner = figureRunner(istio, 'namespace', { ...o, namespaceExclude: exclude }, [
    ['cost', 'cost.sidecars'],
    ['cpu', 'sidecars.cpuCores'],
  ]);
  const exprs = runner.state.queries.map((q) => String(q.expr));
  expect(exprs).toHaveLength(2);
  for (const expr of exprs) {
    // Every selector scoped by the namespace variable is also cut by the exclusion.
    const scoped = [...expr.matchAll(/\{[^}]*namespace=~"\$namespace"[^}]*\}/g)].map((m) => m[0]);
    expect(scoped.length).toBeGreaterThan(0);
    for (const sel of scoped) {
      expect(sel).toContain(`namespace!~"${exclude}"`);
    }
  }
  // Without the setting, no exclusion appears.
  const plain = figureRunner(istio, 'namespace', o, [['cost', 'cost.sidecars']]).state.queries[0];
  expect(String(plain.expr)).not.toContain('!~"kube-system');
});
