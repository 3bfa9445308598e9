import { of, throwError } from 'rxjs';
import { alertRulePayload } from '../model/alerts/payload';
import { DEFAULT_FIGURE_OPTIONS } from '../model/figureSet';
import {
  AlertingError,
  createAlertRule,
  deleteAlertRule,
  listFolders,
  listMeshTaxRules,
  ruleStates,
  updateAlertRule,
} from './alerting';

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
  [409, /changed in Grafana since this page read it \(a version conflict\).*Reload/],
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

// Status codes as pkg/services/ngalert/api/api_provisioning.go answers them: a duplicate title is a 400
// (ErrAlertRuleUniqueConstraintViolation), a 409 is an optimistic-lock (version) conflict, and a provenance
// conflict is a 500 on PUT ("cannot change provenance from 'file' to ''") and a 409 on DELETE.
test.each([
  [
    'a duplicate title (400)',
    () => createAlertRule(rule),
    400,
    'a conflicting alert rule is found: rule title under the same organisation and folder should be unique',
    /already has a rule with the same title/,
  ],
  ['a version conflict (409)', () => updateAlertRule('u', rule), 409, 'optimistic lock', /version conflict/],
  [
    'a provisioned rule on PUT (500)',
    () => updateAlertRule('u', rule),
    500,
    "cannot change provenance from 'file' to ''",
    /the rule is provisioned.*only its provisioner/,
  ],
  [
    'a provisioned rule on DELETE (409)',
    () => deleteAlertRule('u'),
    409,
    "cannot delete provisioned rule: provenance 'file'",
    /the rule is provisioned/,
  ],
])('%s says what happened', async (_name, act, status, said, message) => {
  fetch.mockReturnValue(throwError(() => ({ status, data: { message: said } })));
  const err = (await act().catch((e: unknown) => e)) as AlertingError;
  expect(err.message).toMatch(message);
  expect(err.message).not.toMatch(status === 400 ? /version/ : /same title/);
});

test('folders: the whole nested tree, read level by level with parentUid, each with its path', async () => {
  const tree: Record<string, Array<{ uid: string; title: string }>> = {
    '': [
      { uid: 'p', title: 'Platform' },
      { uid: 't', title: 'Teams' },
    ],
    p: [{ uid: 'pm', title: 'Mesh' }],
    t: [{ uid: 'tm', title: 'Mesh' }],
    pm: [{ uid: 'pmx', title: 'Alerts' }],
  };
  fetch.mockImplementation(({ url }: { url: string }) => {
    const q = new URL(url, 'http://g').searchParams;
    expect(q.get('limit')).toBe('1000');
    return of({ data: q.get('page') === '1' ? (tree[q.get('parentUid') ?? ''] ?? []) : [] });
  });
  await expect(listFolders()).resolves.toEqual([
    { uid: 'p', title: 'Platform', path: 'Platform' },
    { uid: 'pm', title: 'Mesh', path: 'Platform / Mesh' },
    { uid: 'pmx', title: 'Alerts', path: 'Platform / Mesh / Alerts' },
    { uid: 't', title: 'Teams', path: 'Teams' },
    { uid: 'tm', title: 'Mesh', path: 'Teams / Mesh' },
  ]);
  expect(fetch.mock.calls.map((c) => c[0].url)).toContain('/api/folders?limit=1000&page=1&parentUid=pm');
});

test('folders: a Grafana that ignores parentUid (answers the top level again) does not loop', async () => {
  fetch.mockReturnValue(of({ data: [{ uid: 'a', title: 'A' }] }));
  await expect(listFolders()).resolves.toEqual([{ uid: 'a', title: 'A', path: 'A' }]);
  expect(fetch.mock.calls.length).toBe(2);
});

test('folders: a full page asks for the next one', async () => {
  const full = Array.from({ length: 1000 }, (_, i) => ({ uid: `f${i}`, title: `F${i}` }));
  fetch.mockImplementation(({ url }: { url: string }) => {
    const q = new URL(url, 'http://g').searchParams;
    if (q.get('parentUid')) {
      return of({ data: [] });
    }
    return of({ data: q.get('page') === '1' ? full : [{ uid: 'last', title: 'Last' }] });
  });
  expect((await listFolders()).length).toBe(1001);
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
