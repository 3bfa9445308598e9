import { CustomVariable, EmbeddedScene, SceneQueryRunner, SceneVariableSet, VizPanel } from '@grafana/scenes';
import { scenePanelJson } from './panelJson';

test('a scene panel exports with the current data source and variable values, keeping $__rate_interval', () => {
  const panel = new VizPanel({
    pluginId: 'meshtax-breakdown-panel',
    title: 'Istio (sidecar): by namespace',
    options: { groupBy: 'namespace' },
    $data: new SceneQueryRunner({
      datasource: { type: 'prometheus', uid: '${datasource}' },
      queries: [{ refId: 'cost', expr: 'sum(rate(x{cluster=~"$cluster"}[$__rate_interval]))', instant: true }],
    }),
  });
  new EmbeddedScene({
    $variables: new SceneVariableSet({
      variables: [
        new CustomVariable({ name: 'datasource', query: 'prom-uid', value: 'prom-uid', text: 'prom-uid' }),
        new CustomVariable({ name: 'cluster', query: 'prod', value: 'prod', text: 'prod' }),
      ],
    }),
    body: panel,
  });
  const json = scenePanelJson(panel) as any;
  expect(json.type).toBe('meshtax-breakdown-panel');
  expect(json.datasource).toEqual({ type: 'prometheus', uid: 'prom-uid' });
  expect(json.targets[0].expr).toBe('sum(rate(x{cluster=~"prod"}[$__rate_interval]))');
  expect(json.options).toEqual({ groupBy: 'namespace' });
});
