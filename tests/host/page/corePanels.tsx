/**
 * Test-only stand-ins for Grafana's core panels (timeseries, stat, table, ...). They live in Grafana's own
 * source, not on npm, so when a scenes VizPanel asks for one the host renders this plain list of each
 * series' last value instead, clearly labelled. Screenshots of app pages show these where Grafana would
 * draw its real visualisations; our own nested panels always render for real.
 */
import React from 'react';
import {
  formattedValueToString,
  getDisplayProcessor,
  getFieldDisplayName,
  FieldType,
  PanelPlugin,
  type PanelPluginMeta,
  type PanelProps,
  PluginType,
} from '@grafana/data';
import { config } from '@grafana/runtime';

export const CORE_PANEL_IDS = ['timeseries', 'stat', 'table', 'gauge', 'bargauge', 'barchart', 'piechart', 'text'];

function CorePanelStandIn({ data, options, height }: PanelProps<{ content?: string }>) {
  const rows = data.series.flatMap((frame) =>
    frame.fields
      .filter((field) => field.type === FieldType.number)
      .map((field) => {
        const display = field.display ?? getDisplayProcessor({ field, theme: config.theme2 });
        const last = field.values[field.values.length - 1];
        return { name: getFieldDisplayName(field, frame, data.series), value: formattedValueToString(display(last)) };
      })
  );
  return (
    <div style={{ height, overflow: 'auto', fontSize: 12 }}>
      <em>[browser host stand-in for a Grafana core panel]</em>
      {options.content && <pre>{options.content}</pre>}
      {rows.map((row, i) => (
        <div key={i}>
          {row.name}: <strong>{row.value}</strong>
        </div>
      ))}
    </div>
  );
}

export function corePanelStandIn(id: string): PanelPlugin {
  const plugin = new PanelPlugin(CorePanelStandIn).useFieldConfig();
  plugin.meta = {
    id,
    name: `${id} (browser host stand-in)`,
    type: PluginType.panel,
    module: `core:plugin/${id}`,
    baseUrl: '',
    sort: 0,
    info: { version: config.buildInfo.version, author: { name: 'test host' }, logos: { small: '', large: '' } },
  } as unknown as PanelPluginMeta;
  return plugin;
}
