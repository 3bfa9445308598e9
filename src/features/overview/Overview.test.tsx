import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
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

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  usePluginComponent: () => ({ component: null, isLoading: false }),
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
  // Monthly is the mean over the page's range (6 h here), not a 5-minute rate at its end.
  expect(buildReport.mock.calls[0][1].options.averageOver).toBe('21600s');
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

test('the overview opens on a week, and the no-mesh state leads to the configuration', async () => {
  expect(buildOverviewScene(DEFAULT_SETTINGS).state.$timeRange?.state.from).toBe('now-7d');
  buildReport.mockResolvedValueOnce(emptyReport({}));
  renderOverview('prom');
  expect(await screen.findByRole('link', { name: /Open the configuration/ })).toHaveAttribute(
    'href',
    '/plugins/meshtax-overhead-app'
  );
});

test('figures show as they arrive, the failing one with its own error, and the headline once the report is in', async () => {
  let finish: (r: unknown) => void = () => {};
  buildReport.mockImplementationOnce(
    (_q: unknown, input: { onProgress: (p: unknown) => void; figureErrors: string }) =>
      new Promise((resolve) => {
        expect(input.figureErrors).toBe('keep');
        input.onProgress({
          kind: 'meshes',
          meshes: [{ id: 'linkerd', name: 'Linkerd', dataPlaneKind: 'sidecar', figures: [] }],
        });
        input.onProgress({ kind: 'figure', id: 'linkerd.cost.total', value: 7.5 });
        finish = resolve;
      })
  );
  renderOverview('prom');
  const card = await screen.findByTestId('meshtax-mesh-linkerd');
  expect(await within(card).findByText('$7.50')).toBeInTheDocument();
  // The rest is on its way; Linkerd is the only card, and nothing reads "unavailable" yet.
  expect(within(card).queryByText('unavailable')).toBeNull();
  const linkerd = {
    id: 'linkerd',
    name: 'Linkerd',
    dataPlaneKind: 'sidecar',
    sidecars: { pods: 4, cpuCores: 0.5, memoryBytes: 2 ** 30, cpuRequestCores: 1, memoryRequestBytes: 2 ** 30 },
    controlPlane: { cpuCores: 0.1, memoryBytes: 0 },
    nodeAgents: { pods: null, cpuCores: null, memoryBytes: null },
    latency: { method: 'm', quantile: 0.99, addedMs: null, clientMs: null, serverMs: null, reason: 'none' },
    monthlyCostUsd: {
      total: 7.5,
      sidecars: 7,
      controlPlane: 0.5,
      nodeAgents: null,
      idleSidecars: 1.25,
      overRequestedSidecars: 14.6,
    },
    reasons: {},
    queries: {},
    figures: [],
  };
  // The cluster's own cost figure: 10 cores and 20 GiB at $0.04 and $0.005 over 730 h = $365 per month.
  finish({
    ...emptyReport({ cpuCores: 10, memoryBytes: 20 * 2 ** 30, monthlyCostUsd: 365 }),
    window: '5m',
    meshes: [linkerd],
  });
  const headline = await screen.findByTestId('meshtax-headline');
  expect(within(headline).getByTestId('meshtax-headline-total').textContent).toBe('$7.50');
  expect(within(headline).getByTestId('meshtax-headline-share').textContent).toBe(`${((7.5 / 365) * 100).toFixed(2)}%`);
  // Over-requested (the report's figure), more than the idle $1.25.
  expect(within(headline).getByTestId('meshtax-headline-saving').textContent).toMatch(/^\$14\.60/);
  expect(within(headline).getByRole('link', { name: /See the list in Breakdown/ })).toHaveAttribute(
    'href',
    expect.stringContaining('breakdown?var-mesh=linkerd')
  );
  expect(screen.getByTestId('meshtax-not-detected').textContent).toMatch(/^Not detected: Istio/);
});
