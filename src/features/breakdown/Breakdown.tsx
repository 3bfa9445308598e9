import React from 'react';
import type { EmbeddedScene } from '@grafana/scenes';
import { CATALOGUE } from '../../model/catalogue';
import { pricingOf, type AppSettings } from '../../model/settings';
import { MeshBreakdown } from './MeshBreakdown';
import { buildScenePage, ScenePage } from '../../shared/scenes/ScenePage';
import { meshTaxVariables } from '../../shared/scenes/variables';

export function buildBreakdownScene(settings: AppSettings): EmbeddedScene {
  // Scenes cannot probe for OpenCost before building queries: "auto" prices at the flat rates here.
  const pricing = {
    ...pricingOf(settings),
    source: settings.pricingSource === 'opencost' ? ('opencost' as const) : ('flat' as const),
  };
  const figureOptions = {
    pricing,
    latency: { method: 'reporter-delta' as const, quantile: 0.99 },
    idleRps: settings.idleRps,
    meshes: CATALOGUE,
  };
  return buildScenePage(meshTaxVariables(settings.defaultDatasourceUid), new MeshBreakdown({ figureOptions }));
}

export function Breakdown({ settings }: { settings: AppSettings }) {
  return <ScenePage build={buildBreakdownScene} settings={settings} />;
}
