/**
 * The Latency table as a person reads it, fed the values the demo's `small` preset gives (computed from the
 * generator's distributions, as Prometheus interpolates them): payments/ledger is the issue #18 row (p99 added below
 * p50 added), shop/cart rises with p, and shop/frontend has the ±150 ms interval its buckets cannot resolve.
 */
import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { createDataFrame, FieldType, getDefaultTimeRange, LoadingState, type DataFrame } from '@grafana/data';
import { EmbeddedScene, SceneDataNode } from '@grafana/scenes';
import { expandCluster } from '../../../demo/cluster';
import { small } from '../../../demo/presets';
import { CATALOGUE } from '../../model/catalogue';
import { latencyByGroup } from '../../model/__int__/groupTruth';
import { LatencyTable } from './LatencyTable';
import { QUANTILES, quantileRef } from './latencyQueries';

const WORKLOADS = ['payments/ledger', 'shop/cart', 'shop/frontend'];
const MINUS = '\u2212';

/** One frame per refId and workload, labelled as the model's normalised queries label them. */
function frames(): DataFrame[] {
  const cluster = expandCluster(small);
  const frame = (refId: string, key: string, value: number) => {
    const [namespace, workload] = key.split('/');
    return createDataFrame({
      refId,
      fields: [
        { name: 'Time', type: FieldType.time, values: [0] },
        { name: 'Value', type: FieldType.number, values: [value], labels: { namespace, workload } },
      ],
    });
  };
  return QUANTILES.flatMap((q) => {
    const truth = latencyByGroup(cluster, 'istio', 'workload', q);
    return WORKLOADS.flatMap((key) => {
      const t = truth.get(key)!;
      return [
        frame(quantileRef(q), key, t.promAddedMs),
        frame(quantileRef(q, 'lower'), key, t.rangeMs[0]),
        frame(quantileRef(q, 'upper'), key, t.rangeMs[1]),
        frame('mean', key, t.meanAddedMs),
      ];
    });
  });
}

function renderTable() {
  const table = new LatencyTable({
    mesh: CATALOGUE.find((m) => m.id === 'istio')!,
    method: 'reporter-delta',
    $data: new SceneDataNode({
      data: { state: LoadingState.Done, series: frames(), timeRange: getDefaultTimeRange() },
    }),
  });
  new EmbeddedScene({ body: table });
  render(<table.Component model={table} />);
  return screen.getByRole('table', { name: 'Latency added by Istio (sidecar), per workload' });
}

const rowOf = (table: HTMLElement, key: string) => within(table).getByRole('rowheader', { name: key }).closest('tr')!;

test('each quantile added shows its interval under it, and the mean added beside them', () => {
  const table = renderTable();
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
  ).toEqual(['Workload', 'p50 added', 'p90 added', 'p99 added', 'Mean added']);
  const frontend = rowOf(table, 'shop/frontend');
  // Both p99s in Envoy's (100, 250] bucket: the true p99 added lies anywhere from −150 to +150 ms.
  expect(within(frontend).getByText(`(${MINUS}150 ms to +150 ms)`)).toBeInTheDocument();
  expect(within(frontend).getAllByText('unresolved').length).toBeGreaterThan(0);
  // The sentence is said once, under the table, not in every cell.
  expect(table).not.toHaveTextContent("can't resolve");
  expect(screen.getByText(/than their values\. These buckets can't resolve it/)).toHaveTextContent(
    'sidecar.istio.io/statsHistogramBuckets'
  );
});

test('a row whose p99 added is below its p50 added explains why, right under it; a monotone row does not', () => {
  const table = renderTable();
  const ledger = rowOf(table, 'payments/ledger');
  const note = ledger.nextElementSibling as HTMLElement;
  expect(note).toHaveTextContent(
    /^payments\/ledger: a higher quantile adds less here, because each quantile added is the difference of two distributions/
  );
  const notes = within(table).getAllByText(/a higher quantile adds less here/);
  // shop/frontend falls too on small (p50 above p90 added); shop/cart rises with p and has no note.
  expect(notes.map((n) => n.textContent!.split(':')[0]).sort()).toEqual(['payments/ledger', 'shop/frontend']);
});
