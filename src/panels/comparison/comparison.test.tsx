import React from 'react';
import type { PanelProps } from '@grafana/data';
import { render, screen, within } from '@testing-library/react';
import { panelData } from '../testData';
import { ComparisonPanel } from './ComparisonPanel';
import { comparisonRows } from './rows';
import { DEFAULT_COMPARISON_OPTIONS, type ComparisonOptions } from '../../model/panelOptions';

const targets = ['istio', 'linkerd', 'kuma'].flatMap((m) =>
  ['pods', 'monthlyCost', 'p99Added'].map((c) => ({ refId: `${m}.${c}`, expr: `${m}_${c}` }))
);
const data = panelData(
  [
    { refId: 'istio.pods', values: [30] },
    { refId: 'istio.monthlyCost', values: [100, 120.5] },
    { refId: 'istio.p99Added', values: [2.07] },
    { refId: 'linkerd.pods', values: [10] },
  ],
  targets
);

test('one row per mesh with data; absent meshes hidden; cells keep their query', () => {
  const rows = comparisonRows(data, true);
  expect(rows.map((r) => r.name)).toEqual(['Istio (sidecar)', 'Linkerd']);
  expect(rows[0].cells.monthlyCost).toEqual({ value: 120.5, expr: 'istio_monthlyCost' });
  expect(rows[1].cells.monthlyCost).toEqual({ value: null, expr: 'linkerd_monthlyCost' });
  expect(comparisonRows(data, false)).toHaveLength(3);
});

function renderPanel(options: ComparisonOptions, d = data) {
  return render(
    <ComparisonPanel {...({ data: d, options, width: 800, height: 300 } as unknown as PanelProps<ComparisonOptions>)} />
  );
}

test('renders units, pod shares, and "unavailable" rather than $0.00', () => {
  renderPanel(DEFAULT_COMPARISON_OPTIONS);
  const istio = within(screen.getByRole('row', { name: /Istio/ }));
  expect(istio.getByText('$120.50')).toBeInTheDocument();
  expect(istio.getByText('2.07 ms')).toBeInTheDocument();
  expect(istio.getByText(/30 pods \(75%\)/)).toBeInTheDocument();
  const linkerd = within(screen.getByRole('row', { name: /Linkerd/ }));
  expect(linkerd.getAllByText('unavailable').length).toBeGreaterThan(0);
  expect(screen.queryByText('$0.00')).toBeNull();
});

test('without any data it explains how its queries are named', () => {
  renderPanel(DEFAULT_COMPARISON_OPTIONS, panelData([], targets));
  expect(screen.getByText('No service mesh in this data')).toBeInTheDocument();
});

test('a control plane alone is not a mesh, and a shared istiod is billed once', () => {
  const t = [
    ...['pods', 'monthlyCost', 'controlPlaneCpu', 'controlPlaneCost'].map((c) => ({ refId: `istio.${c}`, expr: c })),
    ...['pods', 'agentPods', 'monthlyCost', 'controlPlaneCpu', 'controlPlaneCost'].map((c) => ({
      refId: `istio-ambient.${c}`,
      expr: c,
    })),
  ];
  const onlyIstiod = panelData(
    [
      { refId: 'istio.pods', values: [20] },
      { refId: 'istio.monthlyCost', values: [30] },
      { refId: 'istio-ambient.monthlyCost', values: [8] },
      { refId: 'istio-ambient.controlPlaneCpu', values: [0.2] },
    ],
    t
  );
  expect(comparisonRows(onlyIstiod, true).map((r) => r.name)).toEqual(['Istio (sidecar)']);
  const both = panelData(
    [
      { refId: 'istio.pods', values: [20] },
      { refId: 'istio.monthlyCost', values: [30] },
      { refId: 'istio-ambient.agentPods', values: [12] },
      { refId: 'istio-ambient.monthlyCost', values: [20] },
      { refId: 'istio-ambient.controlPlaneCost', values: [8] },
      { refId: 'istio-ambient.controlPlaneCpu', values: [0.2] },
    ],
    t
  );
  const ambient = comparisonRows(both, true).find((r) => r.name === 'Istio (ambient)')!;
  expect(ambient.cells.monthlyCost.value).toBe(12);
  expect(ambient.cells.controlPlaneCpu).toBeUndefined();
});

test('traffic splitting is a whole number of services ("1 services" was printed "1.00 services")', () => {
  const t = [...targets, { refId: 'istio.splitServices', expr: 'istio_split' }];
  const d = panelData(
    [
      { refId: 'istio.pods', values: [30] },
      { refId: 'istio.splitServices', values: [2] },
    ],
    t
  );
  renderPanel(DEFAULT_COMPARISON_OPTIONS, d);
  const istio = within(screen.getByRole('row', { name: /Istio/ }));
  expect(istio.getByText('2 services')).toBeInTheDocument();
  expect(screen.queryByText(/\d\.\d+ services/)).toBeNull();
});

test('the p99 added carries its interval under it when the panel has both ends (issue #18), and none without them', () => {
  const ends = [
    ...targets,
    { refId: 'istio.p99AddedLower', expr: 'lo' },
    { refId: 'istio.p99AddedUpper', expr: 'hi' },
  ];
  const withEnds = panelData(
    [
      { refId: 'istio.pods', values: [30] },
      { refId: 'istio.p99Added', values: [2.07] },
      { refId: 'istio.p99AddedLower', values: [-150] },
      { refId: 'istio.p99AddedUpper', values: [150] },
    ],
    ends
  );
  const [istio] = comparisonRows(withEnds, true);
  expect(istio.cells.p99Added).toEqual({ value: 2.07, expr: 'istio_p99Added', note: '(\u2212150 ms to +150 ms)' });
  // The ends are not columns of their own.
  expect(Object.keys(istio.cells).sort()).toEqual(['monthlyCost', 'p99Added']);
  expect(comparisonRows(data, true)[0].cells.p99Added.note).toBeUndefined();
});
