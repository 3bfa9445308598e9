/**
 * Grafana-managed alert rules through Grafana's alerting provisioning API, the flow Grafana documents for tools
 * (Editors may use it in OSS since Grafana 11). `X-Disable-Provenance` keeps the rules editable in Grafana's own
 * alerting UI. Every failure becomes an AlertingError whose message says what happened and what to do.
 */
import { lastValueFrom } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';
import { MESHTAX_LABEL, type ProvisionedAlertRule } from '../model/alerts/payload';

const RULES = '/api/v1/provisioning/alert-rules';
const HEADERS = { 'X-Disable-Provenance': 'true' };

export class AlertingError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message);
    this.name = 'AlertingError';
  }
}

/** Words for each failure the API is known to give; `action` says what the user tried. */
export function alertingErrorMessage(status: number | undefined, action: string, detail?: string): string {
  const said = detail ? ` Grafana said: ${detail}` : '';
  if (status === 401 || status === 403) {
    return `You may not ${action}: it needs the Editor or Admin role (the alert.rules:write permission on the folder, and alert.rules:read to list rules). Ask a Grafana admin.${said}`;
  }
  if (status === 404) {
    return `Could not ${action}: the rule or folder no longer exists; reload the list.${said}`;
  }
  if (status === 409) {
    return `Could not ${action}: Grafana reports a conflict, usually a rule with the same title in this folder and group, or a rule provisioned from a file, which only its file can change.${said}`;
  }
  if (status === 400 || status === 422) {
    return `Grafana rejected the rule when trying to ${action}.${said}`;
  }
  if (status !== undefined && status >= 500) {
    return `Grafana failed (HTTP ${status}) when trying to ${action}; nothing was changed. Try again, and check Grafana's logs if it persists.${said}`;
  }
  return `Could not ${action}: ${detail ?? 'no answer from Grafana'}`;
}

async function call<T>(action: string, req: { url: string; method: string; data?: unknown }): Promise<T> {
  try {
    const res = await lastValueFrom(
      getBackendSrv().fetch<T>({ ...req, headers: HEADERS, showErrorAlert: false, showSuccessAlert: false })
    );
    return res.data;
  } catch (e) {
    const err = e as { status?: number; data?: { message?: string }; message?: string };
    throw new AlertingError(alertingErrorMessage(err.status, action, err.data?.message ?? err.message), err.status);
  }
}

export function createAlertRule(rule: ProvisionedAlertRule): Promise<ProvisionedAlertRule> {
  return call('create the alert rule', { url: RULES, method: 'POST', data: rule });
}

export function updateAlertRule(uid: string, rule: ProvisionedAlertRule): Promise<ProvisionedAlertRule> {
  return call('save the alert rule', { url: `${RULES}/${encodeURIComponent(uid)}`, method: 'PUT', data: rule });
}

export function deleteAlertRule(uid: string): Promise<unknown> {
  return call('delete the alert rule', { url: `${RULES}/${encodeURIComponent(uid)}`, method: 'DELETE' });
}

/** Only the rules Mesh Tax created: those carrying its label. */
export async function listMeshTaxRules(): Promise<ProvisionedAlertRule[]> {
  const all = await call<ProvisionedAlertRule[]>('list alert rules', { url: RULES, method: 'GET' });
  return (all ?? []).filter((r) => !!r.labels?.[MESHTAX_LABEL]);
}

export interface Folder {
  uid: string;
  title: string;
}

export function listFolders(): Promise<Folder[]> {
  return call('list folders', { url: '/api/folders', method: 'GET' });
}

export type RuleState = 'firing' | 'pending' | 'inactive' | 'nodata' | 'error' | 'unknown';

/** Each rule's state by uid, from Grafana's Prometheus-compatible rules endpoint; unknown when it can't be read. */
export async function ruleStates(): Promise<Record<string, RuleState>> {
  type Body = { data?: { groups?: Array<{ rules?: Array<{ uid?: string; state?: string; health?: string }> }> } };
  const body = await call<Body>('read alert states', { url: '/api/prometheus/grafana/api/v1/rules', method: 'GET' });
  const out: Record<string, RuleState> = {};
  for (const g of body.data?.groups ?? []) {
    for (const r of g.rules ?? []) {
      if (r.uid) {
        const health = r.health === 'nodata' ? 'nodata' : r.health === 'error' ? 'error' : undefined;
        out[r.uid] = (health ?? (r.state as RuleState | undefined) ?? 'unknown') as RuleState;
      }
    }
  }
  return out;
}
