/** Syntax check with Prometheus's own lezer grammar: the positions of any parse errors, or none. */
import { parser } from '@prometheus-io/lezer-promql';

export interface SyntaxProblem {
  from: number;
  to: number;
}

export function syntaxProblems(expr: string): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) {
        out.push({ from: node.from, to: node.to });
      }
    },
  });
  return out;
}
