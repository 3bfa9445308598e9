import React from 'react';
import { of, throwError } from 'rxjs';
import { PluginType } from '@grafana/data';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import AppConfig, { type AppConfigProps } from './AppConfig';
import { testIds } from '../../components/testIds';

const fetchMock = jest.fn();
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: fetchMock }),
  DataSourcePicker: () => <div>data source picker</div>,
}));

const props = (jsonData = {}) =>
  ({
    plugin: {
      meta: {
        id: 'meshtax-overhead-app',
        name: 'Mesh Tax',
        type: PluginType.app,
        enabled: true,
        pinned: true,
        jsonData,
      },
    },
    query: {},
  }) as unknown as AppConfigProps;

describe('AppConfig', () => {
  beforeEach(() => fetchMock.mockReset());

  test('shows the saved values and the defaults', () => {
    render(<AppConfig {...props({ cpuHourUsd: 0.05 })} />);
    expect(screen.getByLabelText('USD per vCPU-hour')).toHaveValue(0.05);
    expect(screen.getByLabelText(/USD per GiB-hour/)).toHaveValue(0.005);
    expect(screen.getByLabelText('Hours per month')).toHaveValue(730);
  });

  test('a bad price says why, blocks saving and keeps what was typed', () => {
    render(<AppConfig {...props()} />);
    fireEvent.change(screen.getByLabelText('USD per vCPU-hour'), { target: { value: '-2' } });
    expect(screen.getByText(/-2 is not a price between 0 and 100/)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.appConfig.submit)).toBeDisabled();
    expect(screen.getByLabelText('USD per vCPU-hour')).toHaveValue(-2);
  });

  test('a bad regex says why', () => {
    render(<AppConfig {...props()} />);
    fireEvent.change(screen.getByLabelText(/Namespaces to leave out/), { target: { value: '(kube' } });
    expect(screen.getByText(/invalid regular expression/)).toBeInTheDocument();
  });

  test.each([
    [/Namespaces to leave out/, 'a)|(b', /unexpected \)/],
    [/Namespaces to leave out/, '(?=kube)', /lookaround is not supported/],
    [/Custom proxy container/, 'envoy\\i', /invalid escape sequence/],
  ])(
    'a regex Prometheus refuses (%s %j) is refused at its field, as RE2 would, and blocks saving',
    (label, value, why) => {
      render(<AppConfig {...props()} />);
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
      expect(screen.getByText(why)).toBeInTheDocument();
      expect(screen.getByTestId(testIds.appConfig.submit)).toBeDisabled();
      expect(screen.getByLabelText(label)).toHaveValue(value);
    }
  );

  test('a regex only RE2 takes ((?i)) is accepted', () => {
    render(<AppConfig {...props()} />);
    fireEvent.change(screen.getByLabelText(/Namespaces to leave out/), { target: { value: '(?i)KUBE-.*' } });
    expect(screen.queryByText(/invalid regular expression/)).toBeNull();
    expect(screen.getByTestId(testIds.appConfig.submit)).toBeEnabled();
  });

  test('saves jsonData through the settings API and shows the saved state', async () => {
    fetchMock.mockReturnValue(of({ data: {} }));
    render(<AppConfig {...props()} />);
    fireEvent.change(screen.getByLabelText('USD per vCPU-hour'), { target: { value: '0.031' } });
    fireEvent.click(screen.getByTestId(testIds.appConfig.submit));
    await waitFor(() => expect(screen.getByText('Saved')).toBeInTheDocument());
    const req = fetchMock.mock.calls[0][0];
    expect(req.url).toBe('/api/plugins/meshtax-overhead-app/settings');
    expect(req.method).toBe('POST');
    expect(req.data.jsonData.cpuHourUsd).toBe(0.031);
  });

  test('a viewer without permission is told which role is needed, and loses nothing', async () => {
    fetchMock.mockReturnValue(throwError(() => ({ status: 403, data: { message: 'Permission denied' } })));
    render(<AppConfig {...props()} />);
    fireEvent.change(screen.getByLabelText('Hours per month'), { target: { value: '720' } });
    fireEvent.click(screen.getByTestId(testIds.appConfig.submit));
    await waitFor(() => expect(screen.getByText(/you need the Admin role/)).toBeInTheDocument());
    expect(screen.getByLabelText('Hours per month')).toHaveValue(720);
  });
});

describe('AppConfig and the options contract', () => {
  beforeEach(() => fetchMock.mockReset());

  test('a saved value that is no longer valid is shown as saved, with its reason, and blocks saving', () => {
    render(<AppConfig {...props({ idleRps: -1, basis: 'vibes' })} />);
    expect(screen.getByLabelText(/Idle threshold/)).toHaveValue(-1);
    expect(screen.getByText(/-1 is not a request rate/)).toBeInTheDocument();
    expect(screen.getByText(/"vibes" must be usage, requests or max/)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.appConfig.submit)).toBeDisabled();
  });

  test('saves the stored shape: every field, numbers as numbers, the data source kept, an empty regex left out', async () => {
    fetchMock.mockReturnValue(of({ data: {} }));
    render(<AppConfig {...props({ defaultDatasourceUid: 'prom', customContainer: 'my-envoy' })} />);
    fireEvent.change(screen.getByLabelText(/Custom proxy container/), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText(/Idle threshold/), { target: { value: '0.5' } });
    fireEvent.click(screen.getByTestId(testIds.appConfig.submit));
    await waitFor(() => expect(screen.getByText('Saved')).toBeInTheDocument());
    expect(fetchMock.mock.calls[0][0].data.jsonData).toEqual({
      defaultDatasourceUid: 'prom',
      pricingSource: 'auto',
      cpuHourUsd: 0.04,
      gibHourUsd: 0.005,
      hoursPerMonth: 730,
      basis: 'usage',
      idleRps: 0.5,
    });
  });
});
