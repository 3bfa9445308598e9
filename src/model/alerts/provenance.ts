/**
 * Which rules Mesh Tax may change. Grafana's provisioning API refuses to change a rule whose stored provenance
 * differs from the request's (pkg/services/ngalert/provisioning/alert_rules.go: "cannot change provenance from
 * '<stored>' to ''"): a PUT answers 500, a DELETE 409. Mesh Tax sends X-Disable-Provenance, so its requests carry
 * no provenance, and any rule with one is read-only here. Grafana reports it as `provenance` in the rule it returns.
 */
import type { ProvisionedAlertRule } from './payload';

/** Per provenance Grafana reports: where the rule is managed (a few words for its row) and why it is read-only here. */
const READ_ONLY = new Map<string, { source: string; reason: string }>(
  Object.entries({
    file: {
      source: 'provisioned from a file',
      reason:
        'Provisioned from a file (provisioning/alerting): change it in that file; Grafana refuses edits through the API.',
    },
    api: {
      source: 'managed by another tool',
      reason:
        'Created through the provisioning API by another tool (for example Terraform): change it with that tool; Grafana refuses edits from here.',
    },
    converted_prometheus: {
      source: 'imported from Prometheus',
      reason: 'Imported from Prometheus rules: change it where it was imported from; Grafana refuses edits from here.',
    },
  })
);

function readOnly(rule: Pick<ProvisionedAlertRule, 'provenance'>) {
  const p = rule.provenance ?? '';
  if (p === '') {
    return undefined;
  }
  return (
    READ_ONLY.get(p) ?? {
      source: `provenance "${p}"`,
      reason: `Provisioned (provenance "${p}"): Grafana refuses edits from here.`,
    }
  );
}

/** Where a read-only rule is managed, in a few words for its row (the full reason is said once above the list). */
export const readOnlySource = (rule: Pick<ProvisionedAlertRule, 'provenance'>) => readOnly(rule)?.source;

/** Why the rule cannot be changed from Mesh Tax, or undefined when it can. */
export const readOnlyReason = (rule: Pick<ProvisionedAlertRule, 'provenance'>) => readOnly(rule)?.reason;
