import React from 'react';
import type { EmbeddedScene } from '@grafana/scenes';
import { CATALOGUE } from '../../model/catalogue';
import { pricingOf, type AppSettings } from '../../model/settings';
import { buildScenePage, ScenePage } from '../../scenes/ScenePage';
import { meshTaxVariables, workloadVariable } from '../../scenes/variables';
import { WorkloadDetail } from '../../scenes/WorkloadDetail';

export function buildWorkloadScene(settings: AppSettings): EmbeddedScene {
  // As on the breakdown: scenes cannot probe for OpenCost first, so "auto" prices at the flat rates.
  const figureOptions = {
    pricing: {
      ...pricingOf(settings),
      source: settings.pricingSource === 'opencost' ? ('opencost' as const) : ('flat' as const),
    },
    latency: { method: 'reporter-delta' as const, quantile: 0.99 },
    idleRps: settings.idleRps,
    meshes: CATALOGUE,
  };
  return buildScenePage(
    meshTaxVariables(settings.defaultDatasourceUid, { extra: [workloadVariable()] }),
    new WorkloadDetail({ figureOptions })
  );
}

export function Workload({ settings }: { settings: AppSettings }) {
  return <ScenePage build={buildWorkloadScene} settings={settings} />;
}
