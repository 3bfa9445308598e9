/**
 * Test-only stand-in for Grafana's alerting provisioning API and folder list, in memory, seeded with the demo
 * stack's provisioned rules (the same payloads the Alerts page sends). Rule states are not evaluated: the
 * Prometheus-compatible rules endpoint answers with no groups, so the page shows every state as unknown.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { alertRulePayload, type ProvisionedAlertRule } from '../../src/model/alerts/payload';
import { demoAlertForms } from '../../src/model/alerts/provisioning';
import { DEFAULT_FIGURE_OPTIONS } from '../../src/model/figureSet';

const RULES = '/api/v1/provisioning/alert-rules';

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) {
    chunks.push(c as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

export function alertingStandIn(send: (res: ServerResponse, status: number, data: unknown) => void) {
  const rules = new Map<string, ProvisionedAlertRule>(
    demoAlertForms().map((f) => [f.uid!, alertRulePayload(f, DEFAULT_FIGURE_OPTIONS)])
  );
  let next = 1;
  /** True when it answered. */
  return async (req: IncomingMessage, res: ServerResponse, p: string): Promise<boolean> => {
    if (p === '/api/folders') {
      send(res, 200, [{ uid: 'meshtax', title: 'Mesh Tax' }]);
    } else if (p === '/api/prometheus/grafana/api/v1/rules') {
      send(res, 200, { status: 'success', data: { groups: [] } });
    } else if (p === RULES && req.method === 'GET') {
      send(res, 200, [...rules.values()]);
    } else if (p === RULES && req.method === 'POST') {
      const rule = { ...((await body(req)) as ProvisionedAlertRule), uid: `host-${next++}` };
      rules.set(rule.uid!, rule);
      send(res, 201, rule);
    } else if (p.startsWith(`${RULES}/`)) {
      const uid = decodeURIComponent(p.slice(RULES.length + 1));
      if (!rules.has(uid)) {
        send(res, 404, { message: 'rule not found' });
      } else if (req.method === 'DELETE') {
        rules.delete(uid);
        send(res, 204, {});
      } else if (req.method === 'PUT') {
        rules.set(uid, { ...((await body(req)) as ProvisionedAlertRule), uid });
        send(res, 200, rules.get(uid));
      } else {
        send(res, 200, rules.get(uid));
      }
    } else {
      return false;
    }
    return true;
  };
}
