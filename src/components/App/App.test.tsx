import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { PluginType, type AppRootProps } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import App from './App';

jest.mock('../../services/prometheus', () => ({ pickDatasourceUid: () => undefined, proxyInstantQuery: jest.fn() }));
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
  DataSourcePicker: () => <div>data source picker</div>,
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
      <App {...props} />
    </MemoryRouter>
  );
  expect(await screen.findByText(/No Prometheus data source/, {}, { timeout: 3000 })).toBeInTheDocument();
});
