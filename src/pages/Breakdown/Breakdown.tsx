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
import { MeshBreakdown } from '../../scenes/MeshBreakdown';
import { meshTaxVariables } from '../../scenes/variables';

export function buildBreakdownScene(settings: AppSettings): EmbeddedScene {
  // Scenes cannot probe for OpenCost before building queries: "auto" prices at the flat rates here.
  const pricing = {
    ...pricingOf(settings),
    source: settings.pricingSource === 'opencost' ? ('opencost' as const) : ('flat' as const),
  };
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-6h', to: 'now' }),
    $variables: meshTaxVariables(settings.defaultDatasourceUid),
    controls: [
      new VariableValueSelectors({}),
      new SceneControlsSpacer(),
      new SceneTimePicker({}),
      new SceneRefreshPicker({}),
    ],
    body: new MeshBreakdown({
      figureOptions: {
        pricing,
        latency: { method: 'reporter-delta', quantile: 0.99 },
        idleRps: settings.idleRps,
        meshes: CATALOGUE,
      },
    }),
  });
}

export function Breakdown({ settings }: { settings: AppSettings }) {
  const scene = useMemo(() => buildBreakdownScene(settings), [settings]);
  return (
    <PluginPage>
      <UrlSyncContextProvider scene={scene} updateUrlOnInit>
        <scene.Component model={scene} />
      </UrlSyncContextProvider>
    </PluginPage>
  );
}
