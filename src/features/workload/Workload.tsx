import React from 'react';
import type { EmbeddedScene } from '@grafana/scenes';
import { staticFigureOptions, type AppSettings } from '../../model/settings';
import { buildScenePage, ScenePage } from '../../shared/scenes/ScenePage';
import { meshTaxVariables, workloadVariable } from '../../shared/scenes/variables';
import { WorkloadDetail } from './WorkloadDetail';

export function buildWorkloadScene(settings: AppSettings): EmbeddedScene {
  const figureOptions = staticFigureOptions(settings);
  return buildScenePage(
    meshTaxVariables(settings.defaultDatasourceUid, { extra: [workloadVariable()] }),
    new WorkloadDetail({ figureOptions })
  );
}

export function Workload({ settings }: { settings: AppSettings }) {
  return <ScenePage build={buildWorkloadScene} settings={settings} />;
}
