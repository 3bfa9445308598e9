import React from 'react';
import type { PanelProps } from '@grafana/data';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { panelData } from '../testData';
import { BreakdownPanel } from './BreakdownPanel';
import { breakdownRows } from './rows';
import { DEFAULT_BREAKDOWN_OPTIONS, type BreakdownOptions } from '../../model/panelOptions';

const ns = (namespace: string, workload?: string) => ({ namespace, ...(workload ? { workload } : {}) });
const data = panelData([
  { refId: 'cost', labels: ns('shop', 'frontend'), values: [10, 12] },
  { refId: 'cost', labels: ns('shop', 'cart'), values: [30] },
  { refId: 'cost', labels: ns('pay', 'api'), values: [20] },
  { refId: 'cpu', labels: ns('shop', 'frontend'), values: [0.1] },
  { refId: 'memory', labels: ns('pay', 'api'), values: [2 ** 27] },
]);

describe('breakdownRows', () => {
  test('keys by namespace/workload, takes the latest value, sorts by the chosen column and cuts to top N', () => {
    const rows = breakdownRows(data, { ...DEFAULT_BREAKDOWN_OPTIONS, groupBy: 'workload', topN: 2 });
    expect(rows.map((r) => [r.key, r.cost])).toEqual([
      ['shop/cart', 30],
      ['pay/api', 20],
    ]);
  });

  test('missing values are null and sort last, never 0', () => {
    const rows = breakdownRows(data, { ...DEFAULT_BREAKDOWN_OPTIONS, groupBy: 'workload', sortBy: 'cpu' });
    expect(rows[0]).toEqual({
      key: 'shop/frontend',
      namespace: 'shop',
      workload: 'frontend',
      cost: 12,
      cpu: 0.1,
      request: null,
      memory: null,
      share: null,
    });
    expect(rows.slice(1).every((r) => r.cpu === null)).toBe(true);
  });

  test('a bad top N falls back to 10', () => {
    expect(breakdownRows(data, { ...DEFAULT_BREAKDOWN_OPTIONS, groupBy: 'workload', topN: -3 })).toHaveLength(3);
  });

  test('series without the grouping label are ignored', () => {
    expect(breakdownRows(panelData([{ refId: 'cost', labels: {}, values: [5] }]), DEFAULT_BREAKDOWN_OPTIONS)).toEqual(
      []
    );
  });
});

function renderPanel(options: BreakdownOptions, d = data) {
  const props = { data: d, options, width: 400, height: 300 } as unknown as PanelProps<BreakdownOptions>;
  return render(<BreakdownPanel {...props} />);
}

test('renders rows with units and "unavailable" for missing cells', () => {
  renderPanel({ ...DEFAULT_BREAKDOWN_OPTIONS, groupBy: 'workload' });
  const row = within(screen.getByRole('row', { name: /pay\/api/ }));
  expect(row.getByText('$20.00')).toBeInTheDocument();
  expect(row.getByText('128.0 MiB')).toBeInTheDocument();
  expect(row.getAllByText('unavailable').length).toBe(2);
});

test('a click on a column header re-sorts the rows, and the header says so', () => {
  renderPanel({ ...DEFAULT_BREAKDOWN_OPTIONS, groupBy: 'workload' });
  const names = () =>
    screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getByRole('rowheader').textContent);
  expect(names()).toEqual(['shop/cart', 'pay/api', 'shop/frontend']);
  fireEvent.click(screen.getByRole('button', { name: /Proxy memory/ }));
  expect(names()).toEqual(['pay/api', 'shop/cart', 'shop/frontend']);
  expect(screen.getByRole('columnheader', { name: /Proxy memory/ })).toHaveAttribute('aria-sort', 'descending');
  // No requests query answered: the column is left out rather than shown as unavailable everywhere.
  expect(screen.queryByRole('button', { name: /requested/ })).not.toBeInTheDocument();
});

test('workload rows link to the workload drill-down with the mesh and time range, URL-encoded', () => {
  const odd = panelData([{ refId: 'cost', labels: ns('a&b', 'x y'), values: [1] }]);
  const replaceVariables = (s: string) =>
    s === '${__url_time_range}' ? 'from=1000&to=2000' : s === '${mesh}' ? 'linkerd' : s;
  const props = {
    data: odd,
    options: { ...DEFAULT_BREAKDOWN_OPTIONS, groupBy: 'workload' },
    width: 400,
    height: 300,
    replaceVariables,
  } as unknown as PanelProps<BreakdownOptions>;
  render(<BreakdownPanel {...props} />);
  const href = screen.getByRole('link', { name: 'a&b/x y' }).getAttribute('href')!;
  const url = new URL(href, 'http://grafana');
  expect(url.pathname).toBe('/a/meshtax-overhead-app/breakdown/workload');
  expect(Object.fromEntries(url.searchParams)).toEqual({
    'var-namespace': 'a&b',
    'var-workload': 'x y',
    'var-mesh': 'linkerd',
    from: '1000',
    to: '2000',
  });
});

test('namespace rows have no link; unresolved variables are left out of workload links', () => {
  const { unmount } = renderPanel({ ...DEFAULT_BREAKDOWN_OPTIONS, groupBy: 'namespace' });
  expect(screen.queryAllByRole('link')).toHaveLength(0);
  unmount();
  const props = {
    data,
    options: { ...DEFAULT_BREAKDOWN_OPTIONS, groupBy: 'workload' },
    replaceVariables: (x: string) => x, // a dashboard without $mesh or a time range
  } as unknown as PanelProps<BreakdownOptions>;
  render(<BreakdownPanel {...props} />);
  const hrefs = screen.getAllByRole('link').map((a) => a.getAttribute('href')!);
  expect(hrefs).toHaveLength(3);
  expect(hrefs.every((h) => !decodeURIComponent(h).includes('$'))).toBe(true);
});

test('a failed query shows its error, not advice about labels', () => {
  renderPanel(DEFAULT_BREAKDOWN_OPTIONS, { ...panelData([]), errors: [{ message: 'The data source answered 503' }] });
  expect(screen.getByText('The data source answered 503')).toBeInTheDocument();
  expect(screen.queryByText(/No namespaces with a proxy/)).toBeNull();
});

test('empty state names the label it needs', () => {
  renderPanel(DEFAULT_BREAKDOWN_OPTIONS, panelData([]));
  expect(screen.getByText(/No namespaces with a proxy in this data/)).toBeInTheDocument();
});
