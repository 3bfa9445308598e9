import React from 'react';
import type { EmbeddedScene } from '@grafana/scenes';
import { figureOptions } from '../../model/options/figureOptions';
import type { AppSettings } from '../../model/settings';
import { MeshLatency } from './MeshLatency';
import { buildScenePage, ScenePage } from '../../shared/scenes/ScenePage';
import { latencyMethodVariable, meshTaxVariables } from '../../shared/scenes/variables';

export function buildLatencyScene(settings: AppSettings): EmbeddedScene {
  // The page's method variable starts at the configured method; the offset and quantile are the settings' own.
  const options = figureOptions(settings.options);
  return buildScenePage(
    meshTaxVariables(settings.defaultDatasourceUid, {
      meshes: options.meshes,
      extra: [latencyMethodVariable(settings.options.latency)],
    }),
    new MeshLatency({ figureOptions: options })
  );
}

export function Latency({ settings }: { settings: AppSettings }) {
  return <ScenePage build={buildLatencyScene} settings={settings} />;
}
