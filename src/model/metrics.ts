/** Which metrics an expression reads: used to say why a figure is unavailable. */
import type { Expr } from './promql/ast';

export function metricsOf(e: Expr, out = new Set<string>()): Set<string> {
  switch (e.kind) {
    case 'selector':
      out.add(e.metric);
      break;
    case 'call':
      e.args.forEach((a) => metricsOf(a, out));
      break;
    case 'agg':
      metricsOf(e.expr, out);
      break;
    case 'binary':
      metricsOf(e.lhs, out);
      metricsOf(e.rhs, out);
      break;
    case 'subquery':
      metricsOf(e.expr, out);
      break;
  }
  return out;
}
