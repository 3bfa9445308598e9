import React from 'react';
import { render, screen } from '@testing-library/react';
import { getDefaultTimeRange, LoadingState, type PanelData } from '@grafana/data';
import { setPluginImportUtils } from '@grafana/runtime';
import {
  EmbeddedScene,
  SceneDataNode,
  SceneFlexItem,
  SceneFlexLayout,
  type SceneQueryRunner,
  SceneReactObject,
  SceneVariableSet,
  VizPanel,
  type SceneObject,
} from '@grafana/scenes';
import { CATALOGUE } from '../../model/catalogue';
import { DEFAULT_FIGURE_OPTIONS, meshFigures } from '../../model/figureSet';
import { addedLatency } from '../../model/latency';
import { call } from '../../model/promql/dsl';
import { render as renderPromql } from '../../model/promql/render';
import { syntaxProblems } from '../../model/promql/validate';
import { costBars, MeshBreakdown } from '../../features/breakdown/MeshBreakdown';
import { latencyChart, MeshLatency } from '../../features/latency/MeshLatency';
import { ExplainedPanel } from './ExplainedPanel';
import { chosenMeshes, sceneBasis } from './MeshScene';
import { DEFAULT_SETTINGS } from '../../model/settings';
import { DETECTED, meshOptions, NOT_DETECTED } from './meshDetection';
import { MeshVariable } from './meshVariable';
import { scenePanelJson } from './panelJson';
import { sceneSelection } from './queries';
import { latencyMethodVariable, sidecarMeshes } from './variables';

const o = DEFAULT_FIGURE_OPTIONS;
// Core panels are Grafana's, not on npm: the panel itself stays loading; the tests read what is around it.
// PanelChrome's title measures itself; jsdom has no ResizeObserver.
(global as any).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
setPluginImportUtils({ importPanelPlugin: () => new Promise(() => {}), getPanelPluginFromCache: () => undefined });
const SIDECARS = sidecarMeshes(CATALOGUE);
const byId = (id: string) => CATALOGUE.find((m) => m.id === id)!;
/** What scenes interpolates the scope variables to at All. */
const substituted = (expr: string) =>
  expr.replace(/\$\{?cluster\}?|\$\{?namespace\}?/g, '.*');

/** A mesh variable whose detection answered `detected`, at `value` ('$__all' for All), inside a scene with `body`. */
function sceneWith(detected: string[], value: string, body: SceneObject) {
  const mesh = new MeshVariable(
    SIDECARS,
    { clusterRegex: '$cluster', namespaceInclude: '$namespace' },
    {
      type: 'prometheus',
      uid: 'prom',
    }
  );
  mesh.setState({ options: meshOptions(SIDECARS, new Set(detected)), value, text: value });
  new EmbeddedScene({
    $variables: new SceneVariableSet({ variables: [mesh, latencyMethodVariable()] }),
    body,
  });
  return mesh;
}

describe('the Mesh variable', () => {
  test('lists detected meshes first, then the rest marked not detected', () => {
    const options = meshOptions(SIDECARS, new Set(['linkerd', 'kuma']));
    expect(options.map((x) => [x.value, x.group])).toEqual([
      ['linkerd', DETECTED],
      ['kuma', DETECTED],
      ['istio', NOT_DETECTED],
      ['consul', NOT_DETECTED],
    ]);
    expect(options[2].label).toBe('Istio (sidecar) (not detected)');
  });

  test('All chooses every detected mesh; one mesh comes with its detection', () => {
    const body = new SceneReactObject({ reactNode: null });
    const v = sceneWith(['linkerd', 'kuma'], '$__all', body);
    expect(chosenMeshes(body, SIDECARS).map((c) => c.mesh.id)).toEqual(['linkerd', 'kuma']);
    v.setState({ value: 'istio', text: 'istio' });
    expect(chosenMeshes(body, SIDECARS)).toEqual([{ mesh: byId('istio'), detection: NOT_DETECTED }]);
  });

  test('before detection answers, nothing is chosen (the page waits instead of guessing Istio)', () => {
    const body = new SceneReactObject({ reactNode: null });
    sceneWith([], '', body).setState({ options: [] });
    expect(chosenMeshes(body, SIDECARS)).toEqual([]);
  });
});

/** Every VizPanel under `root`, depth first. */
function panelsOf(root: SceneObject): VizPanel[] {
  const out: VizPanel[] = [];
  root.forEachChild((c) => {
    if (c instanceof VizPanel) {
      out.push(c);
    }
    out.push(...panelsOf(c));
  });
  return out;
}

