/**
 * The interval around a quantile added, drawn as a band on Grafana's time series panel (issue #16 §3): for each line
 * "X" with companions "X lower" and "X upper", the upper series fills down to the lower one. Grafana pairs a band by
 * series name only (`fillBelowTo` in public/app/core/components/TimeSeries/utils.ts matches a field's name, its
 * displayNameFromDS or its display name), and the workloads are known only once data arrives, so the overrides are
 * derived from the answer's series names each time it changes.
 */
import { FieldType, getFieldDisplayName, type DataFrame, type FieldConfigSource } from '@grafana/data';
import { sceneGraph, type VizPanel } from '@grafana/scenes';
import { BAND_SUFFIX } from './latencyQueries';

// Grafana's named palette colours: a line and its band share one, so each workload's band reads as its own.
const COLORS = ['green', 'yellow', 'blue', 'orange', 'red', 'purple', 'dark-green', 'dark-blue', 'dark-orange'];
const BAND_OPACITY = 15;

type Override = FieldConfigSource['overrides'][number];

const byName = (name: string) => ({ id: 'byName', options: name });

/** The fill-below-to overrides for every line whose lower and upper series are both present. */
export function bandOverrides(names: string[]): Override[] {
  const present = new Set(names);
  const lines = [...present]
    .filter((n) => present.has(n + BAND_SUFFIX.lower) && present.has(n + BAND_SUFFIX.upper))
    .sort();
  return lines.flatMap((line, i) => {
    const color = { id: 'color', value: { mode: 'fixed', fixedColor: COLORS[i % COLORS.length] } };
    const edge = [
      color,
      { id: 'custom.lineWidth', value: 0 },
      { id: 'custom.hideFrom', value: { legend: true, tooltip: false, viz: false } },
    ];
    return [
      { matcher: byName(line), properties: [color] },
      {
        matcher: byName(line + BAND_SUFFIX.upper),
        properties: [
          ...edge,
          { id: 'custom.fillBelowTo', value: line + BAND_SUFFIX.lower },
          { id: 'custom.fillOpacity', value: BAND_OPACITY },
        ],
      },
      { matcher: byName(line + BAND_SUFFIX.lower), properties: edge },
    ];
  });
}

/** Every value field's display name, as Grafana's panels name series. */
export function seriesNames(frames: DataFrame[]): string[] {
  return frames.flatMap((frame) =>
    frame.fields.filter((f) => f.type === FieldType.number).map((f) => getFieldDisplayName(f, frame, frames))
  );
}

/** Keeps the panel's band overrides in step with its data; the panel's own overrides stay first. */
export function withIntervalBand(panel: VizPanel): VizPanel {
  const own = panel.state.fieldConfig.overrides;
  panel.addActivationHandler(() => {
    const data = sceneGraph.getData(panel);
    const apply = () => {
      const overrides = [...own, ...bandOverrides(seriesNames(data.state.data?.series ?? []))];
      if (JSON.stringify(overrides) === JSON.stringify(panel.state.fieldConfig.overrides)) {
        return;
      }
      const fieldConfig = { ...panel.state.fieldConfig, overrides };
      // Once the plugin is loaded, onFieldConfigChange re-applies the config to the data it already has; before, the
      // plugin's load applies the state's config itself (and onFieldConfigChange would need its defaults).
      if (panel.getPlugin()) {
        panel.onFieldConfigChange(fieldConfig, true);
      } else {
        panel.setState({ fieldConfig });
      }
    };
    apply();
    const sub = data.subscribeToState(apply);
    return () => sub.unsubscribe();
  });
  return panel;
}
