/**
 * Reaching a Prometheus that is not open: bearer token, basic auth, extra headers, https with a private CA.
 * A real Prometheus sits behind the fault proxy acting as an auth proxy. No run, failed or not, may print a secret: report()
 * checks every one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrometheus, type PromHandle } from '../demo/harness';
import { startFaultProxy, type FaultProxy } from '../tests/faults/faultProxy';
import { jsonReportArgs, runMeshtax, type CliRun } from '../tests/faults/runCli';
import { basicAuth, PASSWORD_ENV, redact, toAccess } from './access';

const TOKEN = 'tok-3f9a-very-secret-bearer';
const WRONG_TOKEN = 'tok-wrong-but-also-secret';
const USER = 'grafana-reader';
const PASSWORD = 'pw-91c2-very-secret';
const WRONG_PASSWORD = 'pw-wrong-also-secret';
const TENANT = 'tenant-secret-42';
const SECRETS = [
  TOKEN,
  WRONG_TOKEN,
  PASSWORD,
  WRONG_PASSWORD,
  encodeURIComponent(PASSWORD),
  TENANT,
  basicAuth(USER, PASSWORD).slice('Basic '.length),
  basicAuth(USER, WRONG_PASSWORD).slice('Basic '.length),
];

let dir: string;
let prom: PromHandle;
let baseline: unknown;
const proxies: FaultProxy[] = [];
let bearer: FaultProxy;
let basic: FaultProxy;
let header: FaultProxy;
let tls: FaultProxy;

async function report(url: string, extra: string[] = [], env: Record<string, string> = {}) {
  const args = jsonReportArgs(url, prom.evalTime);
  const r = await runMeshtax([...args, ...extra], env);
  // Every run, failed or not: no secret on stdout or stderr.
  for (const secret of SECRETS) {
    expect({ secret, leaked: r.stdout.includes(secret) || r.stderr.includes(secret) }).toEqual({
      secret,
      leaked: false,
    });
  }
  return r;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meshtax-access-'));
  // A self-signed certificate for 127.0.0.1, made now so that no key is ever committed.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'pipe' }
  );
  writeFileSync(join(dir, 'token'), `${TOKEN}\n`);
  writeFileSync(join(dir, 'wrong-token'), WRONG_TOKEN);
  prom = await startPrometheus({ preset: 'small' });
  const start = async (o: Partial<Parameters<typeof startFaultProxy>[0]>) => {
    const p = await startFaultProxy({ target: prom.url, ...o });
    proxies.push(p);
    return p;
  };
  bearer = await start({ requireHeaders: { authorization: `Bearer ${TOKEN}` } });
  basic = await start({ requireHeaders: { authorization: basicAuth(USER, PASSWORD) } });
  header = await start({ requireHeaders: { 'x-scope-orgid': TENANT } });
  tls = await start({
    tls: { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    requireHeaders: { authorization: `Bearer ${TOKEN}` },
  });
  const direct = await report(prom.url);
  expect(direct.code).toBe(0);
  baseline = JSON.parse(direct.stdout);
});

afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await prom?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ok = (r: CliRun) => {
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(JSON.parse(r.stdout)).toEqual(baseline);
};
const refused = (r: CliRun) => {
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/HTTP 401 Unauthorized \(check --bearer-token-file, --basic-auth-user or --header\)/);
};

test('--bearer-token-file: the token opens the door; none or a wrong one is a 401, exit 3', async () => {
  ok(await report(bearer.url, ['--bearer-token-file', join(dir, 'token')]));
  refused(await report(bearer.url));
  refused(await report(bearer.url, ['--bearer-token-file', join(dir, 'wrong-token')]));
  const missing = await report(bearer.url, ['--bearer-token-file', join(dir, 'nope')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/--bearer-token-file: cannot read .*nope \(ENOENT\)/);
});

test(`--basic-auth-user with the password in $${PASSWORD_ENV}`, async () => {
  ok(await report(basic.url, ['--basic-auth-user', USER], { [PASSWORD_ENV]: PASSWORD }));
  refused(await report(basic.url, ['--basic-auth-user', USER], { [PASSWORD_ENV]: WRONG_PASSWORD }));
  const unset = await report(basic.url, ['--basic-auth-user', USER], { [PASSWORD_ENV]: '' });
  expect(unset.code).toBe(2);
  expect(unset.stderr).toContain(`--basic-auth-user: set the password in the environment variable ${PASSWORD_ENV}`);
});

test('credentials in the URL are sent as basic auth and never printed', async () => {
  const withUser = (pw: string) => basic.url.replace('://', `://${USER}:${encodeURIComponent(pw)}@`);
  ok(await report(withUser(PASSWORD)));
  const wrong = await report(withUser(WRONG_PASSWORD));
  refused(wrong);
  expect(wrong.stderr).toContain(`Prometheus at ${basic.url}/ `);
});

test('--header, repeatable; a missing or wrong tenant is a 401', async () => {
  ok(await report(header.url, ['--header', `X-Scope-OrgID: ${TENANT}`, '--header', 'X-Extra: 1']));
  refused(await report(header.url, ['--header', 'X-Scope-OrgID: someone-else']));
  const bad = await report(header.url, ['--header', `X-Scope-OrgID ${TENANT}`]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--header: expected "Name: value"');
});

test('https: --ca-file trusts the private CA; without it exit 3 saying why; --insecure-skip-verify', async () => {
  const token = ['--bearer-token-file', join(dir, 'token')];
  ok(await report(tls.url, [...token, '--ca-file', join(dir, 'cert.pem')]));
  const untrusted = await report(tls.url, token);
  expect(untrusted.code).toBe(3);
  expect(untrusted.stderr).toMatch(
    /Prometheus at https:\/\/127\.0\.0\.1:\d+\/ presented a TLS certificate that is not trusted: .*\(DEPTH_ZERO_SELF_SIGNED_CERT\)\. Pass --ca-file/
  );
  ok(await report(tls.url, [...token, '--insecure-skip-verify']));
  const both = await report(tls.url, [...token, '--insecure-skip-verify', '--ca-file', join(dir, 'cert.pem')]);
  expect(both.code).toBe(2);
});

test('redact masks URL userinfo and every secret; toAccess keeps header values as secrets', () => {
  expect(redact(`GET http://u:${PASSWORD}@h:9090/ with ${TOKEN}`, [TOKEN])).toBe(
    'GET http://<redacted>@h:9090/ with <redacted>'
  );
  const a = toAccess(
    { header: [`X-Scope-OrgID: ${TENANT}`], basicAuthUser: USER, insecureSkipVerify: false },
    { [PASSWORD_ENV]: PASSWORD }
  );
  expect(a.headers).toEqual({ Authorization: basicAuth(USER, PASSWORD), 'X-Scope-OrgID': TENANT });
  expect(a.secrets).toEqual(expect.arrayContaining([PASSWORD, TENANT, basicAuth(USER, PASSWORD)]));
  expect(() =>
    toAccess({ header: ['Authorization: x'], bearerTokenFile: join(dir, 'token'), insecureSkipVerify: false })
  ).toThrow(/--header: the Authorization header is already set/);
});
