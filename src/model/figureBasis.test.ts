import { basisOf, describeBasis } from './figureBasis';
import { DEFAULT_OPTIONS } from './options/defaults';
import { resolveOrThrow } from './options/resolve';

describe('describeBasis: the price source and the time a figure covers, in words', () => {
  test.each([
    [{}, "OpenCost's node prices where present, else flat rates", true],
    [{ found: 'opencost' as const }, "OpenCost's node prices", false],
    [{ found: 'flat' as const }, 'flat rates (no OpenCost prices found)', true],
  ])('auto, %j: %s', (extra, source, showsFlatRates) => {
    const w = describeBasis(basisOf(DEFAULT_OPTIONS, extra));
    expect(w.source).toBe(source);
    expect(w.showsFlatRates).toBe(showsFlatRates);
  });

  test.each([
    ['flat', 'flat rates', true],
    ['opencost', "OpenCost's node prices", false],
  ] as const)('chosen %s: %s', (pricingSource, source, showsFlatRates) => {
    const w = describeBasis(basisOf(resolveOrThrow({ pricingSource })));
    expect({ source: w.source, showsFlatRates: w.showsFlatRates }).toEqual({ source, showsFlatRates });
  });

  test('the window as configured, a Grafana macro in words, or the mean over averageOver', () => {
    expect(describeBasis(basisOf(DEFAULT_OPTIONS)).time).toBe('instant, rates over 5m');
    expect(describeBasis(basisOf(DEFAULT_OPTIONS, { window: '$__rate_interval' })).time).toBe(
      "instant, rates over Grafana's rate interval"
    );
    expect(describeBasis(basisOf(resolveOrThrow({ averageOver: '7d' }))).time).toBe(
      "mean over the 7d before the figure's time"
    );
  });
});
