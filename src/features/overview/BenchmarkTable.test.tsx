import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { render, screen, within } from '@testing-library/react';
import type { Report } from '../../model/report';
import { BenchmarkTable } from './BenchmarkTable';

function mesh(id: string, name: string, pods: number, cost: number | null): Report['meshes'][number] {
  const nulls = { cpuCores: null, memoryBytes: null };
  return {
    id,
    name,
    dataPlaneKind: 'sidecar',
    sidecars: { pods, memoryPerPodAvg: 52 * 2 ** 20, cpuShare: 0.05 } as Report['meshes'][number]['sidecars'],
    controlPlane: { cpuCores: 0.2, memoryBytes: null },
    nodeAgents: nulls,
    traffic: { rps: 100 },
    latency: {
      method: 'reporter-delta',
      quantile: 0.99,
      p99DeltaMs: 2,
      addedMs: 2,
      addedRangeMs: [-150, 150],
      clientMs: 240,
      serverMs: 238,
      clientBucketMs: { lowerMs: 100, upperMs: 250 },
      serverBucketMs: null,
      reason: '',
    },
    monthlyCostUsd: { sidecars: null, controlPlane: null, nodeAgents: null, idleSidecars: null, total: cost },
    reasons: {},
    queries: {
      [`${id}.cost.total`]: 'sum(x)',
      [`${id}.latency.p99Added`]: 'histogram_quantile(0.99, y)',
      [`${id}.controlPlane.memoryBytes`]: 'sum(z)',
    },
  } as unknown as Report['meshes'][number];
}

test('one row per mesh, pod percentages for a migration, units, unavailable never 0, the cost first and no cell a link', () => {
  const report = {
    meshes: [mesh('istio', 'Istio (sidecar)', 30, 120.5), mesh('linkerd', 'Linkerd', 10, null)],
  } as unknown as Report;
  render(
    <MemoryRouter>
      <BenchmarkTable report={report} datasourceUid="prom" timeSec={1704073800} />
    </MemoryRouter>
  );
  const istio = within(screen.getByRole('row', { name: /Istio/ }));
  expect(istio.getByText(/30 pods \(75%\)/)).toBeInTheDocument();
  // The cost comes right after the mesh, and stands out; its query is on hover; no cell is a link.
  const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
  expect(headers.slice(0, 3)).toEqual(['Mesh', 'Monthly cost', 'Pods with a proxy']);
  const cost = istio.getByText('$120.50');
  expect(cost).toHaveAttribute('title', 'sum(x)');
  expect(cost.className).not.toBe(istio.getByText(/30 pods/).className);
  expect(screen.queryAllByRole('link')).toEqual([]);
  const linkerd = within(screen.getByRole('row', { name: /Linkerd/ }));
  expect(linkerd.getByText(/10 pods \(25%\)/)).toBeInTheDocument();
  expect(linkerd.getAllByText('unavailable').length).toBeGreaterThan(0);
  expect(linkerd.queryByText('$0.00')).toBeNull();
  // A figure the mesh has no query for is "n/a", not a number.
  expect(istio.getAllByText('n/a').length).toBeGreaterThan(0);
  // The p99 added never stands alone: its interval from the bucket bounds sits under it (#18).
  const p99 = istio.getByText('2.00 ms');
  expect(p99).toHaveTextContent('(\u2212150 ms to +150 ms)');
});
