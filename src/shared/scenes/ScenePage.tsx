import React, { Suspense } from 'react';
import {
  EmbeddedScene,
  SceneAppPage,
  SceneControlsSpacer,
  SceneReactObject,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  VariableValueSelectors,
  type SceneAppDrilldownView,
  type SceneObject,
  type SceneVariableSet,
} from '@grafana/scenes';
import { LoadingPlaceholder } from '@grafana/ui';
import { prefixRoute } from '../../utils/utils.routing';

/** The frame every scenes page shares: time range, variables, controls, URL-synced state. */
export function buildScenePage(
  variables: SceneVariableSet | undefined,
  body: SceneObject,
  range = { from: 'now-6h', to: 'now' }
): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange(range),
    $variables: variables,
    controls: [
      ...(variables ? [new VariableValueSelectors({}), new SceneControlsSpacer()] : []),
      new SceneTimePicker({}),
      new SceneRefreshPicker({}),
    ],
    body,
  });
}

/** A React page inside a scene (no time range or variables of its own), loaded on first visit. */
export function reactScene(Component: React.ComponentType): EmbeddedScene {
  const component = () => (
    <Suspense fallback={<LoadingPlaceholder text="" />}>
      <Component />
    </Suspense>
  );
  return new EmbeddedScene({ body: new SceneReactObject({ component }) });
}

interface PageSpec {
  /** The page's name in plugin.json (Grafana's nav shows that one; the page title shows this). */
  title: string;
  /** A ROUTES value. */
  route: string;
  build: () => EmbeddedScene;
  drilldowns?: SceneAppDrilldownView[];
  preserveUrlKeys?: string[];
}

/**
 * One page of the app's SceneApp. The scene is built on first visit (SceneAppPage caches it per URL path). Every page
 * matches its sub-paths (`<route>/*`): SceneAppPage renders its own routes (drill-downs, a not-found fallback), and
 * react-router 6 needs the parent route to end in `*` for those to match.
 */
export function scenesAppPage({ title, route, build, drilldowns, preserveUrlKeys }: PageSpec): SceneAppPage {
  return new SceneAppPage({
    title,
    url: prefixRoute(route),
    routePath: `${route}/*`,
    getScene: build,
    drilldowns,
    preserveUrlKeys,
  });
}