describe('Breakdown', () => {
  test('a mesh that is not detected reads "not detected", with no panels', () => {
    const breakdown = new MeshBreakdown({ figureOptions: o });
    sceneWith(['linkerd'], 'istio', breakdown);
    breakdown.activate();
    const body = breakdown.state.body!;
    expect(panelsOf(body)).toHaveLength(0);
    const [item] = body.state.children as SceneFlexItem[];
    render(<>{(item.state.body as SceneReactObject).state.reactNode}</>);
    expect(screen.getByText('Istio (sidecar): not detected')).toBeInTheDocument();
    expect(screen.getByText(/looked for pods with a istio-proxy container/)).toBeInTheDocument();
  });

  test('All draws each detected mesh, the cost bars first', () => {
    const breakdown = new MeshBreakdown({ figureOptions: o });
    sceneWith(['istio', 'linkerd'], '$__all', breakdown);
    breakdown.activate();
    const panels = panelsOf(breakdown.state.body!);
    expect(panels.map((p) => p.state.pluginId)).toEqual([
      ...['bargauge', 'meshtax-breakdown-panel', 'meshtax-breakdown-panel', 'meshtax-breakdown-panel'],
      ...['bargauge', 'meshtax-breakdown-panel', 'meshtax-breakdown-panel', 'meshtax-breakdown-panel'],
    ]);
    expect(panels[0].state.title).toMatch(/^Istio \(sidecar\)/);
    expect(panels[4].state.title).toMatch(/^Linkerd/);
  });

  test('the bar chart is a dollar bar gauge of the model’s cost by namespace, largest first', () => {
    const istio = byId('istio');
    const panel = costBars(istio, o);
    sceneWith(['istio'], 'istio', new SceneFlexLayout({ children: [new SceneFlexItem({ body: panel })] }));
    const json = scenePanelJson(panel) as any;
    expect(json.type).toBe('bargauge');
    expect(json.options).toMatchObject({ orientation: 'horizontal', reduceOptions: { calcs: ['lastNotNull'] } });
    expect(json.fieldConfig.defaults.unit).toBe('currencyUSD');
    const model = meshFigures(istio, sceneSelection('namespace', o), o).find((f) => f.id === 'istio.cost.sidecars')!;
    const runner = panel.state.$data as SceneQueryRunner;
    expect(runner.state.queries).toEqual([
      expect.objectContaining({
        expr: renderPromql(call('sort_desc', model.ast)),
        instant: true,
        legendFormat: '{{namespace}}',
      }),
    ]);
    expect(syntaxProblems(substituted(runner.state.queries[0].expr))).toEqual([]);
  });
});

describe('Latency', () => {
  test('the chart is a time series of the model’s p99 added per workload and its interval, as range queries', () => {
    const linkerd = byId('linkerd');
    const panel = latencyChart(linkerd, o, 'reporter-delta');
    sceneWith(['linkerd'], 'linkerd', new SceneFlexLayout({ children: [new SceneFlexItem({ body: panel })] }));
    const json = scenePanelJson(panel) as any;
    expect(json.type).toBe('timeseries');
    expect(json.fieldConfig.defaults.unit).toBe('ms');
    const want = renderPromql(
      addedLatency(
        linkerd.latency!,
        { ...o.latency, method: 'reporter-delta', quantile: 0.99 },
        sceneSelection('workload', o)
      )
    );
    // The p99 added and the two ends of its interval, drawn as a band (src/features/latency/intervalBand.test.ts).
    expect(json.targets.map((t: any) => [t.refId, t.range, t.instant])).toEqual([
      ['p99', true, false],
      ['p99_low', true, false],
      ['p99_high', true, false],
    ]);
    expect((panel.state.$data as SceneQueryRunner).state.queries[0].expr).toBe(want);
    expect(syntaxProblems(substituted(want))).toEqual([]);
  });

  test('each chosen mesh gets its chart above its table; a mesh without histograms says so', () => {
    const latency = new MeshLatency({ figureOptions: o });
    sceneWith(['istio', 'consul'], '$__all', latency);
    latency.activate();
    expect(panelsOf(latency.state.body!).map((p) => p.state.title)).toEqual([
      'Istio (sidecar): p99 latency added over time',
    ]);
  });
});

describe('a panel that tells the truth', () => {
  const panelWith = (data: Partial<PanelData>) =>
    new ExplainedPanel({
      panel: new VizPanel({
        pluginId: 'timeseries',
        title: 'Cost',
        // A fixed answer: a runner would run its (empty) query list on activation and replace it.
        $data: new SceneDataNode({
          data: { state: LoadingState.Done, series: [], timeRange: getDefaultTimeRange(), ...data },
        }),
      }),
      empty: 'No proxy of cart served requests in this time range.',
    });

  test('an empty answer says what was looked for, not "No data"', () => {
    const p = panelWith({});
    render(<p.Component model={p} />);
    expect(screen.getByText('Cost: nothing to show')).toBeInTheDocument();
    expect(screen.getByText('No proxy of cart served requests in this time range.')).toBeInTheDocument();
  });

  test('a failed query is named in the body with the data source’s message', () => {
    const p = panelWith({ errors: [{ refId: 'cost', message: 'bad_data: parse error' }] });
    render(<p.Component model={p} />);
    expect(screen.getByText('Cost: the query failed')).toBeInTheDocument();
    expect(screen.getByText('cost: bad_data: parse error')).toBeInTheDocument();
  });
});

test('the Breakdown says once how its costs are priced and over which window, and its tables carry the same basis', () => {
  const basis = sceneBasis({ ...DEFAULT_SETTINGS.options, averageOver: '7d' });
  const breakdown = new MeshBreakdown({ figureOptions: o, basis });
  sceneWith(['istio'], 'istio', breakdown);
  breakdown.activate();
  const [first] = breakdown.state.body!.state.children as SceneFlexItem[];
  render(<>{(first.state.body as SceneReactObject).state.reactNode}</>);
  // Scenes run instant queries: the line must not claim the Overview's mean over a span.
  expect(screen.getByText(/^Priced with .*instant, rates over 5m$/)).toBeInTheDocument();
  const tables = panelsOf(breakdown.state.body!).filter((p) => p.state.pluginId === 'meshtax-breakdown-panel');
  expect(tables.length).toBe(3);
  tables.forEach((p) => expect((p.state.options as { basis?: unknown }).basis).toEqual(basis));
});
