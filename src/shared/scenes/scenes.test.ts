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
  const substituted = model.expr.replace(/\$__rate_interval/g, '5m').replace(/\$cluster|\$namespace/g, '.*');
  expect(syntaxProblems(substituted)).toEqual([]);
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
