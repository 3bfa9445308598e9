/**
 * Test-only: renders one nested panel plugin the way a dashboard would, inside @grafana/ui's PanelChrome,
 * with data from the Prometheus stand-in (./services.ts), not from Grafana's PanelQueryRunner.
 */
import React, { useEffect, useMemo, useState } from 'react';
import { merge } from 'lodash';
import {
  applyFieldOverrides,
  dateTime,
  EventBusSrv,
  type FieldConfigPropertyItem,
  type FieldConfigSource,
  LoadingState,
  type PanelData,
  type PanelPlugin,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
} from '@grafana/data';
import { config } from '@grafana/runtime';
import { PanelChrome } from '@grafana/ui';
import type { PanelSpec } from '../types';
import { errorMessage, hostPrometheus, interpolate } from './services';

const WIDTH = 900;
const HEIGHT = 420;

/**
 * Grafana core fills these registries from code that is not on npm. Without the option editors,
 * PanelOptionsEditorBuilder.addTextInput() and friends throw; without the standard field config items,
 * applyFieldOverrides drops fieldConfig.defaults. The stand-ins have no UI and pass each value through unchanged.
 */
export function installRegistryStandIns(): void {
  const editors = ['boolean', 'color', 'dashboard-uid', 'field-name', 'multi-select', 'number', 'radio', 'select'];
  editors.push('slider', 'strings', 'text', 'timezone', 'unit', 'links', 'mappings', 'thresholds', 'fieldColor');
  standardEditorsRegistry.setInit(() => editors.map((id) => ({ id, name: id, editor: () => null })));
  const fieldConfig = [
    'unit',
    'decimals',
    'min',
    'max',
    'displayName',
    'noValue',
    'color',
    'thresholds',
    'mappings',
    'links',
  ];
  standardFieldConfigEditorRegistry.setInit(() =>
    fieldConfig.map(
      (id) =>
        ({
          id,
          path: id,
          name: id,
          process: (value: unknown) => value,
          shouldApply: () => true,
          override: () => null,
          editor: () => null,
        }) as unknown as FieldConfigPropertyItem
    )
  );
}

export function PanelHost({
  plugin,
  spec,
  range,
}: {
  plugin: PanelPlugin;
  spec: PanelSpec;
  range: { from: number; to: number };
}) {
  const timeRange = useMemo(() => {
    const [from, to] = [dateTime(range.from), dateTime(range.to)];
    return { from, to, raw: { from, to } };
  }, [range]);
  const options = useMemo(() => merge({}, plugin.defaults, spec.options), [plugin, spec]);
  const fieldConfig = useMemo(
    () => merge({}, plugin.fieldConfigDefaults, spec.fieldConfig) as FieldConfigSource,
    [plugin, spec]
  );
  const eventBus = useMemo(() => new EventBusSrv(), []);
  const [data, setData] = useState<PanelData>({ state: LoadingState.Loading, series: [], timeRange });

  useEffect(() => {
    const request = {
      requestId: 'browser-host',
      app: 'dashboard',
      interval: '15s',
      intervalMs: 15000,
      maxDataPoints: WIDTH,
      range: timeRange,
      scopedVars: spec.variables,
      targets: spec.targets.map((t, i) => ({ refId: t.refId ?? String.fromCharCode(65 + i), ...t })),
      timezone: 'utc',
      startTime: Date.now(),
    };
    hostPrometheus
      .query(request)
      .then((res) => {
        const series = applyFieldOverrides({
          data: res.data,
          fieldConfig,
          fieldConfigRegistry: plugin.fieldConfigRegistry,
          replaceVariables: (value, scopedVars) => interpolate(value, { ...spec.variables, ...scopedVars }),
          theme: config.theme2,
          timeZone: 'utc',
        });
        setData({ state: LoadingState.Done, series, timeRange, request });
      })
      .catch((err: unknown) => {
        setData({ state: LoadingState.Error, series: [], timeRange, errors: [{ message: errorMessage(err) }] });
      });
  }, [plugin, spec, timeRange, fieldConfig]);

  const Panel = plugin.panel;
  if (!Panel) {
    throw new Error(`panel plugin ${spec.type} has no panel component`);
  }
  const done = data.state !== LoadingState.Loading;
  return (
    <div style={{ padding: 16 }} data-host-state={done ? 'done' : 'loading'}>
      <PanelChrome
        title={spec.title}
        width={WIDTH}
        height={HEIGHT}
        loadingState={data.state}
        statusMessage={data.errors?.[0]?.message}
      >
        {(innerWidth, innerHeight) => (
          <Panel
            id={1}
            title={spec.title}
            data={data}
            timeRange={timeRange}
            timeZone="utc"
            options={options}
            fieldConfig={fieldConfig}
            transparent={false}
            width={innerWidth}
            height={innerHeight}
            renderCounter={1}
            eventBus={eventBus}
            replaceVariables={(value, scopedVars) => interpolate(value, { ...spec.variables, ...scopedVars })}
            onOptionsChange={() => {}}
            onFieldConfigChange={() => {}}
            onChangeTimeRange={() => {}}
          />
        )}
      </PanelChrome>
    </div>
  );
}
