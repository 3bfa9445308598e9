/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// jsdom would pick the yaml package's browser build, which is ESM that jest does not transform.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES_FLAGS, rulesFileText } from './rules';

test("provisioning/demo/meshtax-rules.yml is the generator's output (regenerate it with the command in its header)", () => {
  const file = readFileSync(join(__dirname, '..', 'provisioning', 'demo', 'meshtax-rules.yml'), 'utf8');
  expect(file).toBe(rulesFileText(DEFAULT_RULES_FLAGS));
});
