/** PromQL as highlighted segments, from the lezer-promql tree: rendered as React text, never as HTML. */
import { highlightCode, tagHighlighter, tags } from '@lezer/highlight';
import { parser } from '@prometheus-io/lezer-promql';

export interface Segment {
  text: string;
  /** One of the `pq-*` classes below; empty for plain text. */
  className: string;
}

/** lezer-promql tags function names and metric names alike as variableName: the function modifier tells them apart. */
const highlighter = tagHighlighter([
  { tag: tags.function(tags.variableName), class: 'pq-function' },
  { tag: tags.variableName, class: 'pq-metric' },
  { tag: tags.labelName, class: 'pq-label' },
  { tag: tags.string, class: 'pq-string' },
  { tag: tags.number, class: 'pq-number' },
  { tag: [tags.operatorKeyword, tags.modifier, tags.keyword], class: 'pq-keyword' },
  { tag: [tags.logicOperator, tags.operator], class: 'pq-operator' },
  { tag: tags.invalid, class: 'pq-invalid' },
]);

export function highlightSegments(expr: string): Segment[] {
  const out: Segment[] = [];
  highlightCode(
    expr,
    parser.parse(expr),
    highlighter,
    (text, className) => out.push({ text, className }),
    () => out.push({ text: '\n', className: '' })
  );
  return out;
}
