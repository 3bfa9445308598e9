/**
 * Looking inside generated queries, for tests: the selectors of an AST, the node shape of a PromQL text, and the text
 * without layout whitespace.
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { Expr } from '../model/promql/ast';

export type Selector = Extract<Expr, { kind: 'selector' }>;

export function selectors(e: Expr, out: Selector[] = []): Selector[] {
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
