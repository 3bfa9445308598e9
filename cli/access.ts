/**
 * How the CLI gets into a Prometheus that is not open: bearer token, basic auth, extra headers, a private CA.
 * Secrets are read from a file or the environment (never from argv, which `ps` shows) and are never echoed:
 * every message that leaves the CLI goes through `redact`.
 */
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';

export const PASSWORD_ENV = 'MESHTAX_BASIC_AUTH_PASSWORD';
const REDACTED = '<redacted>';
/** RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export interface AccessFlags {
  bearerTokenFile?: string;
  basicAuthUser?: string;
  header: string[];
  caFile?: string;
  insecureSkipVerify: boolean;
}

export interface Access {
  headers: Record<string, string>;
  ca?: Buffer;
  rejectUnauthorized: boolean;
  /** Every value that must never be printed: tokens, passwords, header values, URL userinfo. */
  secrets: string[];
}

export const OPEN_ACCESS: Access = { headers: {}, rejectUnauthorized: true, secrets: [] };

const collect = (v: string, all: string[]) => [...all, v];

export function addAccessOptions(cmd: Command): Command {
  return cmd
    .option('--bearer-token-file <path>', 'send "Authorization: Bearer <token>" with the token read from this file')
    .option('--basic-auth-user <user>', `basic auth user; the password is read from $${PASSWORD_ENV}`)
    .option(
      '--header <"Name: value">',
      'an extra request header (repeatable), e.g. "X-Scope-OrgID: team-a"',
      collect,
      []
    )
    .addOption(
      new Option('--ca-file <path>', 'PEM CA bundle to trust for an https Prometheus').conflicts('insecureSkipVerify')
    )
    .option('--insecure-skip-verify', 'do not verify the https certificate of Prometheus (testing only)', false);
}

function readFlagFile(flag: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    // The code (ENOENT, EACCES) and the path say enough; the contents are never part of a message.
    throw new Error(`${flag}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function parseHeader(raw: string): [string, string] {
  const colon = raw.indexOf(':');
  const name = colon > 0 ? raw.slice(0, colon).trim() : '';
  if (!HEADER_NAME.test(name)) {
    throw new Error(`--header: expected "Name: value" with a valid header name (the value is not shown)`);
  }
  return [name, raw.slice(colon + 1).trim()];
}

/** Throws messages starting with the flag's name, which main() turns into exit 2. */
export function toAccess(f: AccessFlags, env: NodeJS.ProcessEnv = process.env): Access {
  const headers: Record<string, string> = {};
  const secrets: string[] = [];
  const set = (name: string, value: string, flag: string) => {
    const clash = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
    if (clash) {
      throw new Error(`${flag}: the ${name} header is already set by another flag`);
    }
    headers[name] = value;
    secrets.push(value);
  };
  if (f.bearerTokenFile && f.basicAuthUser) {
    throw new Error('--bearer-token-file and --basic-auth-user cannot be used together');
  }
  if (f.bearerTokenFile) {
    const token = readFlagFile('--bearer-token-file', f.bearerTokenFile).toString('utf8').trim();
    if (!token) {
      throw new Error(`--bearer-token-file: ${f.bearerTokenFile} is empty`);
    }
    secrets.push(token);
    set('Authorization', `Bearer ${token}`, '--bearer-token-file');
  }
  if (f.basicAuthUser !== undefined) {
    const password = env[PASSWORD_ENV];
    if (password === undefined || password === '') {
      throw new Error(`--basic-auth-user: set the password in the environment variable ${PASSWORD_ENV}`);
    }
    secrets.push(password);
    set('Authorization', basicAuth(f.basicAuthUser, password), '--basic-auth-user');
  }
  for (const raw of f.header) {
    const [name, value] = parseHeader(raw);
    set(name, value, '--header');
  }
  return {
    headers,
    ca: f.caFile ? readFlagFile('--ca-file', f.caFile) : undefined,
    rejectUnauthorized: !f.insecureSkipVerify,
    secrets: secrets.filter((s) => s.length > 0),
  };
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** Moves URL userinfo into an Authorization header, so the URL itself can be printed. */
export function withUrlCredentials(url: URL, access: Access): { url: URL; access: Access } {
  if (!url.username && !url.password) {
    return { url, access };
  }
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  if (Object.keys(access.headers).some((k) => k.toLowerCase() === 'authorization')) {
    throw new Error('--prometheus: credentials in the URL and an Authorization flag cannot be used together');
  }
  const clean = new URL(url.href);
  clean.username = '';
  clean.password = '';
  const header = basicAuth(user, password);
  return {
    url: clean,
    access: {
      ...access,
      headers: { ...access.headers, Authorization: header },
      secrets: [...access.secrets, header, password, url.password].filter((s) => s.length > 0),
    },
  };
}

/** Masks userinfo in anything that looks like a URL, then every known secret, longest first. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, `$1${REDACTED}@`);
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (s.length >= 3) {
      out = out.split(s).join(REDACTED);
    }
  }
  return out;
}
