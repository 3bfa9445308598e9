/**
 * Lays a figure's query out over several lines for reading. Only whitespace differs from render(): leaves are
 * render()'s own text, and a test checks that the two agree once whitespace outside string literals is removed.
 */
import type { Expr, VectorMatching } from '../promql/ast';
import { render } from '../promql/render';

const INDENT = '  ';

function matching(m?: VectorMatching): string {
  if (!m) {
    return '';
  }
  let out = '';
  if (m.on) {
    out += ` on(${m.on.join(', ')})`;
  } else if (m.ignoring) {
    out += ` ignoring(${m.ignoring.join(', ')})`;
  }
  if (m.groupLeft) {
    out += ` group_left(${m.groupLeft.join(', ')})`;
  } else if (m.groupRight) {
    out += ` group_right(${m.groupRight.join(', ')})`;
  }
  return out;
}

/** The same parenthesising rule as render(): binary operands and negative numbers. */
const needsParens = (e: Expr) => e.kind === 'binary' || (e.kind === 'number' && e.value < 0);

const isLeaf = (e: Expr) => e.kind === 'number' || e.kind === 'string';

/** One line per argument, except that neighbouring literals (label_replace's strings) share a line. */
function argLines(args: Expr[], indent: string, width: number): string[] {
  const lines: string[] = [];
  let literals: string[] = [];
  const flush = () => {
    if (literals.length) {
      lines.push(indent + literals.join(', '));
      literals = [];
    }
  };
  for (const a of args) {
    if (isLeaf(a)) {
      literals.push(render(a));
    } else {
      flush();
      lines.push(indent + layout(a, indent, width));
    }
  }
  flush();
  return lines;
}

function layout(e: Expr, indent: string, width: number): string {
  const flat = render(e);
  if (indent.length + flat.length <= width) {
    return flat;
  }
  const inner = indent + INDENT;
  switch (e.kind) {
    case 'agg': {
      const by = e.by ? ` by (${e.by.join(', ')})` : '';
      const param = e.param ? `${render(e.param)}, ` : '';
      return `${e.op}${by} (\n${inner}${param}${layout(e.expr, inner, width)}\n${indent})`;
    }
    case 'call':
      return `${e.fn}(\n${argLines(e.args, inner, width).join(',\n')}\n${indent})`;
    case 'binary': {
      const side = (x: Expr) =>
        needsParens(x) ? `(\n${inner}${layout(x, inner, width)}\n${indent})` : layout(x, indent, width);
      const op = `${e.op}${e.bool ? ' bool' : ''}${matching(e.matching)}`;
      // A number on the right stays with its operator: "* 730", not a line of its own.
      return isLeaf(e.rhs) && !needsParens(e.rhs)
        ? `${side(e.lhs)}\n${indent}${op} ${render(e.rhs)}`
        : `${side(e.lhs)}\n${indent}${op}\n${indent}${side(e.rhs)}`;
    }
    default:
      return flat;
  }
}

export function formatExpr(e: Expr, width = 72): string {
  return layout(e, '', width);
}
