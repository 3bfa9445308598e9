import React from 'react';
import { readFileSync } from 'fs';
import { join } from 'path';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { detectionProbes } from '../../model/builder/detect';
import { CATALOGUE } from '../../model/catalogue';
import { DEFAULT_SETTINGS } from '../../model/settings';
import { formatFigure } from '../../utils/utils.units';
import { QueryBuilder } from './QueryBuilder';

const instant = jest.fn();
const range = jest.fn();
jest.mock('../../services/prometheus', () => ({
  DatasourceQueryError: class extends Error {},
  pickDatasourceUid: () => 'prom',
  dsInstantQuery: (uid: string, time: number) => (expr: string) => instant(expr, uid, time),
  dsRange: (...args: unknown[]) => range(...args),
}));
// uPlot needs a real canvas (Path2D); the sparkline's data is what is checked here.
jest.mock('@grafana/ui', () => ({
  ...jest.requireActual('@grafana/ui'),
  Sparkline: ({ sparkline }: { sparkline: { y: { values: number[] } } }) => (
    <div data-testid="sparkline">{sparkline.y.values.join(' ')}</div>
  ),
}));
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
  DataSourcePicker: ({ current }: { current?: string }) => <div>data source {current}</div>,
  usePluginComponent: () => ({ component: undefined, isLoading: false }),
}));

// Combobox measures option text on a canvas, which jsdom lacks.
HTMLCanvasElement.prototype.getContext = (() => ({ measureText: (t: string) => ({ width: t.length * 7 }) })) as never;

// Rendering the whole form under jsdom takes seconds on the shared 2-core machines.
jest.setTimeout(20000);

const PROBES = new Set(detectionProbes(CATALOGUE).flatMap((p) => p.exprs));
const LINKERD = new Set(detectionProbes(CATALOGUE).find((p) => p.mesh.id === 'linkerd')!.exprs);
const TO_MS = 1704073800000;

function UrlProbe() {
  return <output data-testid="url">{useLocation().search}</output>;
}
const urlParams = () => new URLSearchParams(screen.getByTestId('url').textContent!);

function renderAt(search: string) {
  return render(
    <MemoryRouter initialEntries={[`/query-builder?from=${TO_MS - 3600000}&to=${TO_MS}&${search}`]}>
      <Routes>
        <Route
          path="/query-builder"
          element={
            <>
              <QueryBuilder settings={DEFAULT_SETTINGS} range={{ from: TO_MS / 1000 - 3600, to: TO_MS / 1000 }} />
              <UrlProbe />
            </>
          }
        />
      </Routes>
    </MemoryRouter>
  );
}

const promql = () => screen.getByTestId('qb-promql').textContent!;

beforeEach(() => {
  instant.mockReset();
  range.mockReset();
  // Linkerd is the only mesh detected; figure queries answer 0.0123.
  instant.mockImplementation(async (expr: string) =>
    PROBES.has(expr) ? (LINKERD.has(expr) ? [{ metric: {}, value: 3 }] : []) : [{ metric: {}, value: 0.0123 }]
  );
  range.mockResolvedValue([{ labels: {}, times: [1, 2, 3], values: [0.01, 0.02, 0.0123] }]);
});

test('a link reproduces the query: inputs, PromQL, preview at the URL time, and actions', async () => {
  renderAt('mesh=istio&figure=monthlyCost&cluster=prod&groupBy=namespace&basis=max');
  expect(screen.getByLabelText(/^Cluster/)).toHaveValue('prod');
  expect(promql()).toContain('cluster="prod"');
  expect(promql()).toContain('sum by (cluster, namespace)');
  expect(screen.getByText(/Valid PromQL/)).toBeInTheDocument();
  expect(await screen.findByText(formatFigure(0.0123, 'currencyUSD'))).toBeInTheDocument();
  expect(screen.getByTestId('sparkline')).toHaveTextContent('0.01 0.02 0.0123');
  const figureCall = instant.mock.calls.find(([e]) => !PROBES.has(e))!;
  expect(figureCall[1]).toBe('prom');
  expect(figureCall[2]).toBe(TO_MS / 1000);
  expect(range).toHaveBeenCalledWith('prom', figureCall[0], TO_MS / 1000 - 3600, TO_MS / 1000);
  const alert = screen.getByRole('link', { name: /Create alert/ });
  expect(alert.getAttribute('href')).toBe('/a/meshtax-overhead-app/alerts?figure=istio.cost.total&datasource=prom');
  expect(screen.getByRole('link', { name: /Open in Explore/ }).getAttribute('href')).toMatch(/^\/explore\?/);
  expect(screen.getByLabelText('Recording rule').textContent).toContain('record: meshtax:monthly_cost_usd:sum');
  // Same name as `meshtax rules`, told apart by its grouping label (the recorded reader skips such series).
  expect(screen.getByLabelText('Recording rule').textContent).toContain('meshtax_grouping: namespace');
  // The explanation: what it can't see, and the metrics read from the query itself.
  expect(screen.getByLabelText('Metrics it needs').textContent).toContain('kube_pod_container_resource_requests');
  expect(screen.getByText(/Extra nodes, load balancers/)).toBeInTheDocument();
});

