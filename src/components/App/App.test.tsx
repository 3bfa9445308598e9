import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { PluginType, type AppRootProps } from '@grafana/data';
import { render, screen, waitFor } from '@testing-library/react';
import { locationService, LocationServiceProvider } from '@grafana/runtime';
import App from './App';

jest.mock('../../services/prometheus', () => ({ dsInstantQuery: jest.fn(), dsTrend: jest.fn() }));
// A Grafana with no data sources at all: the scene's data source variable finds no Prometheus.
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
  getDataSourceSrv: () => ({ getList: () => [], getInstanceSettings: () => undefined, get: () => Promise.reject() }),
}));

const props = {
  basename: 'a/meshtax-overhead-app',
  meta: { id: 'meshtax-overhead-app', name: 'Mesh Tax', type: PluginType.app, enabled: true, jsonData: {} },
  query: {},
  path: '',
  onNavChanged: jest.fn(),
} as unknown as AppRootProps;

function Location() {
  const { pathname, search } = useLocation();
  return <output data-testid="location">{pathname + search}</output>;
}

/** Mounted as Grafana mounts an app: under /a/<plugin id>/, routes relative to it. */
function renderAt(url: string) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <LocationServiceProvider service={locationService}>
        <Routes>
          <Route path="/a/:pluginId/*" element={<App {...props} />} />
        </Routes>
        <Location />
      </LocationServiceProvider>
    </MemoryRouter>
  );
}

test('without a Prometheus data source the overview says what to do', async () => {
  renderAt('/a/meshtax-overhead-app/overview');
  expect(await screen.findByText(/No Prometheus data source/, {}, { timeout: 3000 })).toBeInTheDocument();
});

test('the old workload URL opens the drill-down with the same parameters', async () => {
  renderAt('/a/meshtax-overhead-app/workload?var-namespace=shop&var-workload=cart');
  await waitFor(() =>
    expect(screen.getByTestId('location').textContent).toMatch(
      /^\/a\/meshtax-overhead-app\/breakdown\/workload\?var-namespace=shop&var-workload=cart/
    )
  );
});

test('an unknown path goes to the Overview', async () => {
  renderAt('/a/meshtax-overhead-app/no-such-page');
  await waitFor(() =>
    expect(screen.getByTestId('location').textContent).toMatch(/^\/a\/meshtax-overhead-app\/overview/)
  );
});
