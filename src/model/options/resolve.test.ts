import { CATALOGUE } from '../catalogue';
import { resolveStoredSettings, toStoredSettings } from '../settings';
import { DEFAULT_OPTIONS } from './defaults';
import { figureOptions, meshesOf, selectionOf, staticPriceSource } from './figureOptions';
import { OPTION_FIELDS, OptionsError, type OptionField } from './fields';
import { resolveOptions, resolveOrThrow } from './resolve';

describe('defaults', () => {
  test('no values: the defaults, valid, with no errors', () => {
    expect(resolveOptions({})).toEqual({ options: DEFAULT_OPTIONS, errors: {} });
  });

  test('the defaults the product documents: article prices, usage basis, reporter-delta p99, 1 rps, 5m, a week', () => {
    expect(DEFAULT_OPTIONS).toEqual({
      pricingSource: 'auto',
      prices: { cpuHourUsd: 0.04, gibHourUsd: 0.005, hoursPerMonth: 730 },
      basis: 'usage',
      latency: { method: 'reporter-delta', quantile: 0.99, baselineOffset: '1w' },
      idleRps: 1,
      window: '5m',
      useRecordingRules: false,
    });
  });

  test('missing and null values take the default; other fields keep theirs', () => {
    const { options, errors } = resolveOptions({ cpuHourUsd: 0.05, gibHourUsd: null, basis: undefined });
    expect(errors).toEqual({});
    expect(options).toEqual({ ...DEFAULT_OPTIONS, prices: { ...DEFAULT_OPTIONS.prices, cpuHourUsd: 0.05 } });
  });
});

/** [field, bad value, what the message says]: every field of the contract, each refused on its own. */
const BAD: Array<[OptionField, unknown, RegExp]> = [
  ['pricingSource', 'cheap', /^"cheap" must be auto, flat or opencost$/],
  ['cpuHourUsd', -1, /^-1 is not a price between 0 and 100$/],
  ['cpuHourUsd', 'abc', /^"abc" is not a price between 0 and 100$/],
  ['cpuHourUsd', ' -2 ', /^-2 is not a price between 0 and 100$/],
  ['cpuHourUsd', NaN, /^NaN is not a price/],
  ['gibHourUsd', 1e6, /^1000000 is not a price between 0 and 100$/],
  ['gibHourUsd', '', /^an empty value is not a price/],
  ['hoursPerMonth', 0, /^0 must be above 0 and at most 744/],
  ['hoursPerMonth', 745, /^745 must be above 0/],
  ['basis', 'vibes', /^"vibes" must be usage, requests or max$/],
  ['idleRps', -3, /^-3 is not a request rate/],
  ['latencyMethod', 'guess', /^"guess" must be reporter-delta, app-vs-mesh or baseline$/],
  ['baselineOffset', 'a week', /^"a week" is not a Prometheus duration/],
  ['baselineOffset', '$__range', /no fixed length/],
  ['baselineOffset', '0s', /longer than 0s/],
  ['window', '5 minutes', /^"5 minutes" is not a Prometheus duration/],
  ['window', '0m', /longer than 0s/],
  ['averageOver', 'a week', /^"a week" is not a Prometheus duration/],
  ['averageOver', '$__range', /no fixed length/],
  ['averageOver', '0d', /longer than 0s/],
  ['averageOver', 7, /^7 is not a Prometheus duration/],
  ['namespaceExclude', '(?!kube)', /^invalid regular expression .*lookaround/],
  // valid only once wrapped in ^(?:…)$; Prometheus parses the raw value first and answers 400
  ['namespaceExclude', 'a)|(b', /RE2.*unexpected \)/],
  ['customContainer', '(envoy', /^invalid regular expression/],
  ['customContainer', 'envoy\\i', /invalid escape sequence/],
  ['customControlPlaneNamespace', '[', /^invalid regular expression/],
  ['customControlPlanePod', 'x{1001}', /^invalid regular expression/],
  ['useRecordingRules', 'yes', /^"yes" is not true or false$/],
];

