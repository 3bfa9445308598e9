import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { locationService } from '@grafana/runtime';
import { FigureActions } from './FigureActions';
import { DEFAULT_RANGE, timeRangeFromSearch } from './timeRange';

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

test("the form gets useAbsolutePath and the page's time range (Grafana's exposed-form contract)", () => {
  // Grafana's addToDashboard.ts navigates to a relative "dashboard/new" unless options.useAbsolutePath is set, which
  // from /a/meshtax-overhead-app/... lands under our app's route; timeRange.raw becomes the new dashboard's time.
  const seen: any[] = [];
  state.role = 'Editor';
  state.component = (props: any) => {
    seen.push(props);
    return <div>grafana form</div>;
  };
  locationService.push('/a/meshtax-overhead-app/overview?from=now-24h&to=now&var-mesh=istio');
  const { unmount } = render(<FigureActions figure={figure} datasourceUid="p" />);
  fireEvent.click(screen.getByRole('button', { name: /Add to dashboard/ }));
  expect(seen[0].options).toEqual({ useAbsolutePath: true });
  expect(seen[0].timeRange.raw).toEqual({ from: 'now-24h', to: 'now' });
  const hours = (seen[0].timeRange.to.valueOf() - seen[0].timeRange.from.valueOf()) / 3_600_000;
  expect(hours).toBeCloseTo(24, 3);
  unmount();
  // An absolute range (epoch ms in the URL) stays absolute; a page without one gets the scene pages' default.
  seen.length = 0;
  locationService.push('/a/meshtax-overhead-app/breakdown?from=1704067200000&to=1704074400000');
  render(<FigureActions figure={figure} datasourceUid="p" />);
  fireEvent.click(screen.getAllByRole('button', { name: /Add to dashboard/ })[0]);
  expect(seen[0].timeRange.raw.from.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  expect(seen[0].timeRange.to.toISOString()).toBe('2024-01-01T02:00:00.000Z');
});

test('a page without a range in its URL gets the default, a garbled one falls back to it', () => {
  expect(timeRangeFromSearch(new URLSearchParams('')).raw).toEqual(DEFAULT_RANGE);
  expect(timeRangeFromSearch(new URLSearchParams('from=yesterday-ish&to=now')).raw).toEqual(DEFAULT_RANGE);
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
