import React, { lazy } from 'react';
import type { SceneAppPage } from '@grafana/scenes';
import { ROUTES } from '../../constants';
import type { AppSettings } from '../../model/settings';
import { reactScene, scenesAppPage } from '../../shared/scenes/ScenePage';

const Alerts = lazy(() => import('./Alerts').then((m) => ({ default: m.Alerts })));

/** The Alerts page is a list and a form, no time range: a plain React body inside the app's SceneApp. */
export function alertsPage(settings: AppSettings): SceneAppPage {
  return scenesAppPage({
    title: 'Alerts',
    route: ROUTES.Alerts,
    build: () => reactScene(() => <Alerts settings={settings} />),
  });
}
