/**
 * Test-only stand-in for Grafana's alerting provisioning API and folder list, in memory, seeded with the demo
 * stack's provisioned rules (the same payloads the Alerts page sends). It answers the way Grafana does where the
 * page depends on it (pkg/services/ngalert/api/api_provisioning.go and provisioning/alert_rules.go):
 *  - rules carry `provenance`: the demo's are provisioned from provisioning/alerting/*.yaml, so "file"; a rule made
 *    with X-Disable-Provenance has none (field absent), without it "api";
 *  - changing a rule whose provenance differs from the request's: PUT answers 500 "cannot change provenance from
 *    'file' to ''", DELETE 409; a duplicate title in a folder is a 400;
 *  - GET /api/folders lists the top level, and with `parentUid` one folder's children (nested folders).
 * Rule states are not evaluated: the Prometheus-compatible rules endpoint answers with no groups.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { alertRulePayload, type ProvisionedAlertRule } from '../../src/model/alerts/payload';
import { demoAlertForms } from '../../src/model/alerts/provisioning';
import { DEFAULT_FIGURE_OPTIONS } from '../../src/model/figureSet';

const RULES = '/api/v1/provisioning/alert-rules';

/** The demo's folder (provisioning/alerting's `folder: Mesh Tax`) plus a nested pair, as Grafana 12 allows. */
const FOLDERS: Array<{ uid: string; title: string; parentUid?: string }> = [
  { uid: 'meshtax', title: 'Mesh Tax' },
  { uid: 'platform', title: 'Platform' },
  { uid: 'platform-mesh', title: 'Mesh', parentUid: 'platform' },
];

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) {
    chunks.push(c as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

/** Grafana's determineProvenance: the header's presence (any value) means none. */
const provenanceOf = (req: IncomingMessage) => (req.headers['x-disable-provenance'] !== undefined ? '' : 'api');

export function alertingStandIn(send: (res: ServerResponse, status: number, data: unknown) => void) {
  const rules = new Map<string, ProvisionedAlertRule>(
    demoAlertForms().map((f) => [f.uid!, { ...alertRulePayload(f, DEFAULT_FIGURE_OPTIONS), provenance: 'file' }])
  );
  // One rule made in the app (no provenance), so the page shows a rule with Edit and Delete, also at 420 px.
  const [made] = demoAlertForms();
  const appRule = { ...made, uid: 'meshtax-made-in-app', variant: 'memoryShare' as const, threshold: 15 };
  rules.set(appRule.uid, { ...alertRulePayload(appRule, DEFAULT_FIGURE_OPTIONS), provenance: '' });
  let next = 1;
  const duplicate = (r: ProvisionedAlertRule, uid?: string) =>
    [...rules.values()].some((x) => x.uid !== uid && x.folderUID === r.folderUID && x.title === r.title);
  /** Grafana's JSON leaves out an empty provenance (`omitempty`). */
  const answer = (r: ProvisionedAlertRule) => {
    const { provenance, ...rest } = r;
    return provenance ? r : rest;
  };
  /** True when it answered. */
  return async (req: IncomingMessage, res: ServerResponse, p: string, search = ''): Promise<boolean> => {
    if (p === '/api/folders') {
      const parent = new URLSearchParams(search).get('parentUid') ?? undefined;
      send(
        res,
        200,
        FOLDERS.filter((f) => f.parentUid === parent).map(({ uid, title }) => ({ uid, title }))
      );
    } else if (p === '/api/prometheus/grafana/api/v1/rules') {
      send(res, 200, { status: 'success', data: { groups: [] } });
    } else if (p === RULES && req.method === 'GET') {
      send(res, 200, [...rules.values()].map(answer));
    } else if (p === RULES && req.method === 'POST') {
      const rule = {
        ...((await body(req)) as ProvisionedAlertRule),
        uid: `host-${next++}`,
        provenance: provenanceOf(req),
      };
      if (duplicate(rule)) {
        send(res, 400, {
          message:
            'a conflicting alert rule is found: rule title under the same organisation and folder should be unique',
        });
        return true;
      }
      rules.set(rule.uid!, rule);
      send(res, 201, answer(rule));
    } else if (p.startsWith(`${RULES}/`)) {
      const uid = decodeURIComponent(p.slice(RULES.length + 1));
      const stored = rules.get(uid);
      const wanted = provenanceOf(req);
      if (!stored) {
        send(res, 404, { message: 'rule not found' });
      } else if (req.method === 'GET') {
        send(res, 200, answer(stored));
      } else if (stored.provenance && stored.provenance !== wanted) {
        const message = `cannot change provenance from '${stored.provenance}' to '${wanted}'`;
        send(res, req.method === 'DELETE' ? 409 : 500, { message });
      } else if (req.method === 'DELETE') {
        rules.delete(uid);
        send(res, 204, {});
      } else if (req.method === 'PUT') {
        const rule = { ...((await body(req)) as ProvisionedAlertRule), uid, provenance: wanted };
        if (duplicate(rule, uid)) {
          send(res, 400, {
            message:
              'a conflicting alert rule is found: rule title under the same organisation and folder should be unique',
          });
          return true;
        }
        rules.set(uid, rule);
        send(res, 200, answer(rule));
      }
    } else {
      return false;
    }
    return true;
  };
}
