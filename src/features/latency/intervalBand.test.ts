import { createDataFrame, FieldType, getDefaultTimeRange, LoadingState, type DataFrame } from '@grafana/data';
import { setPluginImportUtils } from '@grafana/runtime';
import { SceneDataNode, type SceneQueryRunner } from '@grafana/scenes';
import { CATALOGUE } from '../../model/catalogue';
import { addedLatencyBound } from '../../model/latencyBounds';
import { render } from '../../model/promql/render';
import { DEFAULT_FIGURE_OPTIONS } from '../../model/figureSet';
import { scenePanelJson } from '../../shared/scenes/panelJson';
import { sceneSelection } from '../../shared/scenes/queries';
import { bandOverrides, seriesNames } from './intervalBand';
import { latencyChart } from './MeshLatency';

// Core panels never load in a unit test: the band is state, applied before (and without) the plugin.
setPluginImportUtils({ importPanelPlugin: () => new Promise(() => {}), getPanelPluginFromCache: () => undefined });

/** A series as Grafana's Prometheus data source hands it: the legend-formatted name in displayNameFromDS. */
const series = (name: string): DataFrame =>
  createDataFrame({
    fields: [
      { name: 'Time', type: FieldType.time, values: [0, 15000] },
      { name: 'Value', type: FieldType.number, values: [1, 2], config: { displayNameFromDS: name } },
    ],
  });

const props = (overrides: ReturnType<typeof bandOverrides>, name: string) =>
  Object.fromEntries(overrides.find((o) => o.matcher.options === name)?.properties.map((p) => [p.id, p.value]) ?? []);

test('each line with both interval ends gets a band: upper fills below to lower, one colour, edges hidden', () => {
  const o = bandOverrides(['shop/cart', 'shop/cart lower', 'shop/cart upper', 'shop/frontend', 'shop/api lower']);
  expect(o.map((x) => x.matcher)).toEqual([
    { id: 'byName', options: 'shop/cart' },
    { id: 'byName', options: 'shop/cart upper' },
    { id: 'byName', options: 'shop/cart lower' },
  ]);
  const upper = props(o, 'shop/cart upper');
  // Grafana's property ids (public/app/core/components/TimeSeries/utils.ts reads custom.fillBelowTo by series name).
  expect(upper['custom.fillBelowTo']).toBe('shop/cart lower');
  expect(upper['custom.lineWidth']).toBe(0);
  expect(upper['custom.hideFrom']).toEqual({ legend: true, tooltip: false, viz: false });
  expect(props(o, 'shop/cart lower')['custom.fillBelowTo']).toBeUndefined();
  expect(props(o, 'shop/cart').color).toEqual(upper.color);
});

test('series names are the display names Grafana gives them', () => {
  expect(seriesNames([series('shop/cart'), series('shop/cart upper')])).toEqual(['shop/cart', 'shop/cart upper']);
});

test('the Latency chart draws its band from the answer, and exports it in its panel JSON', () => {
  const istio = CATALOGUE.find((m) => m.id === 'istio')!;
  const panel = latencyChart(istio, DEFAULT_FIGURE_OPTIONS, 'reporter-delta');
  const queries = (panel.state.$data as SceneQueryRunner).state.queries as Array<{ refId: string; expr: string }>;
  const s = sceneSelection('workload', DEFAULT_FIGURE_OPTIONS);
  const lo = { ...DEFAULT_FIGURE_OPTIONS.latency, method: 'reporter-delta' as const, quantile: 0.99 };
  expect(queries.find((q) => q.refId === 'p99_low')?.expr).toBe(
    render(addedLatencyBound(istio.latency!, lo, s, 'lower'))
  );
  expect(queries.find((q) => q.refId === 'p99_high')?.expr).toBe(
    render(addedLatencyBound(istio.latency!, lo, s, 'upper'))
  );
  // A negative lower end must show: no minimum at 0.
  expect(panel.state.fieldConfig.defaults.min).toBeUndefined();

  const names = ['shop/cart', 'shop/cart lower', 'shop/cart upper'];
  panel.setState({
    $data: new SceneDataNode({
      data: { state: LoadingState.Done, series: names.map(series), timeRange: getDefaultTimeRange() },
    }),
  });
  panel.activate();
  const json = scenePanelJson(panel) as any;
  expect(json.fieldConfig.overrides).toEqual(bandOverrides(names));
  expect(json.fieldConfig.overrides).toHaveLength(3);
});
