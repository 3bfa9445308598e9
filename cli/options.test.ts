import { Command } from 'commander';
import { DEFAULT_OPTIONS } from '../src/model/options/defaults';
import { OPTION_FIELDS } from '../src/model/options/fields';
import { QueryInputError } from '../src/model/promql/escape';
import { resolveStoredSettings } from '../src/model/settings';
import { addSelectionOptions, FLAG_OF, optionsFromFlags } from './options';
import { buildProgram } from './meshtax';

/** The flags as commander parses them for `queries`/`report`. */
function parsed(argv: string[]): object {
  const cmd = addSelectionOptions(new Command('x').exitOverride());
  cmd.parse(argv, { from: 'user' });
  return cmd.opts();
}

test('every option field has a flag, and every such flag exists on report, queries and (but custom) rules', () => {
  const longs = (name: string) =>
    buildProgram()
      .commands.find((c) => c.name() === name)!
      .options.map((o) => o.long);
  for (const field of OPTION_FIELDS) {
    expect({ field, report: longs('report'), queries: longs('queries') }).toEqual({
      field,
      report: expect.arrayContaining([FLAG_OF[field]]),
      queries: expect.arrayContaining([FLAG_OF[field]]),
    });
  }
  const rules = longs('rules');
  // Recording rules record instants: a mean over a span is taken when reading them (--average-over on report).
  expect(OPTION_FIELDS.filter((f) => !rules.includes(FLAG_OF[f]))).toEqual([
    'averageOver',
    'namespaceExclude',
    'customContainer',
    'customControlPlaneNamespace',
    'customControlPlanePod',
  ]);
});

test('no flags: the one set of defaults', () => {
  expect(optionsFromFlags(parsed([]))).toEqual(DEFAULT_OPTIONS);
});

test('--average-over: absent is the instant value; given, it reaches the options as typed', () => {
  expect(optionsFromFlags(parsed([])).averageOver).toBeUndefined();
  expect(optionsFromFlags(parsed(['--average-over', '7d'])).averageOver).toBe('7d');
});

test('--average-over: not a duration is a usage error from commander, naming the flag', () => {
  expect(() => parsed(['--average-over', 'week'])).toThrow(/week.*not a Prometheus duration/);
});

/** The same settings as stored jsonData and as flags. */
test.each([
  [{}, []],
  [{ pricingSource: 'flat' }, ['--pricing', 'flat']],
  [{ pricingSource: 'opencost', basis: 'max' }, ['--pricing', 'opencost', '--basis', 'max']],
  [
    { cpuHourUsd: 0.031, gibHourUsd: 0.0042, hoursPerMonth: 720 },
    ['--cpu-hour-usd', '0.031', '--gib-hour-usd', '0.0042', '--hours-per-month', '720'],
  ],
  [{ idleRps: 0.5 }, ['--idle-rps', '0.5']],
  [{ namespaceExclude: 'kube-.*|monitoring' }, ['--namespace-exclude', 'kube-.*|monitoring']],
  [{ customContainer: 'my-envoy' }, ['--custom-container', 'my-envoy']],
])('jsonData %j and flags %j give the same options', (jsonData, argv) => {
  const stored = resolveStoredSettings(jsonData);
  expect(stored.errors).toEqual({});
  expect(optionsFromFlags(parsed(argv))).toEqual(stored.options);
});

test.each([
  [['--cpu-hour-usd', '-1'], '--cpu-hour-usd: -1 is not a price between 0 and 100'],
  [['--hours-per-month', '0'], '--hours-per-month: 0 must be above 0 and at most 744 (31 days)'],
  [['--idle-rps', '-3'], '--idle-rps: -3 is not a request rate (0 or more requests per second)'],
  [['--window', '0s'], '--window: must be longer than 0s'],
  [['--average-over', '0s'], '--average-over: must be longer than 0s'],
  [
    ['--average-over', '$__range'],
    '--average-over: "$__range" has no fixed length: give a duration such as 1d or 1w',
  ],
  [
    ['--baseline-offset', '$__range'],
    '--baseline-offset: "$__range" has no fixed length: give a duration such as 1d or 1w',
  ],
  [
    ['--cpu-hour-usd', '500', '--gib-hour-usd', '-2'],
    '--cpu-hour-usd: 500 is not a price between 0 and 100; --gib-hour-usd: -2 is not a price between 0 and 100',
  ],
])('%j: a usage error naming each bad flag: %s', (argv, message) => {
  const run = () => optionsFromFlags(parsed(argv));
  expect(run).toThrow(QueryInputError);
  expect(run).toThrow(message);
});
