import React from 'react';
import type { EmbeddedScene } from '@grafana/scenes';
import { figureOptions } from '../../model/options/figureOptions';
import type { AppSettings } from '../../model/settings';
import { buildScenePage, ScenePage } from '../../shared/scenes/ScenePage';
import { meshTaxVariables, workloadVariable } from '../../shared/scenes/variables';
import { WorkloadDetail } from './WorkloadDetail';

export function buildWorkloadScene(settings: AppSettings): EmbeddedScene {
  const options = figureOptions(settings.options);
  return buildScenePage(
    meshTaxVariables(settings.defaultDatasourceUid, { meshes: options.meshes, extra: [workloadVariable()] }),
    new WorkloadDetail({ figureOptions: options })
  );
}

export function Workload({ settings }: { settings: AppSettings }) {
  return <ScenePage build={buildWorkloadScene} settings={settings} />;
}
