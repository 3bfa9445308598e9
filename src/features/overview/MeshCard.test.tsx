import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { expandCluster } from '../../../demo/cluster';
import { article, FIXTURE_START } from '../../../demo/presets';
import { groundTruth } from '../../../demo/truth';
import { CATALOGUE } from '../../model/catalogue';
import { DEFAULT_FIGURE_OPTIONS, meshFigures } from '../../model/figureSet';
import type { Report } from '../../model/report';
import { MeshCard } from './MeshCard';

type Mesh = Report['meshes'][number];

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
  expect(shown(card, 'Monthly cost')).toBe(usd(truth.monthlyCostUsd.total));
  expect(shown(card, 'Sidecars')).toBe(usd(truth.monthlyCostUsd.sidecars));
  expect(shown(card, 'Control plane')).toBe(usd(truth.monthlyCostUsd.controlPlane));
  expect(shown(card, 'Share of cluster CPU')).toBe(pct(truth.sidecars.cpuShare));
  expect(shown(card, 'Share of cluster memory')).toBe(pct(truth.sidecars.memoryShare));
  expect(shown(card, 'Share of requested CPU')).toBe(pct(truth.sidecars.cpuRequestShare));
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
  const value = within(card).getByText('p99 latency added', { selector: '*' }).nextElementSibling!;
  expect(value.nextElementSibling?.textContent).toBe(`(\u2212${lo} to +${hi})`);
  expect(within(card).getByText(/These buckets can't resolve it.*statsHistogramBuckets/)).toBeInTheDocument();
  expect(shown(card, 'Mean latency added')).toBe(`${truth.meanAddedMs!.toFixed(2)} ms`);
});
