import React, { useMemo } from 'react';
import { PluginPage } from '@grafana/runtime';
import {
  EmbeddedScene,
  SceneControlsSpacer,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  UrlSyncContextProvider,
  VariableValueSelectors,
} from '@grafana/scenes';
import { CATALOGUE } from '../../model/catalogue';
import { pricingOf, type AppSettings } from '../../model/settings';
import { MeshLatency } from '../../scenes/MeshLatency';
import { latencyMethodVariable, meshTaxVariables } from '../../scenes/variables';

export function buildLatencyScene(settings: AppSettings): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-6h', to: 'now' }),
    $variables: meshTaxVariables(settings.defaultDatasourceUid, [latencyMethodVariable()]),
    controls: [
      new VariableValueSelectors({}),
      new SceneControlsSpacer(),
      new SceneTimePicker({}),
      new SceneRefreshPicker({}),
    ],
    body: new MeshLatency({
      figureOptions: {
        pricing: { ...pricingOf(settings), source: 'flat' },
        latency: { method: 'reporter-delta', quantile: 0.99 },
        idleRps: settings.idleRps,
        meshes: CATALOGUE,
      },
    }),
  });
}

export function Latency({ settings }: { settings: AppSettings }) {
  const scene = useMemo(() => buildLatencyScene(settings), [settings]);
  return (
    <PluginPage>
      <UrlSyncContextProvider scene={scene} updateUrlOnInit>
        <scene.Component model={scene} />
      </UrlSyncContextProvider>
    </PluginPage>
  );
}
