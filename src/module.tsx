import React, { Suspense, lazy } from 'react';
import { AppPlugin, type AppRootProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import type { AppConfigProps } from './features/config/AppConfig';

/**
 * The app's scenes bundle their own @grafana/i18n. Grafana has initialised the shared i18next before any plugin
 * loads, so that copy never sets its translate function and warns on every t() until the plugin initialises it
 * (logs-drilldown does the same before its lazy imports). Found by the browser host under React's development build.
 */
async function withTranslations<T>(load: () => Promise<T>): Promise<T> {
  const [{ initPluginTranslations }, { PLUGIN_ID }] = await Promise.all([
    import('@grafana/i18n'),
    import('./constants'),
  ]);
  await initPluginTranslations(PLUGIN_ID);
  return load();
}

const LazyApp = lazy(() => withTranslations(() => import('./components/App/App')));
const LazyAppConfig = lazy(() => withTranslations(() => import('./features/config/AppConfig')));

const App = (props: AppRootProps) => (
  <Suspense fallback={<LoadingPlaceholder text="" />}>
    <LazyApp {...props} />
  </Suspense>
);

const AppConfig = (props: AppConfigProps) => (
  <Suspense fallback={<LoadingPlaceholder text="" />}>
    <LazyAppConfig {...props} />
  </Suspense>
);

export const plugin = new AppPlugin<{}>().setRootPage(App).addConfigPage({
  title: 'Configuration',
  icon: 'cog',
  body: AppConfig,
  id: 'configuration',
});
