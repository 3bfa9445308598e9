import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { PluginType, type AppRootProps } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import { locationService, LocationServiceProvider } from '@grafana/runtime';
import App from './App';

jest.mock('../../services/prometheus', () => ({ proxyInstantQuery: jest.fn(), proxyTrend: jest.fn() }));
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

test('without a Prometheus data source the overview says what to do', async () => {
  render(
    <MemoryRouter initialEntries={['/overview']}>
      <LocationServiceProvider service={locationService}>
        <App {...props} />
      </LocationServiceProvider>
    </MemoryRouter>
  );
  expect(await screen.findByText(/No Prometheus data source/, {}, { timeout: 3000 })).toBeInTheDocument();
});
