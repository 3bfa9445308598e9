/** Shared by the builder's tests: every (mesh, figure, grouping) the builder can produce, and tree helpers. */
export { selectors, treeShape } from '../promql/inspect';

/** The text without whitespace outside string literals (escapes included), to compare layouts of one query. */
export function squeeze(expr: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += expr[++i];
      } else if (c === quote) {
        quote = undefined;
      }
    } else if (c === '"' || c === "'") {
      quote = c;
      out += c;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}
