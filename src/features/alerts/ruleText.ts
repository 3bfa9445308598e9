/**
 * What the Alerts page writes about a rule in words (issue #16 §6): the Kind column says what the rule checks, with
 * its own threshold ("Monthly cost above $1,000"), and the Summary field shows what a notification will read.
 */
import type { AlertVariantDef } from '../../model/alerts/variants';

/**
 * The variant's label with its placeholder (X, Y or Z, as in "above $X", "above X%", "above Y ms") replaced by the
 * rule's threshold. A label without a placeholder (a variant that checks for any occurrence) is kept as it is.
 */
export function ruleCheck(v: AlertVariantDef, threshold: number): string {
  if (!Number.isFinite(threshold)) {
    return v.label;
  }
  const shown = threshold.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return v.label.replace(/\b[XYZ]\b/, shown);
}

/**
 * A summary template as a notification reads it, with what only Grafana knows at evaluation time in ‹brackets›:
 * `{{ $labels.cluster }}` becomes ‹cluster›, the figure's formatted value ‹value›, any other template ‹…›.
 */
export function summaryPreview(template: string): string {
  return template
    .replace(/\{\{-?\s*\$labels\.([A-Za-z_][A-Za-z0-9_]*)\s*-?\}\}/g, '‹$1›')
    .replace(/\{\{[^}]*\$values?\b[^}]*\}\}/g, '‹value›')
    .replace(/\{\{[^}]*\}\}/g, '‹…›');
}
