import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { FigureActions } from './FigureActions';

const state: { role: string; component?: React.ComponentType<any> } = { role: 'Viewer' };
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  usePluginComponent: () => ({ component: state.component, isLoading: false }),
  get config() {
    return { bootData: { user: { orgRole: state.role, isGrafanaAdmin: false } } };
  },
}));

const figure = {
  id: 'istio.cost.total',
  title: 'Istio (sidecar): total cost per month',
  unit: 'currencyUSD' as const,
  expr: 'sum(cost)',
};

test('Export JSON shows the model-built panel with its query and unit', () => {
  render(<FigureActions figure={figure} datasourceUid="prom-uid" />);
  fireEvent.click(screen.getByRole('button', { name: /Export JSON/ }));
  const json = JSON.parse(screen.getByLabelText('Panel JSON').textContent!);
  expect(json.targets[0]).toMatchObject({ expr: 'sum(cost)', datasource: { uid: 'prom-uid' } });
  expect(json.fieldConfig.defaults.unit).toBe('currencyUSD');
  expect(json.fieldConfig.defaults.noValue).toBe('unavailable');
});

test('viewers, and Grafanas without the add-to-dashboard form, get no Add to dashboard button', () => {
  state.component = () => <div>form</div>;
  state.role = 'Viewer';
  const { unmount } = render(<FigureActions figure={figure} datasourceUid="p" />);
  expect(screen.queryByRole('button', { name: /Add to dashboard/ })).toBeNull();
  unmount();
  state.role = 'Editor';
  state.component = undefined;
  render(<FigureActions figure={figure} datasourceUid="p" />);
  expect(screen.queryByRole('button', { name: /Add to dashboard/ })).toBeNull();
});

test("editors get Grafana's own form, fed with the model's panel", () => {
  const seen: unknown[] = [];
  state.role = 'Editor';
  state.component = ({ buildPanel }: { buildPanel: () => unknown }) => {
    seen.push(buildPanel());
    return <div>grafana form</div>;
  };
  render(<FigureActions figure={figure} datasourceUid="p" />);
  fireEvent.click(screen.getByRole('button', { name: /Add to dashboard/ }));
  expect(screen.getByText('grafana form')).toBeInTheDocument();
  expect(seen[0]).toMatchObject({ type: 'timeseries', title: figure.title });
});

test('editors get "Create alert" on alertable figures, linking to the Alerts page prefilled; viewers do not', () => {
  state.role = 'Editor';
  const { unmount } = render(<FigureActions figure={figure} datasourceUid="prom uid" />);
  const href = screen.getByRole('link', { name: /Create alert/ }).getAttribute('href')!;
  const url = new URL(href, 'http://grafana');
  expect(url.pathname).toBe('/a/meshtax-overhead-app/alerts');
  expect(Object.fromEntries(url.searchParams)).toEqual({ figure: 'istio.cost.total', datasource: 'prom uid' });
  unmount();
  render(<FigureActions figure={{ ...figure, id: 'istio.sidecars.pods' }} datasourceUid="p" />);
  expect(screen.queryByRole('link', { name: /Create alert/ })).toBeNull();
  state.role = 'Viewer';
  render(<FigureActions figure={figure} datasourceUid="p" />);
  expect(screen.queryAllByRole('link', { name: /Create alert/ })).toHaveLength(0);
});
