import { DEFAULT_SETTINGS, settingsErrors, withDefaults } from './settings';

describe('settings validation', () => {
  test('defaults are valid', () => {
    expect(settingsErrors(DEFAULT_SETTINGS)).toEqual({});
  });
  test.each([
    ['cpuHourUsd', { cpuHourUsd: -1 }, /between 0 and 100/],
    ['cpuHourUsd', { cpuHourUsd: NaN }, /between 0 and 100/],
    ['gibHourUsd', { gibHourUsd: 1e6 }, /between 0 and 100/],
    ['hoursPerMonth', { hoursPerMonth: 0 }, /above 0/],
    ['customContainer', { customContainer: '(envoy' }, /invalid regular expression/],
    ['namespaceExclude', { namespaceExclude: '(?!kube)' }, /lookaround/],
    // valid only once wrapped in ^(?:…)$; Prometheus parses the raw value first and answers 400
    ['namespaceExclude', { namespaceExclude: 'a)|(b' }, /RE2.*unexpected \)/],
    ['customContainer', { customContainer: 'envoy\\i' }, /invalid escape sequence/],
    ['idleRps', { idleRps: -3 }, /request rate/],
  ])('%s: %j', (field, patch, msg) => {
    const errors = settingsErrors({ ...DEFAULT_SETTINGS, ...patch });
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(msg);
  });
  test('regexes only RE2 takes are valid: inline flags and (?P<name>…), which JavaScript refuses', () => {
    expect(
      settingsErrors({ ...DEFAULT_SETTINGS, namespaceExclude: '(?i)KUBE-.*', customContainer: '(?P<p>envoy)' })
    ).toEqual({});
  });
  test('saved values override defaults and nothing else is lost', () => {
    expect(withDefaults({ cpuHourUsd: 0.05 })).toEqual({ ...DEFAULT_SETTINGS, cpuHourUsd: 0.05 });
  });
});

test('the settings saved to jsonData hold no secrets (jsonData is readable by every viewer)', () => {
  // Mesh Tax reaches Prometheus through Grafana's data source, whose credentials stay in the data source.
  expect(Object.keys(DEFAULT_SETTINGS).filter((k) => /token|password|secret|credential|auth|key/i.test(k))).toEqual([]);
});
