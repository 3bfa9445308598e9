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

/** Grafana's words for a duplicate title (ngalert models ErrAlertRuleUniqueConstraintViolation), answered as 400. */
const DUPLICATE_TITLE = /conflicting alert rule|should be unique|unique constraint/i;
/** Grafana's words when the rule's provenance forbids the change (PUT answers 500, DELETE 409). */
const PROVENANCE = /provenance/i;

/**
 * Words for each failure the API is known to give; `action` says what the user tried. Status codes follow
 * pkg/services/ngalert/api/api_provisioning.go: a duplicate title is a 400, a 409 is a version conflict (someone
 * saved the rule since it was read) or, on DELETE, a provenance conflict; a provenance conflict on PUT is a 500.
 */
export function alertingErrorMessage(status: number | undefined, action: string, detail?: string): string {
  const said = detail ? ` Grafana said: ${detail}` : '';
  if (status === 401 || status === 403) {
    return `You may not ${action}: it needs the Editor or Admin role (the alert.rules:write permission on the folder, and alert.rules:read to list rules). Ask a Grafana admin.${said}`;
  }
  if (status === 404) {
    return `Could not ${action}: the rule or folder no longer exists; reload the list.${said}`;
  }
  if (detail && PROVENANCE.test(detail) && (status === 409 || (status ?? 0) >= 500)) {
    return `Could not ${action}: the rule is provisioned (from a file or by another tool), and Grafana lets only its provisioner change it. Nothing was changed.${said}`;
  }
  if (status === 409) {
    return `Could not ${action}: the rule changed in Grafana since this page read it (a version conflict), so Grafana kept the newer one. Reload the list and make your change again.${said}`;
  }
  if (status === 400 && detail && DUPLICATE_TITLE.test(detail)) {
    return `Could not ${action}: this folder already has a rule with the same title, and Grafana wants titles unique per folder. Pick another folder, or change the existing rule instead.${said}`;
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
  /** Titles from the top folder down, joined with " / ", so nested folders with one title stay apart. */
  path: string;
}

/** Grafana caps nesting at 8 levels (pkg/services/folder MaxNestedFolderDepth); a bound also guards against loops. */
const MAX_DEPTH = 8;
const PAGE = 1000;

async function childFolders(parent: Folder | undefined): Promise<Folder[]> {
  const out: Folder[] = [];
  for (let page = 1; ; page++) {
    const q = new URLSearchParams({
      limit: String(PAGE),
      page: String(page),
      ...(parent ? { parentUid: parent.uid } : {}),
    });
    const batch = await call<Array<{ uid: string; title: string }>>('list folders', {
      url: `/api/folders?${q}`,
      method: 'GET',
    });
    out.push(
      ...(batch ?? []).map((f) => ({
        uid: f.uid,
        title: f.title,
        path: parent ? `${parent.path} / ${f.title}` : f.title,
      }))
    );
    if ((batch ?? []).length < PAGE) {
      return out;
    }
  }
}

/** At most 8 folder requests in flight: an org with many folders should not flood Grafana. */
async function inBatches<T, R>(items: T[], f: (x: T) => Promise<R>, size = 8): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map(f))));
  }
  return out;
}

/**
 * Every folder the user can see, nested ones included, sorted by path. GET /api/folders lists the top level and,
 * with `parentUid`, one folder's children (the documented nested-folders API, on Grafana 10 to 13), so the tree
 * is read level by level, a few requests at a time. A Grafana that ignores `parentUid` answers the top
 * level again; folders already seen are dropped, so that cannot loop.
 */
export async function listFolders(): Promise<Folder[]> {
  const seen = new Map<string, Folder>();
  let level: Folder[] = await childFolders(undefined);
  for (let depth = 0; level.length > 0 && depth < MAX_DEPTH; depth++) {
    const fresh = level.filter((f) => !seen.has(f.uid));
    fresh.forEach((f) => seen.set(f.uid, f));
    level = (await inBatches(fresh, childFolders)).flat();
  }
  return [...seen.values()].sort((a, b) => a.path.localeCompare(b.path));
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
