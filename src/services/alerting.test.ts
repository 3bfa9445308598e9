import { of, throwError } from 'rxjs';
import { alertRulePayload } from '../model/alerts/payload';
import { DEFAULT_FIGURE_OPTIONS } from '../model/figureSet';
import { AlertingError, createAlertRule, deleteAlertRule, listMeshTaxRules, ruleStates } from './alerting';

const fetch = jest.fn();
jest.mock('@grafana/runtime', () => ({ getBackendSrv: () => ({ fetch: (...a: unknown[]) => fetch(...a) }) }));

const rule = alertRulePayload(
  {
    variant: 'monthlyCost',
    meshId: 'istio',
    datasourceUid: 'prom',
    threshold: 100,
    for: '15m',
    folderUid: 'f',
    group: 'g',
    labels: {},
    summary: '',
    runbookUrl: '',
  },
  DEFAULT_FIGURE_OPTIONS
);

beforeEach(() => fetch.mockReset());

test('create POSTs the payload to the provisioning API, keeping the rule editable in Grafana', async () => {
  fetch.mockReturnValue(of({ data: { ...rule, uid: 'new' } }));
  await expect(createAlertRule(rule)).resolves.toMatchObject({ uid: 'new' });
  expect(fetch).toHaveBeenCalledWith(
    expect.objectContaining({
      url: '/api/v1/provisioning/alert-rules',
      method: 'POST',
      data: rule,
      headers: { 'X-Disable-Provenance': 'true' },
      showErrorAlert: false,
    })
  );
});

test.each([
  [403, /needs the Editor or Admin role.*alert\.rules:write/],
  [401, /needs the Editor or Admin role/],
  [409, /conflict.*same title/],
  [500, /Grafana failed \(HTTP 500\).*nothing was changed/],
  [503, /Grafana failed \(HTTP 503\)/],
  [400, /rejected the rule/],
])('HTTP %d becomes a message that says what to do', async (status, message) => {
  fetch.mockReturnValue(throwError(() => ({ status, data: { message: 'upstream said no' } })));
  const err = await createAlertRule(rule).catch((e) => e);
  expect(err).toBeInstanceOf(AlertingError);
  expect(err.status).toBe(status);
  expect(err.message).toMatch(message);
  expect(err.message).toContain('upstream said no');
});

test('the list keeps only the rules Mesh Tax created', async () => {
  fetch.mockReturnValue(of({ data: [rule, { ...rule, uid: 'other', labels: { team: 'x' } }] }));
  await expect(listMeshTaxRules()).resolves.toEqual([rule]);
});

test('delete URL-encodes the uid', async () => {
  fetch.mockReturnValue(of({ data: {} }));
  await deleteAlertRule('a/b c');
  expect(fetch.mock.calls[0][0]).toMatchObject({ url: '/api/v1/provisioning/alert-rules/a%2Fb%20c', method: 'DELETE' });
});

test('states come from the rules endpoint, with health taking precedence', async () => {
  fetch.mockReturnValue(
    of({
      data: {
        data: {
          groups: [
            {
              rules: [
                { uid: 'a', state: 'firing', health: 'ok' },
                { uid: 'b', state: 'inactive', health: 'nodata' },
                { state: 'pending' },
              ],
            },
          ],
        },
      },
    })
  );
  await expect(ruleStates()).resolves.toEqual({ a: 'firing', b: 'nodata' });
});
