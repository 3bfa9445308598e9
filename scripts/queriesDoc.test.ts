import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { queriesMarkdown } from './queriesDoc';

test("docs/queries.md is the model's current output (run `npm run docs:queries` after changing a query)", () => {
  expect(readFileSync(join(__dirname, '..', 'docs', 'queries.md'), 'utf8')).toBe(queriesMarkdown());
});