describe('validation, keyed by field', () => {
  test('the table covers every field', () => {
    expect([...new Set(BAD.map(([f]) => f))].sort()).toEqual([...OPTION_FIELDS].sort());
  });

  test.each(BAD)('%s = %j: that field alone, "%s"', (field, raw, message) => {
    const { options, errors } = resolveOptions({ [field]: raw });
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(message);
    // The bad value is not used: the field keeps its default, so a page can still draw.
    expect(options).toEqual(DEFAULT_OPTIONS);
  });

  test.each(BAD)('%s: the message names neither a flag nor a field (each surface adds its own label)', (field, raw) => {
    const message = resolveOptions({ [field]: raw }).errors[field]!;
    const kebab = field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    expect(message).not.toMatch(/^--|^[a-zA-Z][a-zA-Z-]*: /);
    expect([field, kebab].filter((name) => message.startsWith(name))).toEqual([]);
  });

  test('several bad fields: one message each; resolveOrThrow names the first and carries all', () => {
    const values = { cpuHourUsd: -1, idleRps: -3, window: 'x' };
    expect(Object.keys(resolveOptions(values).errors).sort()).toEqual(['cpuHourUsd', 'idleRps', 'window']);
    expect(() => resolveOrThrow(values)).toThrow(OptionsError);
    try {
      resolveOrThrow(values);
    } catch (e) {
      expect((e as OptionsError).field).toBe('cpuHourUsd');
      expect(Object.keys((e as OptionsError).errors)).toHaveLength(3);
    }
  });

  test.each([
    ['cpuHourUsd', '0.05', 0.05],
    ['cpuHourUsd', 0, 0],
    ['hoursPerMonth', ' 744 ', 744],
    ['idleRps', '0', 0],
  ] as const)('numbers may come as text: %s %j', (field, raw, want) => {
    const { options, errors } = resolveOptions({ [field]: raw });
    expect(errors).toEqual({});
    expect(field === 'idleRps' ? options.idleRps : options.prices[field]).toBe(want);
  });

  test('regexes only RE2 takes are valid: inline flags and (?P<name>…), which JavaScript refuses', () => {
    expect(resolveOptions({ namespaceExclude: '(?i)KUBE-.*', customContainer: '(?P<p>envoy)' }).errors).toEqual({});
  });

  test('a window may be a Grafana interval macro (the scenes use $__rate_interval); an offset may not', () => {
    expect(resolveOptions({ window: '$__rate_interval' }).errors).toEqual({});
    expect(Object.keys(resolveOptions({ baselineOffset: '$__rate_interval' }).errors)).toEqual(['baselineOffset']);
  });

  test('averageOver: absent or empty text is the instant value; a duration is kept as typed', () => {
    expect(resolveOptions({ averageOver: '' }).options).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS.averageOver).toBeUndefined();
    expect(resolveOrThrow({ averageOver: '1w2d' }).averageOver).toBe('1w2d');
  });

  test('empty regex text means none', () => {
    expect(resolveOptions({ namespaceExclude: '', customContainer: '' }).options).toEqual(DEFAULT_OPTIONS);
  });
});

describe('the custom mesh', () => {
  test.each([
    [{ customContainer: 'my-envoy' }, { container: 'my-envoy', controlPlane: undefined }],
    [
      { customContainer: 'my-envoy', customControlPlaneNamespace: 'ctl' },
      { container: 'my-envoy', controlPlane: { namespace: 'ctl', pod: undefined } },
    ],
    [{ customControlPlanePod: 'ctl-.*' }, undefined],
  ])('%j', (values, custom) => {
    expect(resolveOptions(values).options.custom).toEqual(custom);
  });

  test('is measured beside the catalogue (Breakdown, Latency and the report all get it)', () => {
    const o = resolveOrThrow({ customContainer: 'my-envoy' });
    expect(meshesOf(o).map((m) => m.id)).toEqual([...CATALOGUE.map((m) => m.id), 'custom']);
    expect(figureOptions(o).meshes.map((m) => m.id)).toContain('custom');
    expect(meshesOf(DEFAULT_OPTIONS)).toBe(CATALOGUE);
  });
});

