import React from 'react';
import type { EmbeddedScene } from '@grafana/scenes';
import { figureOptions } from '../../model/options/figureOptions';
import type { AppSettings } from '../../model/settings';
import { MeshBreakdown } from './MeshBreakdown';
import { buildScenePage, ScenePage } from '../../shared/scenes/ScenePage';
import { meshTaxVariables } from '../../shared/scenes/variables';

export function buildBreakdownScene(settings: AppSettings): EmbeddedScene {
  // Scenes cannot probe for OpenCost before building queries: figureOptions prices "auto" at the flat rates.
  const options = figureOptions(settings.options);
  return buildScenePage(
    meshTaxVariables(settings.defaultDatasourceUid, { meshes: options.meshes }),
    new MeshBreakdown({ figureOptions: options })
  );
}

export function Breakdown({ settings }: { settings: AppSettings }) {
  return <ScenePage build={buildBreakdownScene} settings={settings} />;
}
