/** Shared by the builder's tests: every (mesh, figure, grouping) the builder can produce, and tree helpers. */
import { parser } from '@prometheus-io/lezer-promql';
import type { Expr } from '../promql/ast';

export function selectors(e: Expr, out: Array<Extract<Expr, { kind: 'selector' }>> = []) {
  if (e.kind === 'selector') {
    out.push(e);
  } else if (e.kind === 'call') {
    e.args.forEach((a) => selectors(a, out));
  } else if (e.kind === 'agg') {
    selectors(e.expr, out);
  } else if (e.kind === 'binary') {
    selectors(e.lhs, out);
    selectors(e.rhs, out);
  } else if (e.kind === 'subquery') {
    selectors(e.expr, out);
  }
  return out;
}

/** The node types of a PromQL text's lezer tree, in order: equal shapes mean user values changed only literals. */
export function treeShape(expr: string): string[] {
  const out: string[] = [];
  parser.parse(expr).iterate({ enter: (n) => void out.push(n.type.name) });
  return out;
}

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
