import { SceneAppPage, type EmbeddedScene, type SceneAppDrilldownView } from '@grafana/scenes';
import { ROUTES, WORKLOAD_DRILLDOWN } from '../../constants';
import { figureOptions } from '../../model/options/figureOptions';
import type { AppSettings } from '../../model/settings';
import { sceneBasis } from '../../shared/scenes/MeshScene';
import { buildScenePage } from '../../shared/scenes/ScenePage';
import { meshTaxVariables } from '../../shared/scenes/variables';
import { prefixRoute, SHARED_URL_KEYS } from '../../utils/utils.routing';
import { ProxyWorkloadVariable } from './ProxyWorkloadVariable';
import { WorkloadDetail } from './WorkloadDetail';

export function buildWorkloadScene(settings: AppSettings): EmbeddedScene {
  const options = figureOptions(settings.options);
  return buildScenePage(
    meshTaxVariables(settings.defaultDatasourceUid, {
      meshes: options.meshes,
      extra: [new ProxyWorkloadVariable(options)],
    }),
    new WorkloadDetail({ figureOptions: options, basis: sceneBasis(settings.options) })
  );
}

/** One workload's proxies, a drill-down of the Breakdown: /a/<app>/breakdown/workload?var-workload=<name>. */
export function workloadDrilldown(settings: AppSettings): SceneAppDrilldownView {
  // `/*`: the drill-down page renders its own routes too (see scenesAppPage).
  return {
    routePath: `${WORKLOAD_DRILLDOWN}/*`,
    getPage: (_match, parent) =>
      new SceneAppPage({
        title: 'Workload',
        url: prefixRoute(ROUTES.Workload),
        routePath: `${WORKLOAD_DRILLDOWN}/*`,
        getParentPage: () => parent,
        getScene: () => buildWorkloadScene(settings),
        preserveUrlKeys: [...SHARED_URL_KEYS, 'var-workload'],
      }),
  };
}
