import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_SETTINGS } from '../../model/settings';
import { Overview } from './Overview';

const buildReport = jest.fn();
jest.mock('../../model/report', () => ({ buildReport: (...args: unknown[]) => buildReport(...args) }));
jest.mock('../../services/prometheus', () => ({ pickDatasourceUid: () => 'prom', proxyInstantQuery: () => jest.fn() }));
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
  DataSourcePicker: () => <div>data source picker</div>,
}));

const renderOverview = () =>
  render(
    <MemoryRouter initialEntries={['/overview?to=1704073800000']}>
      <Overview settings={DEFAULT_SETTINGS} />
    </MemoryRouter>
  );

test('a data source error shows in place, and Retry measures again', async () => {
  buildReport.mockRejectedValueOnce(new Error('The data source answered 502 Bad Gateway'));
  buildReport.mockResolvedValueOnce({
    pricing: { source: 'flat', cpuHourUsd: 0.04, gibHourUsd: 0.005, hoursPerMonth: 730, basis: 'usage' },
    cluster: { cpuCores: 1, memoryBytes: 2 ** 30 },
    meshes: [],
  });
  renderOverview();
  expect(await screen.findByText(/502 Bad Gateway/)).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
  expect(await screen.findByText('No service mesh detected')).toBeInTheDocument();
  // The empty state says what was looked for, from the catalogue.
  expect(screen.getAllByText(/proxy container istio-proxy/).length).toBe(2); // sidecars and ambient waypoints
  expect(screen.getByText(/node agents cilium-agent\|cilium-envoy/)).toBeInTheDocument();
  expect(buildReport).toHaveBeenCalledTimes(2);
  // The evaluation time comes from the URL's `to`, so a shared link shows the same numbers.
  expect(buildReport.mock.calls[0][1].time).toBe(1704073800);
});
