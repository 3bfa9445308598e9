/**
 * The lint rules that keep src/model pure (eslint.config.mjs, eslint/modelBoundary.mjs) fire on planted imports and
 * stay quiet on the imports the model really uses. ESLint loads its flat config as ESM, which jest cannot import, so
 * one Node process lints every planted text through ESLint's API and prints the rules that fired.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const RULES = ['no-restricted-imports', 'meshtax/model-boundary'];
const PKG = 'no-restricted-imports';
const PATH = 'meshtax/model-boundary';

// [file the text is linted as, import line, rules expected to fire]
const CASES: Array<[string, string, string[]]> = [
  ['src/model/planted.ts', "import React from 'react';", [PKG]],
  ['src/model/planted.ts', "import { jsx } from 'react/jsx-runtime';", [PKG]],
  ['src/model/planted.ts', "import { getBackendSrv } from '@grafana/runtime';", [PKG]],
  ['src/model/planted.ts', "import { Button } from '@grafana/ui';", [PKG]],
  ['src/model/planted.ts', "import { SceneQueryRunner } from '@grafana/scenes';", [PKG]],
  ['src/model/planted.ts', "import moment from 'moment';", [PKG]],
  // The inversion this rule guards: the generator once read the panels' defaults from src/panels.
  ['src/model/planted.ts', "import { X } from '../panels/breakdown/rows';", [PATH]],
  ['src/model/builder/planted.ts', "import { X } from '../../features/overview/Overview';", [PATH]],
  ['src/model/builder/planted.ts', "export { X } from '../../shared/scenes/variables';", [PATH]],
  ['src/model/builder/planted.ts', "import type { X } from '../../../demo/truth';", [PATH]],
  ['src/model/planted.ts', "const x = require('../../cli/meshtax');", [PATH]],
  ['src/model/planted.ts', "const m = import('../utils/utils.routing');", [PATH]],
  // Resolved, not matched as text: a detour through the model that ends outside it.
  ['src/model/planted.ts', "import { X } from './builder/../../constants';", [PATH]],
  // tsconfig baseUrl is ./src, so these compile and bundle: they are paths, not packages.
  ['src/model/planted.ts', "import { X } from 'components/testIds';", [PATH]],
  ['src/model/planted.ts', "import { ROUTES } from 'constants';", [PATH]],
  // What the model does import stays allowed.
  ['src/model/planted.ts', "import { sel } from './promql/dsl';", []],
  ['src/model/builder/planted.ts', "import type { Expr } from '../promql/ast';", []],
  ['src/model/planted.ts', "import type { Dashboard } from '@grafana/schema';", []],
  ['src/model/planted.ts', "import { parse } from 'yaml';", []],
  ['src/model/planted.ts', "import { parser } from '@prometheus-io/lezer-promql';", []],
  // Tests under src/model may use test helpers and the generators they check against, never app code or React.
  ['src/model/planted.test.ts', "import { selectors } from '../testing/promql';", []],
  ['src/model/__int__/planted.ts', "import { startPrometheus } from '../../../demo/harness';", []],
  ['src/model/__int__/planted.int.test.ts', "import { X } from '../../../bench/articleComparison';", []],
  ['src/model/planted.test.ts', "import { X } from '../../scripts/dashboards';", []],
  ['src/model/planted.test.ts', "import { X } from '../panels/breakdown/rows';", [PATH]],
  // gitignore-style patterns: 'react' matches any '.../react', so model tests cannot render components either.
  ['src/model/planted.test.ts', "import { render } from '@testing-library/react';", [PKG]],
  ['src/model/planted.test.ts', "import { Button } from '@grafana/ui';", [PKG]],
  // Outside src/model nothing changes: the app imports React and the model freely.
  ['src/features/planted.ts', "import React from 'react';", []],
  ['src/features/planted.ts', "import { sel } from '../model/promql/dsl';", []],
];

const SCRIPT = `
import { ESLint } from 'eslint';
const eslint = new ESLint({ cwd: process.cwd(), cache: false });
const out = [];
for (const [file, line] of JSON.parse(process.argv[1])) {
  const [result] = await eslint.lintText(line + '\\nexport {};\\n', { filePath: file });
  out.push(result.messages.map((m) => m.ruleId ?? 'fatal: ' + m.message));
}
console.log('RESULT ' + JSON.stringify(out));
`;

function lint(cases: typeof CASES): string[][] {
  const env = { ...process.env };
  delete env.MESHTAX_LINT_TYPES; // the typed variant needs a real file in the TypeScript program
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT, JSON.stringify(cases)], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  // Plugins may print deprecation notices on stdout: read only the marked line.
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) {
    throw new Error(`no result from ESLint:\n${stdout}`);
  }
  return JSON.parse(line.slice('RESULT '.length));
}

test('the model-purity rules fire on every planted import and only there', () => {
  const fired = lint(CASES);
  expect(fired).toHaveLength(CASES.length);
  // Only the two boundary rules are compared (a planted line trips others, e.g. unused variables); a fatal parse
  // error is kept, so a case that does not parse fails instead of passing with no rule fired.
  const got = CASES.map(([file, line], i) => ({
    file,
    line,
    rules: fired[i].filter((r) => RULES.includes(r) || r.startsWith('fatal')),
  }));
  expect(got).toEqual(CASES.map(([file, line, rules]) => ({ file, line, rules })));
  // A count, so an empty case list cannot pass.
  expect(CASES.filter(([, , rules]) => rules.length > 0).length).toBeGreaterThanOrEqual(15);
});
