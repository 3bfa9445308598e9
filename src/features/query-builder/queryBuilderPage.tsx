import React, { Suspense, lazy, useMemo } from 'react';
import {
  SceneObjectBase,
  sceneGraph,
  type SceneAppPage,
  type SceneComponentProps,
  type SceneObjectState,
} from '@grafana/scenes';
import { LoadingPlaceholder } from '@grafana/ui';
import { ROUTES } from '../../constants';
import type { AppSettings } from '../../model/settings';
import { buildScenePage, scenesAppPage } from '../../shared/scenes/ScenePage';

const QueryBuilder = lazy(() => import('./QueryBuilder').then((m) => ({ default: m.QueryBuilder })));

interface BuilderSceneState extends SceneObjectState {
  settings: AppSettings;
}

/**
 * The builder as a scene object: its form stays React (its state lives in the URL, see model/builder/state.ts), but
 * its time range is the scene's, so the page has Grafana's time picker and refresh like every other page.
 */
export class BuilderScene extends SceneObjectBase<BuilderSceneState> {
  static Component = BuilderSceneRenderer;
}

function BuilderSceneRenderer({ model }: SceneComponentProps<BuilderScene>) {
  const { settings } = model.useState();
  const { value } = sceneGraph.getTimeRange(model).useState();
  const from = value.from.unix();
  const to = value.to.unix();
  const range = useMemo(() => ({ from, to }), [from, to]);
  return (
    <Suspense fallback={<LoadingPlaceholder text="" />}>
      <QueryBuilder settings={settings} range={range} />
    </Suspense>
  );
}

export function queryBuilderPage(settings: AppSettings): SceneAppPage {
  return scenesAppPage({
    title: 'Query builder',
    route: ROUTES.QueryBuilder,
    // The builder previews the last hour by default (a range query per figure keystroke stays cheap).
    build: () => buildScenePage(undefined, new BuilderScene({ settings }), { from: 'now-1h', to: 'now' }),
  });
}
