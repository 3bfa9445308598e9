/** The traffic mixes (issue #17): realistic labels, and splits that leave every existing total unchanged. */
import { expandCluster } from './cluster';
import { FIXTURE_START, migration, small } from './presets';
import { allSeries } from './series';
import type { Series } from './seriesShape';
import { valueTruth } from './truth-value';

const T = FIXTURE_START + 3600;
const label = (s: Series, k: string) => s.labels.find(([key]) => key === k)?.[1];
const rateOf = (s: Series) => (s.value(T) - s.value(T - 300)) / 300;
const total = (ss: Series[]) => ss.reduce((a, s) => a + rateOf(s), 0);

describe('small preset, Istio', () => {
  const cluster = expandCluster(small);
  const series = allSeries(cluster).filter((s) => s.name === 'istio_requests_total');
  const served = (ns: string, w: string) =>
    series.filter(
      (s) =>
        label(s, 'reporter') === 'destination' &&
        label(s, 'destination_workload_namespace') === ns &&
        label(s, 'destination_workload') === w
    );

  test('the frontend serves 4% in plaintext to an unknown (unmeshed) client, the rest over mutual TLS', () => {
    const all = served('shop', 'frontend');
    const plain = all.filter((s) => label(s, 'connection_security_policy') === 'none');
    expect(total(all)).toBeCloseTo(300, 9);
    expect(total(plain)).toBeCloseTo(12, 9);
    plain.forEach((s) =>
      expect([label(s, 'source_workload'), label(s, 'source_principal')]).toEqual(['unknown', 'unknown'])
    );
    const mtls = all.filter((s) => label(s, 'connection_security_policy') === 'mutual_tls');
    expect(total(mtls)).toBeCloseTo(288, 9);
  });

  test('cart splits 90/10 between v1 and v2 pods', () => {
    const all = served('shop', 'cart');
    const byVersion = (v: string) => total(all.filter((s) => label(s, 'destination_version') === v));
    expect(byVersion('v1')).toBeCloseTo(135, 9);
    expect(byVersion('v2')).toBeCloseTo(15, 9);
  });

  test('the load generator sees UO and URX on checkout; ledger rate-limits 1% on the server side', () => {
    const sent = series.filter(
      (s) => label(s, 'reporter') === 'source' && label(s, 'destination_workload') === 'checkout'
    );
    const flag = (ss: Series[], f: string) => total(ss.filter((s) => label(s, 'response_flags') === f));
    // The load generator sends 60 / (1 - 0.004), of which its own proxy turns 0.4% away before they reach checkout.
    expect(flag(sent, 'UO')).toBeCloseTo((60 / 0.996) * 0.004, 9);
    expect(flag(sent, 'URX')).toBeCloseTo((60 / 0.996) * 0.002, 9);
    expect(sent.filter((s) => label(s, 'response_flags') === 'UO').map((s) => label(s, 'response_code'))).toEqual([
      '503',
    ]);
    expect(flag(served('payments', 'ledger'), 'RL')).toBeCloseTo(0.4, 9);
    expect(total(served('shop', 'checkout'))).toBeCloseTo(60, 9);
  });

  test('ground truth: mTLS share, split services and resilience from the spec', () => {
    const istio = valueTruth(cluster, T, 300).find((v) => v.mesh === 'istio')!;
    const rps = 300 + 150 + 60 + 200 + 40;
    expect(istio.rps.none['']).toBeCloseTo(rps, 9);
    expect(istio.mtlsShare.none['']).toBeCloseTo((rps - 12) / rps, 12);
    expect(istio.plaintext).toEqual({ 'shop/frontend': expect.closeTo(12, 9) });
    expect(istio.splitServices!.none['']).toBe(1);
    expect(istio.resilience!.RL!.none['']).toBeCloseTo(0.4, 9);
    expect(istio.resilience!.UT!.workload['payments/api']).toBeCloseTo(0.2, 9);
  });
});

test('migration, Linkerd: invoices serves 10% with tls="no_identity"; its callers\' route metrics carry the canary and the URX/UT', () => {
  const cluster = expandCluster(migration);
  const inbound = allSeries(cluster).filter(
    (s) => s.name === 'request_total' && label(s, 'direction') === 'inbound' && label(s, 'deployment') === 'invoices'
  );
  const plain = inbound.filter((s) => label(s, 'tls') === 'no_identity');
  expect(total(inbound)).toBeCloseTo(240, 9);
  expect(total(plain)).toBeCloseTo(24, 9);
  plain.forEach((s) => expect(label(s, 'no_tls_reason')).toBe('not_provided_by_remote'));
  const linkerd = valueTruth(cluster, T, 300).find((v) => v.mesh === 'linkerd')!;
  // catalog's cart runs the shop's 90/10 canary: one parent Service over two backend Services.
  expect(linkerd.splitServices).toEqual({ none: { '': 1 }, namespace: { catalog: 1, billing: 0 } });
  const backends = allSeries(cluster).filter(
    (s) => s.name === 'outbound_http_route_backend_requests_total' && label(s, 'parent_name') === 'cart'
  );
  const byBackend = Object.fromEntries(
    ['cart', 'cart-v2'].map((b) => [b, total(backends.filter((s) => label(s, 'backend_name') === b))])
  );
  expect(byBackend.cart / (byBackend.cart + byBackend['cart-v2'])).toBeCloseTo(0.9, 9);
  // The load generator sends invoices its mTLS 90% (216 rps); 0.2% of it times out. checkout: 60 rps sent over
  // (1 - UO) so that the server still serves 60, 0.2% of which exhaust their retries. No UO or RL counter.
  expect(linkerd.resilience!.UT!.workload['billing/invoices']).toBeCloseTo(240 * 0.9 * 0.002, 9);
  expect(linkerd.resilience!.URX!.workload['catalog/checkout']).toBeCloseTo((60 / (1 - 0.004)) * 0.002, 9);
  expect(Object.keys(linkerd.resilience!).sort()).toEqual(['URX', 'UT']);
});
