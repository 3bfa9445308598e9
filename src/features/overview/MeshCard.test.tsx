import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { expandCluster } from '../../../demo/cluster';
import { article, FIXTURE_START } from '../../../demo/presets';
import { groundTruth } from '../../../demo/truth';
import { CATALOGUE } from '../../model/catalogue';
import { DEFAULT_FIGURE_OPTIONS, meshFigures } from '../../model/figureSet';
import type { Report } from '../../model/report';
import { MeshCard } from './MeshCard';
import { viewOfProgress } from './meshView';

type Mesh = Report['meshes'][number];

// A Grafana that does not expose the add-to-dashboard form: the menu still offers Export JSON.
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  usePluginComponent: () => ({ component: null, isLoading: false }),
}));

// The demo's ground truth for Istio on the `article` preset (flat article pricing, usage basis), an hour in.
const truth = groundTruth(expandCluster(article), FIXTURE_START + 3600, 300).meshes.find((m) => m.id === 'istio')!;
const def = CATALOGUE.find((m) => m.id === 'istio')!;
// The model's real figures for this mesh: they decide which stats the card shows, and carry the PromQL.
const figures = meshFigures(def, { window: '5m', groupBy: 'none' }, DEFAULT_FIGURE_OPTIONS);

const P99_REASON = 'no data: needs istio_request_duration_milliseconds_bucket';

/** A report's mesh with the truth's figures in it; the p99 is unavailable, to check the card says so. */
function meshOf(): Mesh {
  return {
    id: def.id,
    name: def.name,
    dataPlaneKind: def.dataPlaneKind,
    sidecars: {
      cpuShare: truth.sidecars.cpuShare,
      memoryShare: truth.sidecars.memoryShare,
      cpuRequestShare: truth.sidecars.cpuRequestShare,
      nodesReservedCpu: truth.sidecars.nodesReservedCpu,
    },
    monthlyCostUsd: { ...truth.monthlyCostUsd, idleSidecars: null },
    latency: { method: 'reporter-delta', quantile: 0.99, addedMs: null, clientBucketMs: null, reason: P99_REASON },
    reasons: {},
    queries: Object.fromEntries(figures.map((f) => [f.id, f.expr])),
    figures: figures.map(({ id, title, unit, expr }) => ({ id, title, unit, expr })),
  } as unknown as Mesh;
}

/** The value shown under a stat's label (FigureStat renders the label, then the value). */
function shown(card: HTMLElement, label: string): string | null | undefined {
  return within(card).getByText(label, { selector: '*' }).nextElementSibling?.textContent;
}

// Independent of the formatter under test: dollars and cents, percent with two decimals.
const usd = (v: number) => `$${v.toFixed(2)}`;
const pct = (v: number) => `${(v * 100).toFixed(2)}%`;

test('the truth is in a range the independent formatters above can write', () => {
  // currencyUSD scales from $1000 up ($1.23K): keep the preset's costs below that, and every figure distinct.
  const { total, sidecars, controlPlane } = truth.monthlyCostUsd;
  expect(total).toBeLessThan(1000);
  expect(new Set([total, sidecars, controlPlane].map(usd)).size).toBe(3);
  expect(pct(truth.sidecars.cpuShare)).not.toBe(pct(truth.sidecars.memoryShare));
});

test("a mesh card shows each figure of its mesh under the figure's own label", () => {
  render(<MeshCard mesh={meshOf()} />);
  const card = screen.getByRole('region', { name: def.name });
  expect(card).toHaveAttribute('data-testid', 'meshtax-mesh-istio');
  expect(shown(card, 'Monthly cost, whole mesh')).toBe(usd(truth.monthlyCostUsd.total));
  expect(shown(card, 'Sidecars')).toBe(usd(truth.monthlyCostUsd.sidecars));
  expect(shown(card, 'Control plane')).toBe(usd(truth.monthlyCostUsd.controlPlane));
  // Share labels say what they count: the proxies only.
  expect(shown(card, "Sidecars' share of cluster CPU")).toBe(pct(truth.sidecars.cpuShare));
  expect(shown(card, "Sidecars' share of cluster memory")).toBe(pct(truth.sidecars.memoryShare));
  expect(shown(card, "Sidecars' share of requested CPU")).toBe(pct(truth.sidecars.cpuRequestShare));
  // Each shown figure opens its own PromQL: one per stat with a query, the cost total's first.
  const queries = within(card).getAllByText('PromQL');
  expect(queries.length).toBeGreaterThanOrEqual(6);
  expect(queries[0].nextElementSibling?.textContent).toBe(meshOf().queries['istio.cost.total']);
});

test('a figure without data reads "unavailable" with its reason, never 0', () => {
  render(<MeshCard mesh={meshOf()} />);
  const card = screen.getByTestId('meshtax-mesh-istio');
  expect(shown(card, 'p99 latency added')).toBe('unavailable');
  expect(within(card).getByText(P99_REASON)).toBeInTheDocument();
});

