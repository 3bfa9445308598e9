import React from 'react';
import { render, screen, within } from '@testing-library/react';
import type { Report } from '../../model/report';
import { ClusterTable } from './ClusterTable';

const mesh = (byCluster?: Record<string, Record<string, number>>) =>
  ({
    id: 'istio',
    name: 'Istio (sidecar)',
    monthlyCostUsd: { total: 30 },
    sidecars: { cpuShare: 0.05, memoryShare: 0.04 },
    latency: { addedMs: null },
    byCluster,
  }) as unknown as Report['meshes'][number];

const report = (m: Report['meshes'][number]) => ({ meshes: [m] }) as unknown as Report;

test('two clusters: a row per cluster and the total over all, unavailable cells say so', () => {
  render(
    <ClusterTable
      report={report(
        mesh({
          'prod-eu-1': { 'istio.cost.total': 20, 'istio.sidecars.cpuShare': 0.06 },
          'prod-us-1': { 'istio.cost.total': 10, 'istio.sidecars.cpuShare': 0.03 },
        })
      )}
    />
  );
  const table = screen.getByRole('table', { name: 'Mesh overhead by cluster' });
  const rows = within(table).getAllByRole('row').slice(1);
  expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual([
    'prod-eu-1',
    'prod-us-1',
    'All clusters',
  ]);
  expect(within(rows[0]).getByText('$20.00')).toBeInTheDocument();
  expect(within(rows[2]).getByText('$30.00')).toBeInTheDocument();
  expect(within(rows[0]).getAllByText('unavailable')).toHaveLength(2); // memory share and p99 not measured there
});

test('one cluster, or none asked for: no table', () => {
  const { container } = render(<ClusterTable report={report(mesh({ 'prod-eu-1': { 'istio.cost.total': 20 } }))} />);
  expect(container).toBeEmptyDOMElement();
  render(<ClusterTable report={report(mesh())} />);
  expect(screen.queryByRole('table')).toBeNull();
});
