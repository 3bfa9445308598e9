import type { EmbeddedScene, SceneAppPage } from '@grafana/scenes';
import { ROUTES } from '../../constants';
import type { AppSettings } from '../../model/settings';
import { buildScenePage, scenesAppPage } from '../../shared/scenes/ScenePage';
import { meshTaxVariables } from '../../shared/scenes/variables';
import { MeshOverview } from './MeshOverview';
import { OVERVIEW_DEFAULT_RANGE } from './reportInput';

/** Every detected mesh at once, so no mesh variable: data source, cluster and namespace scope the report. */
export function buildOverviewScene(settings: AppSettings): EmbeddedScene {
  return buildScenePage(
    meshTaxVariables(settings.defaultDatasourceUid, { mesh: false }),
    new MeshOverview({ settings }),
    // A week by default: the trends and charts show a weekly cycle, as Kubecost's default window does.
    OVERVIEW_DEFAULT_RANGE
  );
}

export function overviewPage(settings: AppSettings): SceneAppPage {
  return scenesAppPage({ title: 'Overview', route: ROUTES.Overview, build: () => buildOverviewScene(settings) });
}
