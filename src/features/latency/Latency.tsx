import React from 'react';
import type { EmbeddedScene } from '@grafana/scenes';
import { CATALOGUE } from '../../model/catalogue';
import { pricingOf, type AppSettings } from '../../model/settings';
import { MeshLatency } from './MeshLatency';
import { buildScenePage, ScenePage } from '../../shared/scenes/ScenePage';
import { latencyMethodVariable, meshTaxVariables } from '../../shared/scenes/variables';

export function buildLatencyScene(settings: AppSettings): EmbeddedScene {
  const figureOptions = {
    pricing: { ...pricingOf(settings), source: 'flat' as const },
    latency: { method: 'reporter-delta' as const, quantile: 0.99 },
    idleRps: settings.idleRps,
    meshes: CATALOGUE,
  };
  return buildScenePage(
    meshTaxVariables(settings.defaultDatasourceUid, { extra: [latencyMethodVariable()] }),
    new MeshLatency({ figureOptions })
  );
}

export function Latency({ settings }: { settings: AppSettings }) {
  return <ScenePage build={buildLatencyScene} settings={settings} />;
}
