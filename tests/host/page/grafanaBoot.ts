/**
 * Test-only: the parts of Grafana's own boot that a runtime needs before any plugin loads, through each runtime's
 * public API. Which parts exist depends on the runtime (12.4 has neither of the 13.x ones), so they are looked up
 * by name rather than imported: the page's source typechecks against the root tree (12.4), and the bundle for each
 * runtime gets what that runtime has.
 */
import type { DataSourceApi, DataSourceInstanceSettings } from '@grafana/data';
import { initPluginTranslations } from '@grafana/i18n';
import * as runtimeUnstable from '@grafana/runtime/unstable';

type RuntimeDataSource = DataSourceApi & { instanceSettings: DataSourceInstanceSettings };
type Unstable13 = {
  initializeLoggersRegistry?: () => void;
  registerRuntimeDataSourceInstance?: (entry: { dataSource: RuntimeDataSource }) => void;
  reloadDataSourceInstanceSettings?: () => Promise<void>;
};
const unstable = runtimeUnstable as unknown as Unstable13;

/**
 * Grafana core initialises its @grafana/i18n (namespace `grafana`) before plugins load; @grafana/ui's t() then
 * has its translate function. Initialising bare i18next instead leaves @grafana/i18n without one, and it warns
 * (and throws in React's development build) on the first t().
 */
export async function initI18n(): Promise<void> {
  await initPluginTranslations('grafana');
}

/**
 * Grafana 13's @grafana/runtime looks data sources up through its own registry first (getDataSourceInstance) and
 * only then falls back to DataSourceSrv, warning through a logger registry core fills at boot. Stand in for that
 * boot: the loggers, our Prometheus as a runtime data source instance (the public way to put an instance in its
 * cache), and the settings by name and default from /api/frontend/settings, as core's reload does. Must run after
 * setBackendSrv and before setDataSourceSrv: with a DataSourceSrv set, the reload only reloads that.
 */
export async function initDataSourceRegistry(dataSource: RuntimeDataSource, settings: DataSourceInstanceSettings) {
  unstable.initializeLoggersRegistry?.();
  if (unstable.registerRuntimeDataSourceInstance && unstable.reloadDataSourceInstanceSettings) {
    if (dataSource.uid !== settings.uid) {
      throw new Error('browser host: the registered data source must be the one the settings describe');
    }
    unstable.registerRuntimeDataSourceInstance({ dataSource });
    await unstable.reloadDataSourceInstanceSettings();
  }
}
