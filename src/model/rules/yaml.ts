/**
 * The rule groups as a file: plain Prometheus `rule_files` YAML, or a prometheus-operator PrometheusRule for
 * kube-prometheus-stack (whose Prometheus selects rules by the `release` label).
 */
import { stringify } from 'yaml';
import type { RuleGroup } from './generate';

export type RulesFormat = 'prometheus' | 'prometheusrule';
export const RULES_FORMATS: RulesFormat[] = ['prometheus', 'prometheusrule'];

export interface PrometheusRuleMeta {
  name: string;
  namespace?: string;
  labels: Record<string, string>;
}

export const DEFAULT_PROMETHEUS_RULE_META: PrometheusRuleMeta = {
  name: 'meshtax',
  labels: { release: 'kube-prometheus-stack', 'app.kubernetes.io/name': 'meshtax' },
};

function rulesDocument(
  groups: RuleGroup[],
  format: RulesFormat,
  meta: PrometheusRuleMeta = DEFAULT_PROMETHEUS_RULE_META
): object {
  if (format === 'prometheus') {
    return { groups };
  }
  const metadata = { name: meta.name, ...(meta.namespace ? { namespace: meta.namespace } : {}), labels: meta.labels };
  return { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata, spec: { groups } };
}

export function rulesYaml(groups: RuleGroup[], format: RulesFormat, header: string, meta?: PrometheusRuleMeta): string {
  // lineWidth 0: one query per line reads and diffs better. Single quotes: what prettier would write.
  const body = stringify(rulesDocument(groups, format, meta), { lineWidth: 0, singleQuote: true });
  const comment = header
    .split('\n')
    .map((l) => `# ${l}`.trimEnd())
    .join('\n');
  return `${comment}\n${body}`;
}
