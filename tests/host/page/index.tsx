/**
 * Test-only browser host entry: loads the built plugin from /public/plugins/<id>/ with SystemJS, as Grafana
 * does, and renders either the app root (/a/<id>/...) or one nested panel (/host/panel/<n>).
 */
import React, { Component, type ReactNode, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { type Location, Route, Router, Routes, useLocation } from 'react-router';
import {
  type AppPlugin,
  type AppPluginMeta,
  type PanelPlugin,
  PluginContextProvider,
  ThemeContext,
} from '@grafana/data';
import { config, locationService, LocationServiceProvider, setPluginImportUtils } from '@grafana/runtime';
import { GlobalStyles } from '@grafana/ui';
import { formatFigure } from '../../../src/utils/utils.units';
import type { HostBoot } from '../types';
import { CORE_PANEL_IDS, corePanelStandIn } from './corePanels';
import { installRegistryStandIns, PanelHost } from './PanelHost';
import { initI18n } from './grafanaBoot';
import { installServices } from './services';
import { registerSharedModules, sharedModules, unmappedImports } from './shared';

declare global {
  interface Window {
    meshtaxHost: HostBoot;
    /** Read by the runner: the names the host shares, and bare imports it refused. */
    meshtaxHostShared: { names: string[]; unmapped: string[] };
    /** The plugin's own formatter, for the runner's figure checks (tests/host/checks.ts). */
    meshtaxHostFormatFigure: typeof formatFigure;
  }
}

const host = window.meshtaxHost;
const root = document.getElementById('host-root')!;
window.meshtaxHostShared = { names: Object.keys(sharedModules), unmapped: unmappedImports };
window.meshtaxHostFormatFigure = formatFigure;

function setState(state: 'rendered' | 'error', message?: string) {
  root.dataset.hostState = state;
  if (message) {
    root.dataset.hostError = message;
  }
}

async function importPlugin<T>(url: string): Promise<T> {
  const mod = await System.import(url);
  if (!mod.plugin) {
    throw new Error(`${url} exports no "plugin"`);
  }
  return mod.plugin as T;
}

// Nested panels by id, for scenes' VizPanel (setPluginImportUtils) as well as the panel pages.
const panelCache = new Map<string, PanelPlugin>();
async function importPanelPlugin(id: string): Promise<PanelPlugin> {
  const cached = panelCache.get(id);
  if (cached) {
    return cached;
  }
  const meta = config.panels[id];
  let plugin: PanelPlugin;
  if (meta) {
    plugin = await importPlugin<PanelPlugin>(`/${meta.module}`);
    plugin.meta = meta;
  } else if (CORE_PANEL_IDS.includes(id)) {
    plugin = corePanelStandIn(id);
  } else {
    throw new Error(`browser host: no panel plugin "${id}"`);
  }
  panelCache.set(id, plugin);
  return plugin;
}

class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch(error: Error) {
    setState('error', error.message);
  }
  render() {
    return this.state.error ? <pre>browser host error boundary: {this.state.error.message}</pre> : this.props.children;
  }
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      <LocationServiceProvider service={locationService}>
        <ErrorBoundary>{children}</ErrorBoundary>
      </LocationServiceProvider>
    </ThemeContext.Provider>
  );
}

/** A v6 Router driven by Grafana's own history object, as Grafana does with react-router-dom-v5-compat. */
function HostRouter({ children }: { children: ReactNode }) {
  // history v4 (untyped here): its location has the fields a v6 Location needs.
  const history = locationService.getHistory();
  const [location, setLocation] = useState<Location>(history.location);
  useLayoutEffect(() => history.listen((next: Location) => setLocation(next)), [history]);
  return (
    <Router navigator={history} location={location}>
      {children}
    </Router>
  );
}

function AppRoot({ plugin, meta }: { plugin: AppPlugin; meta: AppPluginMeta }) {
  const location = useLocation();
  const Root = plugin.root;
  if (!Root) {
    throw new Error('app plugin has no root page');
  }
  return (
    <PluginContextProvider meta={meta}>
      <Root
        meta={meta}
        basename={`/a/${meta.id}`}
        path={location.pathname}
        query={Object.fromEntries(new URLSearchParams(location.search))}
        onNavChanged={() => {}}
      />
    </PluginContextProvider>
  );
}

async function main() {
  registerSharedModules();
  await installServices();
  installRegistryStandIns();
  setPluginImportUtils({ importPanelPlugin, getPanelPluginFromCache: (id) => panelCache.get(id) });
  await initI18n();

  let view: ReactNode;
  if (host.panel) {
    const plugin = await importPanelPlugin(host.panel.type);
    view = <PanelHost plugin={plugin} spec={host.panel} range={host.range} />;
  } else {
    const meta = host.appMeta as unknown as AppPluginMeta;
    const plugin = await importPlugin<AppPlugin>(`/${meta.module}`);
    plugin.init(meta);
    plugin.meta = meta;
    view = (
      <HostRouter>
        <Routes>
          <Route path="/a/:pluginId/*" element={<AppRoot plugin={plugin} meta={meta} />} />
        </Routes>
      </HostRouter>
    );
  }
  createRoot(root).render(<Shell>{view}</Shell>);
  setState('rendered');
}

main().catch((err: Error) => {
  setState('error', err.message);
  console.error('browser host failed to load the plugin:', err);
});
