import React from 'react';
import type { PanelProps } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import { panelData } from '../testData';
import { costColor, readFigure } from './figures';
import { SummaryPanel } from './SummaryPanel';
import { DEFAULT_SUMMARY_OPTIONS, type SummaryOptions } from '../../model/panelOptions';
import { basisOf } from '../../model/figureBasis';
import { DEFAULT_OPTIONS } from '../../model/options/defaults';
import { testIds } from '../../components/testIds';
import { expandCluster } from '../../../demo/cluster';
import { small } from '../../../demo/presets';
import { latencyByGroup } from '../../model/__int__/groupTruth';
import { formatInterval } from '../../utils/utils.latency';

// BigValue measures text on a canvas; jsdom has none, so give it a fixed-width font.
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => ({
    measureText: (t: string) => ({ width: t.length * 8 }),
  })) as unknown as typeof HTMLCanvasElement.prototype.getContext;
});

test('readFigure: the latest finite value, or null with the reason', () => {
  const d = panelData([{ refId: 'cost', values: [1, 2, NaN] }], [{ refId: 'cost' }, { refId: 'cpuShare' }]);
  expect(readFigure(d, 'cost').value).toBe(2);
  expect(readFigure(d, 'cpuShare')).toMatchObject({ value: null, reason: 'no data for this query' });
  expect(readFigure(d, 'nope')).toMatchObject({ value: null, reason: 'no query with refId "nope"' });
});

test.each([
  [null, 'text'],
  [10, 'green'],
  [1000, 'orange'],
  [6000, 'red'],
])('costColor(%s) with thresholds 1000/5000 is %s', (v, want) => {
  expect(costColor(v as number | null, 1000, 5000)).toBe(want);
});

function renderPanel(data = panelData([])) {
  return render(
    <SummaryPanel
      {...({
        data,
        options: DEFAULT_SUMMARY_OPTIONS,
        width: 400,
        height: 300,
      } as unknown as PanelProps<SummaryOptions>)}
    />
  );
}

test('every figure is "unavailable" when the queries return nothing, never $0.00 or NaN', () => {
  renderPanel();
  expect(screen.getAllByText('unavailable').length).toBe(4);
  expect(screen.queryByText(/\$0\.00|NaN/)).toBeNull();
});

test('shows the cost and the shares with their units', () => {
  renderPanel(
    panelData([
      { refId: 'cost', values: [23.64] }, // one point: no sparkline (uPlot needs a real canvas; the browser host covers it)
      { refId: 'cpuShare', values: [0.0378] },
      { refId: 'memoryShare', values: [0.054] },
      { refId: 'p99Added', values: [2.07] },
    ])
  );
  expect(screen.getByText('3.78%')).toBeInTheDocument();
  expect(screen.getByText('2.07 ms')).toBeInTheDocument();
});

test('says under the figures which prices and which window they use, from the options the dashboard sets', () => {
  const basis = basisOf(DEFAULT_OPTIONS, { window: '$__rate_interval' });
  render(
    <SummaryPanel
      {...({
        data: panelData([]),
        options: { ...DEFAULT_SUMMARY_OPTIONS, basis },
        width: 400,
        height: 300,
      } as unknown as PanelProps<SummaryOptions>)}
    />
  );
  expect(screen.getByTestId(testIds.figureBasis.container)).toHaveTextContent(
    /OpenCost's node prices where present, else flat rates.*Grafana's rate interval/
  );
});

test('the p99 added shows the interval that holds the true value under it, and the exact mean added beside it', () => {
  // small's Istio, all traffic: the values Prometheus gives on the demo (generator's distributions, interpolated).
  const t = latencyByGroup(expandCluster(small), 'istio', 'none').get('')!;
  const refs = ['p99Added', 'p99AddedLower', 'p99AddedUpper', 'meanAdded'];
  const values = [t.promAddedMs, ...t.rangeMs, t.meanAddedMs];
  renderPanel(
    panelData(
      refs.map((refId, i) => ({ refId, values: [values[i]] })),
      refs.map((refId) => ({ refId }))
    )
  );
  expect(screen.getByText(formatInterval(t.rangeMs)!)).toBeInTheDocument();
  expect(screen.getByText('Mean added').parentElement).toHaveTextContent(`Mean added${t.meanAddedMs.toFixed(2)} ms`);
  expect(screen.getByText('p99 added').parentElement).toHaveTextContent(
    `p99 added${t.promAddedMs.toFixed(2)} ms${formatInterval(t.rangeMs)}`
  );
});

