import React from 'react';
import type { EmbeddedScene } from '@grafana/scenes';
import type { AppSettings } from '../../model/settings';
import { MeshOverview } from './MeshOverview';
import { buildScenePage, ScenePage } from '../../shared/scenes/ScenePage';
import { meshTaxVariables } from '../../shared/scenes/variables';

/** Every detected mesh at once, so no mesh variable: data source, cluster and namespace scope the report. */
export function buildOverviewScene(settings: AppSettings): EmbeddedScene {
  return buildScenePage(
    meshTaxVariables(settings.defaultDatasourceUid, { mesh: false }),
    new MeshOverview({ settings })
  );
}

export function Overview({ settings }: { settings: AppSettings }) {
  return <ScenePage build={buildOverviewScene} settings={settings} />;
}
