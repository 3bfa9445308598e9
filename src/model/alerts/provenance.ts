/**
 * Which rules Mesh Tax may change. Grafana's provisioning API refuses to change a rule whose stored provenance
 * differs from the request's (pkg/services/ngalert/provisioning/alert_rules.go: "cannot change provenance from
 * '<stored>' to ''"): a PUT answers 500, a DELETE 409. Mesh Tax sends X-Disable-Provenance, so its requests carry
 * no provenance, and any rule with one is read-only here. Grafana reports it as `provenance` in the rule it returns.
 */
import type { ProvisionedAlertRule } from './payload';

/** Where a read-only rule is managed, in a few words for its row; the full reason is said once above the list. */
export function readOnlySource(rule: Pick<ProvisionedAlertRule, 'provenance'>): string | undefined {
  switch (rule.provenance ?? '') {
    case '':
      return undefined;
    case 'file':
      return 'provisioned from a file';
    case 'api':
      return 'managed by another tool';
    case 'converted_prometheus':
      return 'imported from Prometheus';
    default:
      return `provenance "${rule.provenance}"`;
  }
}

/** Why the rule cannot be changed from Mesh Tax, or undefined when it can. */
export function readOnlyReason(rule: Pick<ProvisionedAlertRule, 'provenance'>): string | undefined {
  switch (rule.provenance ?? '') {
    case '':
      return undefined;
    case 'file':
      return 'Provisioned from a file (provisioning/alerting): change it in that file; Grafana refuses edits through the API.';
    case 'api':
      return 'Created through the provisioning API by another tool (for example Terraform): change it with that tool; Grafana refuses edits from here.';
    case 'converted_prometheus':
      return 'Imported from Prometheus rules: change it where it was imported from; Grafana refuses edits from here.';
    default:
      return `Provisioned (provenance "${rule.provenance}"): Grafana refuses edits from here.`;
  }
}
