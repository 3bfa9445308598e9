/** Renders the AST to PromQL text. Binary operands are parenthesised, so precedence never surprises. */
import type { Expr, Matcher, VectorMatching } from './ast';
import { assertDuration, assertLabelName, assertMetricName, quoteString } from './escape';

function renderMatcher(m: Matcher): string {
  return `${assertLabelName(m.label)}${m.op}${quoteString(m.value)}`;
}

function renderLabels(labels: string[]): string {
  return labels.map((l) => assertLabelName(l)).join(', ');
}

function renderMatching(m?: VectorMatching): string {
  if (!m) {
    return '';
  }
  let out = '';
  if (m.on) {
    out += ` on(${renderLabels(m.on)})`;
  } else if (m.ignoring) {
    out += ` ignoring(${renderLabels(m.ignoring)})`;
  }
  if (m.groupLeft) {
    out += ` group_left(${renderLabels(m.groupLeft)})`;
  } else if (m.groupRight) {
    out += ` group_right(${renderLabels(m.groupRight)})`;
  }
  return out;
}

function renderNumber(v: number): string {
  if (Number.isNaN(v)) {
    return 'NaN';
  }
  if (!Number.isFinite(v)) {
    return v > 0 ? '+Inf' : '-Inf';
  }
  return String(v);
}

function operand(e: Expr): string {
  const s = render(e);
  return e.kind === 'binary' || (e.kind === 'number' && e.value < 0) ? `(${s})` : s;
}

type Selector = Extract<Expr, { kind: 'selector' }>;

function selectorBody(e: Selector): string {
  if (e.nameGate !== undefined) {
    // Prometheus refuses a name outside the braces beside a __name__ matcher inside them: both go inside.
    const name = renderMatcher({ label: '__name__', op: '=', value: assertMetricName(e.metric) });
    const gate = renderMatcher({ label: '__name__', op: '=~', value: e.nameGate });
    return `{${[name, gate, ...e.matchers.map(renderMatcher)].join(', ')}}`;
  }
  const ms = e.matchers.map(renderMatcher).join(', ');
  // No name: a selector by matchers only (e.g. a __name__ regex), which needs at least one.
  if (e.metric === '' && ms) {
    return `{${ms}}`;
  }
  return `${assertMetricName(e.metric)}${ms ? `{${ms}}` : ''}`;
}

export function render(e: Expr): string {
  switch (e.kind) {
    case 'selector': {
      let s = selectorBody(e);
      if (e.range) {
        s += `[${assertDuration(e.range, 'range')}]`;
      }
      if (e.offset) {
        s += ` offset ${assertDuration(e.offset, 'offset')}`;
      }
      return s;
    }
    case 'call':
      return `${e.fn}(${e.args.map(render).join(', ')})`;
    case 'agg': {
      const by = e.by ? ` by (${renderLabels(e.by)})` : '';
      const args = e.param ? `${render(e.param)}, ${render(e.expr)}` : render(e.expr);
      return `${e.op}${by} (${args})`;
    }
    case 'binary':
      return `${operand(e.lhs)} ${e.op}${e.bool ? ' bool' : ''}${renderMatching(e.matching)} ${operand(e.rhs)}`;
    case 'number':
      return renderNumber(e.value);
    case 'string':
      return quoteString(e.value);
    case 'subquery':
      return `(${render(e.expr)})[${assertDuration(e.range, 'range')}:${e.step ? assertDuration(e.step, 'step') : ''}]`;
  }
}
