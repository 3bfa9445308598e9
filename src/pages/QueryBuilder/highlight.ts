/** PromQL as highlighted segments, from the lezer-promql tree: rendered as React text, never as HTML. */
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { parser } from '@prometheus-io/lezer-promql';

export interface Segment {
  text: string;
  /** classHighlighter's names, e.g. "tok-string"; empty for plain text. */
  className: string;
}

export function highlightSegments(expr: string): Segment[] {
  const out: Segment[] = [];
  highlightCode(
    expr,
    parser.parse(expr),
    classHighlighter,
    (text, className) => out.push({ text, className }),
    () => out.push({ text: '\n', className: '' })
  );
  return out;
}
