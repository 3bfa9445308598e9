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
  type SceneObject,
  type SceneVariableSet,
} from '@grafana/scenes';

/** The frame every scenes page shares: time range, variables, controls, URL-synced state. */
export function buildScenePage(variables: SceneVariableSet, body: SceneObject): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: 'now-6h', to: 'now' }),
    $variables: variables,
    controls: [
      new VariableValueSelectors({}),
      new SceneControlsSpacer(),
      new SceneTimePicker({}),
      new SceneRefreshPicker({}),
    ],
    body,
  });
}

/** Renders a scene built once per settings, inside the plugin page, with its state in the URL. */
export function ScenePage<T>({ build, settings }: { build: (settings: T) => EmbeddedScene; settings: T }) {
  const scene = useMemo(() => build(settings), [build, settings]);
  return (
    <PluginPage>
      <UrlSyncContextProvider scene={scene} updateUrlOnInit>
        <scene.Component model={scene} />
      </UrlSyncContextProvider>
    </PluginPage>
  );
}