test("with the cluster's totals, the card shows the whole mesh's share beside the proxies' own", () => {
  const all = [...truth.rows.dataPlane, ...truth.rows.controlPlane, ...truth.rows.nodeAgents];
  const cluster = groundTruth(expandCluster(article), FIXTURE_START + 3600, 300).cluster;
  const m = meshOf();
  Object.assign(m, {
    controlPlane: truth.controlPlane,
    nodeAgents: truth.nodeAgents,
    sidecars: { ...m.sidecars, ...truth.sidecars },
  });
  render(<MeshCard mesh={m} cluster={{ ...cluster, reasons: {} } as never} />);
  const card = screen.getByTestId('meshtax-mesh-istio');
  const cpu = all.reduce((a, r) => a + r.cpu, 0) / cluster.cpuCores;
  expect(cpu).toBeGreaterThan(truth.sidecars.cpuShare);
  expect(shown(card, 'Whole mesh’s share of cluster CPU')).toBe(pct(cpu));
});

test('a card still arriving says which figures are on their way, and a failed figure shows its own error', () => {
  const m = meshOf();
  const soFar = {
    figures: {
      'istio.cost.total': { value: truth.monthlyCostUsd.total },
      'istio.cost.sidecars': { value: null, reason: 'error: The data source answered 503: overloaded.' },
    },
  };
  const arriving = { id: def.id, name: def.name, dataPlaneKind: def.dataPlaneKind, figures };
  render(<MeshCard view={viewOfProgress(arriving, soFar, 0.99)} />);
  const card = screen.getByTestId('meshtax-mesh-istio');
  expect(shown(card, 'Monthly cost, whole mesh')).toBe(usd(truth.monthlyCostUsd.total));
  expect(shown(card, 'Sidecars')).toBe('unavailable');
  expect(within(card).getByText(/503: overloaded/)).toBeInTheDocument();
  expect(shown(card, 'Control plane')).toBe('measuring…');
  expect(m.id).toBe('istio');
});

test("the card's menu exports its cost-over-time panel: the mesh's own cost queries, stacked by part", async () => {
  render(<MeshCard mesh={meshOf()} datasourceUid="prom" timeSec={FIXTURE_START} />);
  fireEvent.click(screen.getByRole('button', { name: `${def.name} actions` }));
  fireEvent.click(await screen.findByText('Export JSON'));
  const json = JSON.parse((await screen.findByLabelText('Panel JSON')).textContent!);
  const q = meshOf().queries;
  expect(json.type).toBe('timeseries');
  expect(json.fieldConfig.defaults.custom.stacking.mode).toBe('normal');
  expect(json.targets.map((t: { expr: string; legendFormat: string }) => [t.legendFormat, t.expr])).toEqual([
    ['Sidecars', q['istio.cost.sidecars']],
    ['Control plane', q['istio.cost.controlPlane']],
  ]);
});

test('the p99 added shows the interval its buckets allow, says when they cannot resolve it, and the mean beside it', () => {
  // Issue #18, from the truth: the article preset's Istio p99s share a bucket, so the interval is far wider than
  // the value; the mean added is exact.
  const m = meshOf();
  const t = truth.latency!;
  m.latency = {
    ...m.latency,
    addedMs: t.deltaPromMs,
    addedRangeMs: t.deltaRangeMs,
    p99DeltaRangeMs: t.deltaRangeMs,
    meanDeltaMs: truth.meanAddedMs,
    clientBucketMs: { lowerMs: t.source.lowerMs, upperMs: t.source.upperMs },
  };
  render(<MeshCard mesh={m} />);
  const card = screen.getByTestId('meshtax-mesh-istio');
  const [lo, hi] = t.deltaRangeMs.map((v) => `${Math.abs(v).toFixed(0)} ms`);
  expect(lo).not.toBe('0 ms');
  // The interval under the value; the method, the bucket and the advice behind a disclosure (short at 420 px).
  expect(within(card).getByText(new RegExp(`^between \u2212${lo} and \\+${hi}$`))).toBeInTheDocument();
  expect(within(card).getByText(/^reporter-delta; client p99 between/)).toBeInTheDocument();
  expect(within(card).getByText(/These buckets can't resolve it.*statsHistogramBuckets/)).toBeInTheDocument();
  expect(shown(card, 'Mean latency added')).toBe(`${truth.meanAddedMs!.toFixed(2)} ms`);
});

test('an averaged card says its cost at the range’s end too, the number the dashboards show; an instant card does not', () => {
  const instant = truth.monthlyCostUsd.total * 0.97;
  const { unmount } = render(<MeshCard mesh={meshOf()} instantCost={instant} />);
  const card = screen.getByTestId('meshtax-mesh-istio');
  // The headline figure is still the report's value; the note under it is the instant one.
  expect(shown(card, 'Monthly cost, whole mesh')).toBe(usd(truth.monthlyCostUsd.total));
  expect(within(card).getByText(`${usd(instant)} at the range’s end (instant)`)).toBeInTheDocument();
  unmount();
  render(<MeshCard mesh={meshOf()} instantCost={null} />);
  expect(screen.getByText('unavailable at the range’s end (instant)')).toBeInTheDocument();
});

test('without an instant value (a report at one instant) the card adds no such line', () => {
  render(<MeshCard mesh={meshOf()} />);
  expect(screen.queryByText(/at the range’s end/)).toBeNull();
});
