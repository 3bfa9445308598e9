import type { EmbeddedScene, SceneAppPage } from '@grafana/scenes';
import { ROUTES } from '../../constants';
import { figureOptions } from '../../model/options/figureOptions';
import type { AppSettings } from '../../model/settings';
import { buildScenePage, scenesAppPage } from '../../shared/scenes/ScenePage';
import { latencyMethodVariable, meshTaxVariables } from '../../shared/scenes/variables';
import { MeshLatency } from './MeshLatency';

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

export function latencyPage(settings: AppSettings): SceneAppPage {
  return scenesAppPage({ title: 'Latency', route: ROUTES.Latency, build: () => buildLatencyScene(settings) });
}
