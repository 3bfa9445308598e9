import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_SETTINGS } from '../../model/settings';
import { KSM_REQUESTS_METRIC } from '../../model/resources';
import { buildOverviewScene } from './Overview';
import { OverviewContent } from './OverviewContent';

const buildReport = jest.fn();
jest.mock('../../model/report', () => ({ buildReport: (...args: unknown[]) => buildReport(...args) }));
// The query function passes on the warnings a test puts in `warn`, as Prometheus would attach them to an answer.
const warn: string[] = [];
jest.mock('../../services/prometheus', () => ({
  dsInstantQuery: (_uid: string, _t: number, onWarnings?: (w: string[]) => void) => async () => {
    onWarnings?.(warn);
    return [];
  },
  dsTrend: jest.fn(),
}));

const emptyReport = (cluster: Record<string, unknown>) => ({
  pricing: { source: 'flat', cpuHourUsd: 0.04, gibHourUsd: 0.005, hoursPerMonth: 730, basis: 'usage' },
  cluster: {
    cpuCores: 1,
    memoryBytes: 2 ** 30,
    cpuRequestCores: 2,
    memoryRequestBytes: 2 ** 31,
    reasons: {},
    ...cluster,
  },
  meshes: [],
});

const renderOverview = (uid: string | undefined) =>
  render(
    <OverviewContent
      settings={DEFAULT_SETTINGS}
      uid={uid}
      time={1704073800}
      from={1704052200}
      scope={{ namespaceInclude: '(shop|pay)' }}
    />
  );

beforeEach(() => buildReport.mockReset());

test('a data source error shows in place, and Retry measures again', async () => {
  buildReport.mockRejectedValueOnce(new Error('The data source answered 502 Bad Gateway'));
  buildReport.mockResolvedValueOnce(emptyReport({}));
  renderOverview('prom');
  expect(await screen.findByText(/502 Bad Gateway/)).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
  expect(await screen.findByText('No service mesh detected')).toBeInTheDocument();
  // The empty state says what was looked for, from the catalogue.
  expect(screen.getAllByText(/proxy container istio-proxy/).length).toBe(2); // sidecars and ambient waypoints
  expect(screen.getByText(/node agents cilium-agent\|cilium-envoy/)).toBeInTheDocument();
  expect(buildReport).toHaveBeenCalledTimes(2);
  // The evaluation time is the time range's end, and the namespace variable scopes the report.
  expect(buildReport.mock.calls[0][1].time).toBe(1704073800);
  expect(buildReport.mock.calls[0][1].scope).toMatchObject({ namespaceInclude: '(shop|pay)' });
  // One cluster: no per-cluster queries.
  expect(buildReport.mock.calls[0][1].byCluster).toBe(false);
  expect(screen.queryByText('kube-state-metrics not found')).not.toBeInTheDocument();
});

test('without kube-state-metrics the page says which figures need it, instead of showing zeros', async () => {
  buildReport.mockResolvedValueOnce(
    emptyReport({
      cpuRequestCores: null,
      memoryRequestBytes: null,
      reasons: { 'cluster.cpuRequestCores': `no data: needs ${KSM_REQUESTS_METRIC}` },
    })
  );
  renderOverview('prom');
  expect(await screen.findByText('kube-state-metrics not found')).toBeInTheDocument();
  expect(screen.getByText(KSM_REQUESTS_METRIC)).toBeInTheDocument();
});

test("Prometheus's warnings show above the figures, once each, and the figures still show", async () => {
  warn.push('partial response: store eu-2 unreachable');
  buildReport.mockImplementationOnce(async (q: (e: string) => Promise<unknown>) => {
    await q('a');
    await q('b');
    return emptyReport({});
  });
  renderOverview('prom');
  expect(await screen.findByText('Prometheus warned while answering')).toBeInTheDocument();
  expect(screen.getAllByText('partial response: store eu-2 unreachable')).toHaveLength(1);
  expect(screen.getByText('No service mesh detected')).toBeInTheDocument();
  warn.length = 0;
});

test('with no Prometheus data source the page says how to add one, and measures nothing', async () => {
  renderOverview(undefined);
  expect(await screen.findByText(/No Prometheus data source/)).toBeInTheDocument();
  expect(buildReport).not.toHaveBeenCalled();
});

test('the overview is a scene with a time range, refresh, and data source, cluster and namespace variables', () => {
  const scene = buildOverviewScene(DEFAULT_SETTINGS);
  expect(scene.state.$timeRange).toBeDefined();
  expect(scene.state.$variables?.state.variables.map((v) => v.state.name)).toEqual([
    'datasource',
    'cluster',
    'namespace',
  ]);
  expect(scene.state.controls?.map((c) => c.constructor.name)).toEqual(
    expect.arrayContaining(['SceneTimePicker', 'SceneRefreshPicker', 'VariableValueSelectors'])
  );
});

test('with several clusters and none chosen, the report also measures per cluster', async () => {
  buildReport.mockResolvedValueOnce(emptyReport({}));
  render(
    <OverviewContent
      settings={DEFAULT_SETTINGS}
      uid="prom"
      time={1704073800}
      from={1704052200}
      scope={{ multiCluster: true }}
    />
  );
  expect(await screen.findByText('No service mesh detected')).toBeInTheDocument();
  expect(buildReport.mock.calls[0][1].byCluster).toBe(true);
});
