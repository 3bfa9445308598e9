/** Looking inside generated queries, for tests: the selectors of an AST, and the node shape of a PromQL text. */
import { parser } from '@prometheus-io/lezer-promql';
import type { Expr } from './ast';

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
