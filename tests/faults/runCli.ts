/** Runs the real CLI in a child process without blocking this one, so servers in the test process keep answering. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runMeshtax(args: string[], env: Record<string, string> = {}, timeoutMs = 60000): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const p = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'cli', 'meshtax.ts'), ...args], {
      // An explicit env: inside jest, process.env is a copy the child would not otherwise see.
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    const killer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** `meshtax report` against `url` at `time`, with any further flags (every other option at its default). */
export function reportArgs(url: string, time: number, ...flags: string[]): string[] {
  return ['report', '--prometheus', url, '--time', String(time), ...flags];
}

/** `meshtax report` as JSON with flat prices at `time`: the invocation the CLI tests share. */
export function jsonReportArgs(url: string, time: number): string[] {
  return reportArgs(url, time, '--format', 'json', '--pricing', 'flat');
}
