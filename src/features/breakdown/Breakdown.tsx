import type { EmbeddedScene, SceneAppPage } from '@grafana/scenes';
import { ROUTES } from '../../constants';
import { figureOptions } from '../../model/options/figureOptions';
import type { AppSettings } from '../../model/settings';
import { sceneBasis } from '../../shared/scenes/MeshScene';
import { buildScenePage, scenesAppPage } from '../../shared/scenes/ScenePage';
import { meshTaxVariables } from '../../shared/scenes/variables';
import { SHARED_URL_KEYS } from '../../utils/utils.routing';
import { workloadDrilldown } from '../workload/Workload';
import { MeshBreakdown } from './MeshBreakdown';

export function buildBreakdownScene(settings: AppSettings): EmbeddedScene {
  // Scenes cannot probe for OpenCost before building queries: figureOptions prices "auto" at the flat rates.
  const options = figureOptions(settings.options);
  return buildScenePage(
    meshTaxVariables(settings.defaultDatasourceUid, { meshes: options.meshes }),
    new MeshBreakdown({ figureOptions: options, basis: sceneBasis(settings.options) })
  );
}

/** Breakdown, with one workload's detail as its drill-down (Breakdown › Workload). */
export function breakdownPage(settings: AppSettings): SceneAppPage {
  return scenesAppPage({
    title: 'Breakdown',
    route: ROUTES.Breakdown,
    build: () => buildBreakdownScene(settings),
    drilldowns: [workloadDrilldown(settings)],
    // The breadcrumb back from a workload keeps the scope, not the workload.
    preserveUrlKeys: SHARED_URL_KEYS,
  });
}
