import React from 'react';
import { Navigate, Route, Routes, useLocation, useParams } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import type { SceneApp } from '@grafana/scenes';
import { LEGACY_WORKLOAD_ROUTE, ROUTES } from '../../constants';
import type { StoredSettings } from '../../model/options/types';
import { resolveStoredSettings } from '../../model/settings';
import { legacyWorkloadRedirect, prefixRoute } from '../../utils/utils.routing';
import { buildMeshTaxApp } from './meshTaxApp';

const TOP_LEVEL = new Set(Object.values(ROUTES).map((r) => r.split('/')[0]));

/** The old workload URL (`/workload?var-…`) opens the drill-down with the same parameters. */
function LegacyWorkload() {
  return <Navigate to={legacyWorkloadRedirect(useLocation().search)} replace />;
}

/** A path the SceneApp has no page for goes to the Overview (SceneApp itself would render nothing). */
function Pages({ app }: { app: SceneApp }) {
  const first = (useParams()['*'] ?? '').split('/')[0];
  return TOP_LEVEL.has(first) ? <app.Component model={app} /> : <Navigate to={prefixRoute(ROUTES.Overview)} replace />;
}

function App(props: AppRootProps<StoredSettings>) {
  // Resolved once: every page reads the same options (invalid saved values fall back to their defaults).
  const settings = React.useMemo(() => resolveStoredSettings(props.meta.jsonData), [props.meta.jsonData]);
  const app = React.useMemo(() => buildMeshTaxApp(settings), [settings]);
  return (
    <Routes>
      <Route path={LEGACY_WORKLOAD_ROUTE} element={<LegacyWorkload />} />
      <Route path="*" element={<Pages app={app} />} />
    </Routes>
  );
}

export default App;
