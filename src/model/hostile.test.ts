/**
 * Issue #9's injection property: thousands of hostile user values (quotes, backslashes, newlines, PromQL fragments,
 * any unicode, very long strings) in every user-typed field of a selection. Every query still parses, has the same
 * lezer tree shape as with a harmless value (the value changed only string literals), and carries the value
 * verbatim in its matcher. Regex fields either validate as RE2-compatible or are refused with a QueryInputError.
 */
import fc from 'fast-check';
import { parser } from '@prometheus-io/lezer-promql';
import { CATALOGUE } from './catalogue';
import { DEFAULT_FIGURE_OPTIONS, meshFigures } from './figureSet';
import { QueryInputError, regexQuote } from './promql/escape';
import { selectors, treeShape } from '../testing/promql';
import { syntaxProblems } from './promql/validate';
import { validateSelection, type Grouping, type Selection } from './scope';

const FRAGMENTS = [
  '"} or vector(1) #',
  '"}) or on() vector(1) #',
  'x\\"}',
  '\\',
  '\n',
  "'",
  '`',
  '${namespace}',
  '}[5m]',
  'ünïcødé ✓ 日本 🚀',
  '\u0000\u2028\u202e',
];
const hostile = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    {
      weight: 2,
      arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1000, maxLength: 5000 }) }
  )
  .filter((v) => v !== ''); // empty means "no filter": a different query by design

/** String literals of a PromQL text, unquoted as Prometheus would read them (JSON-compatible escapes). */
function literals(expr: string): string[] {
  const out: string[] = [];
  parser.parse(expr).iterate({
    enter: (n) => {
      if (n.type.name === 'StringLiteral') {
        out.push(JSON.parse(expr.slice(n.from, n.to)));
      }
    },
  });
  return out;
}

type Field = 'cluster' | 'clusterRegex' | 'namespaceInclude' | 'namespaceExclude' | 'workloadInclude';
const FIELDS: Field[] = ['cluster', 'clusterRegex', 'namespaceInclude', 'namespaceExclude', 'workloadInclude'];
const GROUPINGS: Grouping[] = ['none', 'cluster', 'namespace', 'workload'];

test('hostile values in any field: queries parse, keep their structure and carry the value verbatim', () => {
  let built = 0;
  let refused = 0;
  let verbatim = 0;
  fc.assert(
    fc.property(
      hostile,
      fc.constantFrom(...FIELDS),
      fc.boolean(),
      fc.constantFrom(...CATALOGUE),
      fc.constantFrom(...GROUPINGS),
      fc.nat(),
      (value, field, quoted, mesh, groupBy, pick) => {
        // Regex fields get the value as typed, or quoted (what a UI passes for a literal name).
        const v = field !== 'cluster' && quoted ? regexQuote(value) : value;
        const s: Selection = { window: '5m', groupBy, [field]: v };
        try {
          validateSelection(s);
        } catch (e) {
          expect(e).toBeInstanceOf(QueryInputError);
          refused++;
          return;
        }
        const figures = meshFigures(mesh, s, DEFAULT_FIGURE_OPTIONS);
        const f = figures[pick % figures.length];
        const harmless = meshFigures(mesh, { ...s, [field]: 'x' }, DEFAULT_FIGURE_OPTIONS).find((x) => x.id === f.id)!;
        expect(syntaxProblems(f.expr)).toEqual([]);
        expect(treeShape(f.expr)).toEqual(treeShape(harmless.expr));
        const carried = selectors(f.ast)
          .flatMap((x) => x.matchers)
          .filter((m) => m.value.includes(v));
        if (carried.length) {
          // What Prometheus reads back from the text is what the user typed, byte for byte.
          expect(literals(f.expr)).toEqual(expect.arrayContaining(carried.map((m) => m.value)));
          verbatim++;
        }
        built++;
      }
    ),
    { numRuns: 3000 }
  );
  expect(built).toBeGreaterThan(1500);
  expect(refused).toBeGreaterThan(0);
  expect(verbatim).toBeGreaterThan(1000);
});
