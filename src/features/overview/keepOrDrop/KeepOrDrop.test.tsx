import React from 'react';
import { render, screen, within } from '@testing-library/react';
import type { Report } from '../../../model/report';
import { KeepOrDrop } from './KeepOrDrop';

function mesh(
  id: string,
  name: string,
  pods: number,
  sidecarsUsd: number,
  mtls: number | null
): Report['meshes'][number] {
  return {
    id,
    name,
    sidecars: { pods, cpuCores: 0.5, memoryBytes: 2 ** 30, nodesReservedCpu: 0.4, nodesReservedMemory: 0.1 },
    controlPlane: { cpuCores: 0.1, memoryBytes: 2 ** 28 },
    nodeAgents: { cpuCores: null, memoryBytes: null },
    latency: { addedMs: 2.5 },
    monthlyCostUsd: { sidecars: sidecarsUsd, total: sidecarsUsd + 10 },
    value: {
      requestsPerSecond: 100,
      mtlsShare: mtls,
      splitServices: 1,
      resilienceEvents: 0.25,
      resilience: {},
      costPerMillionRequests: 1,
      plaintextWorkloads: [],
    },
    reasons: mtls === null ? { [`${id}.value.mtlsShare`]: 'unavailable: no request_total series in this range' } : {},
    queries: {
      [`${id}.sidecars.cpuCores`]: 'a',
      [`${id}.controlPlane.cpuCores`]: 'b',
      [`${id}.sidecars.memoryBytes`]: 'c',
      [`${id}.controlPlane.memoryBytes`]: 'd',
    },
  } as unknown as Report['meshes'][number];
}

test('facts per mesh, unavailable never 0, and a labelled projection with its inputs for two meshes', () => {
  const report = {
    cluster: { nodes: 12, reasons: {} },
    meshes: [mesh('istio', 'Istio (sidecar)', 20, 40, 0.96), mesh('linkerd', 'Linkerd', 10, 10, null)],
  } as unknown as Report;
  render(<KeepOrDrop report={report} />);
  const istio = within(screen.getByRole('region', { name: 'Keep or drop: Istio (sidecar)' }));
  expect(istio.getByText('96.00%')).toBeInTheDocument();
  // 0.5 + 0.1 cores freed; the larger of the CPU and memory nodes' worth.
  expect(istio.getByText(/0\.60/)).toBeInTheDocument();
  expect(istio.getByText(/0\.40/)).toBeInTheDocument();
  const linkerd = within(screen.getByRole('region', { name: 'Keep or drop: Linkerd' }));
  // Unavailable with the report's reason beside it, not a bare word.
  expect(linkerd.getByText('unavailable')).toBeInTheDocument();
  expect(linkerd.getByText('no request_total series in this range')).toBeInTheDocument();
  expect(screen.getByTestId('meshtax-keep-or-drop-nodes')).toHaveTextContent(
    "This cluster: 12 nodes (article's line: 100 nodes)"
  );
  const projection = within(screen.getByRole('region', { name: 'Projection: moving pods between meshes' }));
  // Istio $2/pod, Linkerd $1/pod: moving Istio's 20 pods saves $20 a month.
  expect(projection.getByText(/moving 20 pods from Istio \(sidecar\) to Linkerd .* -\$20\.00/)).toBeInTheDocument();
  expect(projection.getAllByText(/Projection, not a measurement/)).toHaveLength(2);
});

test('without kube-state-metrics the node count is unavailable with its reason, never 0', () => {
  const report = {
    cluster: { nodes: null, reasons: { 'cluster.nodes': 'unavailable: no data: needs kube_node_info' } },
    meshes: [mesh('istio', 'Istio (sidecar)', 20, 40, 0.96)],
  } as unknown as Report;
  render(<KeepOrDrop report={report} />);
  const line = screen.getByTestId('meshtax-keep-or-drop-nodes');
  expect(line).toHaveTextContent(
    /This cluster: unavailable \(article's line: 100 nodes\) — no data: needs kube_node_info/
  );
  expect(line).not.toHaveTextContent(/\b0 nodes/);
});