test('without a mesh in the URL the first detected mesh is used', async () => {
  renderAt('');
  await waitFor(() => expect(promql()).toContain('linkerd-proxy'));
  expect(urlParams().has('mesh')).toBe(false);
});

test('a bad regex shows at its field, keeps the typed text in the form and the URL, and nothing runs', async () => {
  renderAt('mesh=istio');
  const ns = screen.getByLabelText(/^Namespaces/);
  fireEvent.change(ns, { target: { value: 'shop(' } });
  expect(ns).toHaveValue('shop(');
  expect(screen.getByText(/invalid regular expression/)).toBeInTheDocument();
  expect(screen.getByText('Fix the highlighted fields')).toBeInTheDocument();
  expect(screen.queryByTestId('qb-promql')).toBeNull();
  expect(urlParams().get('namespace')).toBe('shop(');
  fireEvent.change(ns, { target: { value: 'shop|pay' } });
  expect(promql()).toContain('namespace=~"shop|pay"');
  expect(urlParams().get('namespace')).toBe('shop|pay');
});

test('regexes are judged as Prometheus parses them (RE2, raw value first): a)|(b refused, (?i) accepted', async () => {
  renderAt('mesh=istio');
  const workloads = screen.getByLabelText(/^Workloads/);
  // valid once wrapped in ^(?:…)$, so a JavaScript check on the wrapped form let it through; Prometheus answers 400
  fireEvent.change(workloads, { target: { value: 'a)|(b' } });
  expect(screen.getByText(/RE2.*unexpected \)/)).toBeInTheDocument();
  expect(screen.queryByTestId('qb-promql')).toBeNull();
  fireEvent.change(workloads, { target: { value: '(?i)Checkout.*' } });
  expect(screen.queryByText(/invalid regular expression/)).toBeNull();
  expect(promql()).toContain('(?i)Checkout.*');
});

test('a data source error shows in place, and Retry runs the query again', async () => {
  instant.mockImplementation(async (expr: string) => {
    if (PROBES.has(expr)) {
      return [];
    }
    throw new Error('The data source answered 502 Bad Gateway');
  });
  renderAt('mesh=istio');
  expect(await screen.findByText(/502 Bad Gateway/)).toBeInTheDocument();
  instant.mockImplementation(async () => [{ metric: {}, value: 0.5 }]);
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Retry' })));
  expect(await screen.findByText(formatFigure(0.5, 'percentunit'))).toBeInTheDocument();
});

test('an empty answer says which metrics the query needs', async () => {
  instant.mockImplementation(async () => []);
  range.mockResolvedValue([]);
  renderAt('mesh=istio&figure=cpuRequestShare');
  expect(
    await screen.findByText(
      /no data: needs kube_pod_container_resource_requests, kube_pod_init_container_resource_requests/
    )
  ).toBeInTheDocument();
});

test('grouped answers list each series with its labels and unit', async () => {
  instant.mockImplementation(async (expr: string) =>
    PROBES.has(expr)
      ? []
      : [
          { metric: { cluster: 'c', namespace: 'shop' }, value: 2 ** 20 },
          { metric: { cluster: 'c', namespace: 'pay' }, value: 2 ** 21 },
        ]
  );
  renderAt('mesh=istio&figure=memoryPerPod&groupBy=namespace');
  expect(await screen.findByText('cluster=c, namespace=pay')).toBeInTheDocument();
  const values = screen.getAllByText(/MiB$/).map((e) => e.textContent);
  expect(values).toEqual([formatFigure(2 ** 21, 'bytes'), formatFigure(2 ** 20, 'bytes')]);
});

test('the recording rule shown is named as the shipped rules file records the figure (issue #16: one name)', async () => {
  // The committed output of `meshtax rules` (cli/rules.test.ts keeps it equal to the generator's).
  const shipped = readFileSync(join(__dirname, '..', '..', '..', 'provisioning', 'demo', 'meshtax-rules.yml'), 'utf8');
  const recorded = new Set([...shipped.matchAll(/record: (\S+)/g)].map((m) => m[1]));
  renderAt('mesh=istio&figure=cpuShare');
  const shown = /record: (\S+)/.exec(screen.getByLabelText('Recording rule').textContent ?? '')?.[1];
  expect(shown).toBe('meshtax:sidecar_cpu_share:ratio');
  expect(recorded.has(shown!)).toBe(true);
  // The summary line of the actions names the same rule.
  expect(screen.getByText(`Recording rule ${shown}`)).toBeInTheDocument();
});
