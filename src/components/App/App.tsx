import React from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { ROUTES } from '../../constants';
import type { StoredSettings } from '../../model/options/types';
import { resolveStoredSettings } from '../../model/settings';
import { prefixRoute } from '../../utils/utils.routing';

const Breakdown = React.lazy(() =>
  import('../../features/breakdown/Breakdown').then((m) => ({ default: m.Breakdown }))
);
const Latency = React.lazy(() => import('../../features/latency/Latency').then((m) => ({ default: m.Latency })));
const Workload = React.lazy(() => import('../../features/workload/Workload').then((m) => ({ default: m.Workload })));
const Alerts = React.lazy(() => import('../../features/alerts/Alerts').then((m) => ({ default: m.Alerts })));
const QueryBuilder = React.lazy(() =>
  import('../../features/query-builder/QueryBuilder').then((m) => ({ default: m.QueryBuilder }))
);
const Overview = React.lazy(() => import('../../features/overview/Overview').then((m) => ({ default: m.Overview })));

function App(props: AppRootProps<StoredSettings>) {
  // Resolved once: every page reads the same options (invalid saved values fall back to their defaults).
  const settings = React.useMemo(() => resolveStoredSettings(props.meta.jsonData), [props.meta.jsonData]);
  return (
    <Routes>
      <Route path={ROUTES.Overview} element={<Overview settings={settings} />} />
      <Route path={ROUTES.Breakdown} element={<Breakdown settings={settings} />} />
      <Route path={ROUTES.Latency} element={<Latency settings={settings} />} />
      <Route path={ROUTES.Workload} element={<Workload settings={settings} />} />
      <Route path={ROUTES.QueryBuilder} element={<QueryBuilder settings={settings} />} />
      <Route path={ROUTES.Alerts} element={<Alerts settings={settings} />} />
      <Route path="*" element={<Navigate to={prefixRoute(ROUTES.Overview)} replace />} />
    </Routes>
  );
}

export default App;