describe('from options to what figures are built from', () => {
  test.each([
    // auto is decided inside each query (pricing.ts), so surfaces that cannot probe give the report's answer.
    ['auto', 'auto'],
    ['flat', 'flat'],
    ['opencost', 'opencost'],
  ] as const)('pricing source %s prices with %s where nothing can probe', (chosen, used) => {
    expect(staticPriceSource(chosen)).toBe(used);
    expect(figureOptions({ ...DEFAULT_OPTIONS, pricingSource: chosen }).pricing.source).toBe(used);
  });

  test('a probe decides "auto": its answer wins', () => {
    expect(figureOptions(DEFAULT_OPTIONS, 'opencost').pricing.source).toBe('opencost');
  });

  test('the basis is an option of its own, not part of the prices', () => {
    const f = figureOptions(resolveOrThrow({ basis: 'max', cpuHourUsd: 0.07 }));
    expect(f.basis).toBe('max');
    expect(f.pricing).toEqual({ source: 'auto', cpuHourUsd: 0.07, gibHourUsd: 0.005, hoursPerMonth: 730 });
    expect(f.latency).toEqual(DEFAULT_OPTIONS.latency);
  });

  test('selectionOf: window, exclusions and the recording-rules source from the options, scope from the page', () => {
    const o = resolveOrThrow({ window: '10m', namespaceExclude: 'kube-.*', useRecordingRules: true });
    expect(selectionOf(o, { groupBy: 'namespace', cluster: 'eu' })).toEqual({
      window: '10m',
      namespaceExclude: 'kube-.*',
      useRecordingRules: true,
      groupBy: 'namespace',
      cluster: 'eu',
    });
    expect(selectionOf(DEFAULT_OPTIONS, { groupBy: 'none' })).toEqual({ window: '5m', groupBy: 'none' });
    expect(selectionOf(resolveOrThrow({ averageOver: '7d' }), { groupBy: 'none' })).toEqual({
      window: '5m',
      averageOver: '7d',
      groupBy: 'none',
    });
  });
});

describe('stored settings (plugin jsonData)', () => {
  test.each([undefined, null, 'garbage', 42, {}])('%j: the defaults', (jsonData) => {
    expect(resolveStoredSettings(jsonData)).toEqual({
      options: DEFAULT_OPTIONS,
      errors: {},
      defaultDatasourceUid: undefined,
    });
  });

  test('saved values are read, unknown keys ignored, the data source kept beside the options', () => {
    const s = resolveStoredSettings({ cpuHourUsd: 0.05, defaultDatasourceUid: 'prom', apiKey: 'x' });
    expect(s).toEqual({
      options: { ...DEFAULT_OPTIONS, prices: { ...DEFAULT_OPTIONS.prices, cpuHourUsd: 0.05 } },
      errors: {},
      defaultDatasourceUid: 'prom',
    });
  });

  test('an invalid saved value is reported by field and replaced by its default', () => {
    const s = resolveStoredSettings({ idleRps: -1, basis: 'requests' });
    expect(s.errors).toEqual({ idleRps: expect.stringMatching(/request rate/) });
    expect(s.options).toEqual({ ...DEFAULT_OPTIONS, basis: 'requests' });
  });

  test('what the configuration page saves reads back as the same options', () => {
    const o = resolveOrThrow({
      pricingSource: 'opencost',
      cpuHourUsd: 0.031,
      gibHourUsd: 0.0042,
      hoursPerMonth: 720,
      basis: 'max',
      idleRps: 0.5,
      namespaceExclude: 'kube-system',
      customContainer: 'my-envoy',
    });
    const stored = toStoredSettings(o, 'prom');
    expect(stored).toEqual({
      defaultDatasourceUid: 'prom',
      pricingSource: 'opencost',
      cpuHourUsd: 0.031,
      gibHourUsd: 0.0042,
      hoursPerMonth: 720,
      basis: 'max',
      customContainer: 'my-envoy',
      namespaceExclude: 'kube-system',
      idleRps: 0.5,
    });
    expect(resolveStoredSettings(stored).options).toEqual(o);
  });

  test('the settings saved to jsonData hold no secrets (jsonData is readable by every viewer)', () => {
    // Mesh Tax reaches Prometheus through Grafana's data source, whose credentials stay in the data source.
    const keys = Object.keys(toStoredSettings(resolveOrThrow({ customContainer: 'x', namespaceExclude: 'y' }), 'ds'));
    expect(keys.length).toBeGreaterThan(8);
    expect(keys.filter((k) => /token|password|secret|credential|auth|key/i.test(k))).toEqual([]);
  });
});