test('without the mean added query (a dashboard made before it), no empty mean figure; one interval end is no interval', () => {
  renderPanel(
    panelData([
      { refId: 'p99Added', values: [2.07] },
      { refId: 'p99AddedLower', values: [-150] },
    ])
  );
  expect(screen.queryByText('Mean added')).toBeNull();
  expect(screen.queryByText(/ to /)).toBeNull();
});

test('what the mesh does: mTLS coverage, split services and resilience events, with their units', () => {
  renderPanel(
    panelData([
      { refId: 'cost', values: [23.64] },
      { refId: 'mtlsShare', values: [0.9712] },
      { refId: 'splitServices', values: [1, 2] },
      { refId: 'resilienceEvents', values: [0.125] },
    ])
  );
  expect(screen.getByText('mTLS coverage')).toBeInTheDocument();
  expect(screen.getByText('97.12%')).toBeInTheDocument();
  // A count of services has no fraction ("2.00 services" was a defect seen on the Overview).
  expect(screen.getByText('2 services')).toBeInTheDocument();
  expect(screen.getByText('0.125 req/s')).toBeInTheDocument();
});

test('one split service reads "1 service", not "1 services" (seen in the host screenshot of the overview dashboard)', () => {
  renderPanel(panelData([{ refId: 'cost', values: [23.64] }, { refId: 'splitServices', values: [1] }]));
  expect(screen.getByText('1 service')).toBeInTheDocument();
});

test('a value query that returned nothing is "unavailable" with its reason; one the panel was never given is left out', () => {
  renderPanel(panelData([{ refId: 'cost', values: [23.64] }], [{ refId: 'cost' }, { refId: 'mtlsShare' }]));
  const mtls = screen.getByText('mTLS coverage').parentElement!;
  expect(mtls).toHaveTextContent('unavailable');
  expect(mtls).toHaveAttribute('title', 'no data for this query');
  expect(screen.queryByText('Split services')).toBeNull();
  expect(screen.queryByText('Resilience events')).toBeNull();
});

test("in a row repeated over mesh, reads its own mesh's queries: refIds that name ${mesh} are interpolated", () => {
  const options = { ...DEFAULT_SUMMARY_OPTIONS, costRefId: '${mesh}.cost', cpuShareRefId: '${mesh}.cpuShare' };
  render(
    <SummaryPanel
      {...({
        data: panelData([
          { refId: 'istio.cost', values: [23.64] },
          { refId: 'linkerd.cost', values: [7.13] },
          { refId: 'linkerd.cpuShare', values: [0.0118] },
        ]),
        options,
        width: 400,
        height: 300,
        replaceVariables: (s: string) => s.replace('${mesh}', 'linkerd'),
      } as unknown as PanelProps<SummaryOptions>)}
    />
  );
  expect(screen.getByText('1.18%')).toBeInTheDocument();
  expect(screen.queryByText(/23\.6/)).toBeNull();
});

test("the value figures follow the row's mesh too", () => {
  const options = { ...DEFAULT_SUMMARY_OPTIONS, mtlsShareRefId: '${mesh}.mtlsShare' };
  render(
    <SummaryPanel
      {...({
        data: panelData([
          { refId: 'istio.mtlsShare', values: [0.5] },
          { refId: 'linkerd.mtlsShare', values: [0.9712] },
        ]),
        options,
        width: 400,
        height: 300,
        replaceVariables: (s: string) => s.replace('${mesh}', 'linkerd'),
      } as unknown as PanelProps<SummaryOptions>)}
    />
  );
  expect(screen.getByText('97.12%')).toBeInTheDocument();
  expect(screen.queryByText('50.00%')).toBeNull();
});
