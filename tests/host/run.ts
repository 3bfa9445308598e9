/**
 * Test-only browser host runner: loads the built plugin (dist/) in headless Chromium the way Grafana does, under
 * every Grafana runtime in tests/host/runtimes/ (the same dist/, each runtime's shared modules), and screenshots the
 * app pages and each nested panel into test-results/screens/<runtime>/. Data comes from a real Prometheus through
 * test-only stand-ins for Grafana's query path (see tests/host/README.md). Exits non-zero on any page error, console
 * error or React warning, unmapped shared dependency, empty render, failed state on a normal page, Prometheus error
 * answer, or Overview figure that differs from the report. Fault cases (faults.ts) put the fault proxy in front of
 * Prometheus and check each page's in-place error and retry. Writes test-results/runtimes.json.
 *
 *   npm run test:browser                          # builds, then starts Prometheus via demo/harness.ts
 *   MESHTAX_PROM_URL=http://127.0.0.1:9090 MESHTAX_EVAL_TIME=1704074400 tsx tests/host/run.ts
 *   MESHTAX_HOST_ONLY='^fault-' tsx tests/host/run.ts   # only the cases whose name matches
 *   MESHTAX_HOST_RUNTIMES=grafana-13.2 tsx tests/host/run.ts   # only these runtimes
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { figureMismatches, unhealthyStates } from './checks';
import { resolveSpecs } from './dashboardVars';
import { panelSpecs, type PluginBuild, readPluginBuild } from './discover';
import { expectedOverviewFigures, type ExpectedFigure } from './expected';
import { firstViewFailures, firstViewOf } from './firstView';
import { isLatencyCase, latencyTextFailures } from './latencyChecks';
import { overviewNarrowFailures } from './narrow';
import { runFaultCases } from './faults';
import { listRuntimes, type Runtime } from './runtimes';
import { buildHostBundle, type HostServer, startHostServer } from './server';
import type { PanelSpec } from './types';

const ROOT = path.resolve(__dirname, '../..');
// MESHTAX_HOST_DIST: load another build (e.g. a copy of dist/ with an extra probe panel) instead of dist/.
const DIST = path.resolve(process.env.MESHTAX_HOST_DIST ?? path.join(ROOT, 'dist'));
const RESULTS = path.join(ROOT, 'test-results');
const SCREENS = path.join(RESULTS, 'screens');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Known-benign console errors and warnings. Each entry says why it is harmless; keep this list short. */
const CONSOLE_ALLOWLIST: Array<{ pattern: RegExp; why: string }> = [];
/** Fault cases make requests fail on purpose; Chromium logs each failed request as a console error. */
const FAULT_CONSOLE_ALLOWLIST = [
  ...CONSOLE_ALLOWLIST,
  { pattern: /^Failed to load resource: /, why: 'the fault proxy answers with errors or cuts the connection' },
  {
    // Only the fault cases open the time picker (faults.ts controlsWork). @grafana/ui 13.2's own
    // components/DateTimePickers/TimeRangePicker.mjs calls react-aria's `useDialog({}, overlayRef)` with no aria-label,
    // and react-aria warns about that when NODE_ENV is not 'production' (dialog/useDialog.js). The dialog is Grafana's,
    // not ours, and Grafana's production build never prints it; the host runs React's development build on purpose.
    pattern: /^A dialog must have a title for accessibility\./,
    why: "Grafana 13.2's TimeRangePicker dialog has no aria-label (react-aria dev-only warning; not plugin code)",
  },
];

/** MESHTAX_HOST_ONLY=<regex>: run only the cases whose name matches (e.g. `^fault-`), to iterate quickly. */
const ONLY = process.env.MESHTAX_HOST_ONLY ? new RegExp(process.env.MESHTAX_HOST_ONLY) : undefined;
/** MESHTAX_HOST_FAULTS=0 skips the fault cases. */
const FAULTS = process.env.MESHTAX_HOST_FAULTS !== '0';

interface PromHandle {
  url: string;
  /** Seconds (or ms) since the epoch at which the fixture's data is complete. */
  evalTime?: number;
  stop(): Promise<void>;
}

/** Demo presets to render with (MESHTAX_HOST_PRESETS, comma-separated); app pages use the first, panels every one. */
const PRESETS = (process.env.MESHTAX_HOST_PRESETS ?? 'migration,article').split(',').filter(Boolean);

/** A Prometheus with data: MESHTAX_PROM_URL if given, else the demo harness with `preset`. */
async function startPrometheus(preset: string): Promise<PromHandle | undefined> {
  const url = process.env.MESHTAX_PROM_URL;
  if (url) {
    return { url, evalTime: Number(process.env.MESHTAX_EVAL_TIME) || undefined, stop: async () => {} };
  }
  const harness = path.join(ROOT, 'demo', 'harness.ts');
  if (existsSync(harness)) {
    const mod = (await import(harness)) as { startPrometheus(o: { preset: string }): Promise<PromHandle> };
    return mod.startPrometheus({ preset });
  }
  console.warn('browser host: no MESHTAX_PROM_URL and no demo/harness.ts; queries will fail with 503');
  return undefined;
}

interface Case {
  name: string;
  url: string;
  /** Panels mark themselves done once their queries have answered. */
  readySelector: string;
  /** Narrow cases also fail when the page scrolls sideways. */
  width?: number;
  /** Overview cases: the mesh cards' figures must read these (the report computed in node). */
  figures?: ExpectedFigure[];
}

/** A phone-sized viewport: the pages must reflow, not scroll sideways. */
const NARROW_WIDTH = 420;

const APP_READY = '#host-root[data-host-state]';
const PANEL_READY = '[data-host-state="done"], #host-root[data-host-state="error"]';

function buildCases(appMeta: PluginBuild['appMeta'], specs: PanelSpec[], range: { from: number; to: number }): Case[] {
  const time = `from=${range.from}&to=${range.to}`;
  const pages = ((appMeta.includes ?? []) as Array<{ type: string; path?: string; defaultNav?: boolean }>)
    .filter((inc) => inc.type === 'page' && inc.path?.startsWith(`/a/${appMeta.id}`))
    .sort((a, b) => Number(Boolean(b.defaultNav)) - Number(Boolean(a.defaultNav)))
    .map((inc) => inc.path!);
  const appPaths = pages.length ? pages : [`/a/${appMeta.id}`];
  // Light theme for the default page and the pages whose screenshots issue #16 asks for in both themes.
  const bothThemes = (p: string, i: number) => i === 0 || /\/(breakdown|latency|alerts)$/.test(p);
  const app = appPaths.flatMap((p, i) =>
    (bothThemes(p, i) ? ['dark', 'light'] : ['dark']).map((theme) => ({
      name: `app-${p.split('/').pop()}-${theme}`,
      url: `${p}?theme=${theme}&${time}`,
      readySelector: APP_READY,
    }))
  );
  // Every app page once at a phone's width.
  const narrow = appPaths.map((p) => ({
    name: `app-${p.split('/').pop()}-narrow`,
    url: `${p}?theme=dark&${time}`,
    readySelector: APP_READY,
    width: NARROW_WIDTH,
  }));
  const panels = specs.flatMap((s, i) =>
    ['dark', 'light'].map((theme) => ({
      name: `panel-${s.name}-${theme}`,
      url: `/host/panel/${i}?theme=${theme}`,
      readySelector: PANEL_READY,
    }))
  );
  return [...app, ...narrow, ...panels];
}

/**
 * Page errors, console errors and console warnings fail the case. The host runs React's development build, which
 * is the one that warns (console.error for most React warnings, console.warn for some, e.g. deprecations).
 */
function watchPage(page: Page, failures: string[], allow: Array<{ pattern: RegExp }>) {
  page.on('pageerror', (err) => failures.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    const text = msg.text();
    const type = msg.type();
    if ((type === 'error' || type === 'warning') && !allow.some((a) => a.pattern.test(text))) {
      failures.push(`console.${type === 'warning' ? 'warn' : 'error'}: ${text.slice(0, 500)}`);
    }
  });
}

/** One fault case (faults.ts): the same page checks as runCase, with the case's own steps in between. */
async function runFaultPage(
  context: BrowserContext,
  url: string,
  shot: string,
  body: (page: Page, failures: string[]) => Promise<void>
): Promise<string[]> {
  const failures: string[] = [];
  const page = await context.newPage();
  watchPage(page, failures, FAULT_CONSOLE_ALLOWLIST);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    await page.waitForSelector(APP_READY, { state: 'attached', timeout: 30000 });
    await body(page, failures);
    const root = page.locator('#host-root');
    if ((await root.getAttribute('data-host-state')) === 'error') {
      failures.push(`host error: ${await root.getAttribute('data-host-error')}`);
    }
    if (!((await root.textContent())?.trim() ?? '')) {
      failures.push('nothing rendered: #host-root has no text');
    }
  } catch (e) {
    failures.push(String(e).split('\n')[0]);
  }
  if (failures.length) {
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
  }
  await page.close();
  return failures;
}

function report(name: string, url: string, ms: number, failures: string[]) {
  console.log(`${failures.length ? 'FAIL' : 'ok  '} ${name}  ${url}  (${ms} ms)`);
  failures.forEach((f) => console.log(`       ${f}`));
}

/** Names the host page says it shares, collected from every page that loaded. */
const sharedNames = new Set<string>();

async function runCase(context: BrowserContext, server: HostServer, screens: string, c: Case): Promise<string[]> {
  const failures: string[] = [];
  const base = server.url;
  const promErrorsBefore = server.promErrors.length;
  const page = await context.newPage();
  if (c.width) {
    await page.setViewportSize({ width: c.width, height: 800 });
  }
  watchPage(page, failures, CONSOLE_ALLOWLIST);
  try {
    // 60 s: the ~20 MB host bundle took over 30 s to load at a load average of 20 on 2 cores.
    await page.goto(base + c.url, { waitUntil: 'load', timeout: 60000 });
    // 'attached', not the default 'visible': an empty root must reach the "nothing rendered" check below.
    await page.waitForSelector('#host-root[data-host-state]', { state: 'attached', timeout: 30000 });
    await page.waitForSelector(c.readySelector, { state: 'attached', timeout: 30000 });
    // 60 s: the breakdown panels' per-workload range queries (owner joins) can take tens of seconds on a busy machine.
    await page.waitForLoadState('networkidle', { timeout: 60000 });
    // App pages that measure asynchronously mark themselves with data-meshtax-loading until their queries answer.
    await page.waitForSelector('[data-meshtax-loading]', { state: 'detached', timeout: 60000 });
    await page.waitForTimeout(Number(process.env.MESHTAX_HOST_SETTLE_MS ?? 500));
    const root = page.locator('#host-root');
    const state = await root.getAttribute('data-host-state');
    if (state === 'error') {
      failures.push(`host error: ${await root.getAttribute('data-host-error')}`);
    }
    const shared = await page.evaluate(() => window.meshtaxHostShared);
    shared.names.forEach((n) => sharedNames.add(n));
    shared.unmapped.forEach((n) => failures.push(`plugin imported "${n}", which the host does not share`));
    // Lazy pages (and React 19's deferred first render) may paint after the network settles on a busy machine.
    await page
      .waitForFunction(() => (document.getElementById('host-root')?.textContent ?? '').trim() !== '', null, {
        timeout: 30000,
      })
      .catch(() => {});
    const text = (await root.textContent())?.trim() ?? '';
    if (!text) {
      failures.push('nothing rendered: #host-root has no text');
    }
    // Figures first: that check waits for the mesh cards, so the page has settled before its states are read.
    if (c.figures) {
      failures.push(...(await figureMismatches(page, c.figures)));
    }
    failures.push(...(await unhealthyStates(page)));
    if (isLatencyCase(c.name)) {
      failures.push(...(await latencyTextFailures(page)));
    }
    const firstView = c.width ? firstViewOf(c.name) : undefined;
    if (firstView) {
      failures.push(...(await firstViewFailures(page, firstView)));
    }
    if (c.width) {
      const overflow = await page.evaluate(() => {
        const by = document.documentElement.scrollWidth - window.innerWidth;
        // Name the innermost elements that stick out, so the failure says what to fix.
        const out = [...document.querySelectorAll('#host-root *')].filter(
          (e) => e.getBoundingClientRect().right > window.innerWidth + 1 && e.children.length === 0
        );
        const names = out.slice(0, 3).map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? '').slice(0, 30)}"`);
        return { by, names };
      });
      if (overflow.by > 1) {
        failures.push(`at ${c.width}px the page scrolls sideways by ${overflow.by}px: ${overflow.names.join(', ')}`);
      }
      if (c.name.startsWith('app-overview')) {
        failures.push(...(await overviewNarrowFailures(page)));
      }
    }
  } catch (e) {
    failures.push(String(e).split('\n')[0]);
  }
  await page.screenshot({ path: path.join(screens, `${c.name}.png`), fullPage: true }).catch(() => {});
  await page.close();
  // A normal page's queries must all be answered: an error answer is a failure even if the page hid it.
  server.promErrors.slice(promErrorsBefore).forEach((e) => failures.push(`prometheus error answer: ${e}`));
  return failures;
}

interface RuntimeRun {
  runtime: Runtime;
  bundleDir: string;
  bundle: Promise<void>;
  screens: string;
  passed: number;
  failed: number;
}

/** test-results/screens/<runtime>/, emptied of the last run's screenshots. */
function screensFor(name: string): string {
  const dir = path.join(SCREENS, name);
  mkdirSync(dir, { recursive: true });
  readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .forEach((f) => rmSync(path.join(dir, f)));
  return dir;
}

async function main() {
  const started = Date.now();
  if (!existsSync(path.join(DIST, 'module.js'))) {
    throw new Error('dist/module.js is missing: run `npm run build` first');
  }
  const build = readPluginBuild(DIST);
  const specs = panelSpecs(DIST, build.panelMetas);
  const pluginId = String(build.appMeta.id);
  const runtimes = listRuntimes();
  mkdirSync(SCREENS, { recursive: true });
  // Screenshots of runs from before there were runtimes would look like this run's.
  readdirSync(SCREENS)
    .filter((f) => f.endsWith('.png'))
    .forEach((f) => rmSync(path.join(SCREENS, f)));

  const tmp: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    tmp.push(dir);
    return dir;
  };
  const profileDir = tempDir('meshtax-host-profile-');
  // Every runtime's bundle is built while the first Prometheus starts.
  const runs: RuntimeRun[] = runtimes.map((runtime) => {
    const bundleDir = tempDir(`meshtax-host-bundle-${runtime.name}-`);
    const bundle = buildHostBundle(bundleDir, runtime);
    bundle.catch(() => {});
    return { runtime, bundleDir, bundle, screens: screensFor(runtime.name), passed: 0, failed: 0 };
  });
  const promErrors: string[] = [];
  const unhandled: string[] = [];
  const presets = process.env.MESHTAX_PROM_URL ? [PRESETS[0]] : PRESETS;
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
    for (const [i, preset] of presets.entries()) {
      let prom: PromHandle | undefined;
      try {
        [prom] = await Promise.all([startPrometheus(preset), ...runs.map((r) => r.bundle)]);
        const evalMs = prom?.evalTime ? (prom.evalTime < 1e11 ? prom.evalTime * 1000 : prom.evalTime) : Date.now();
        const range = { from: evalMs - 3600_000, to: evalMs };
        // The report the Overview must show, from the same Prometheus at the page's time (the range's end).
        const figures =
          i === 0 && prom
            ? await expectedOverviewFigures(
                prom.url,
                Math.floor(range.to / 1000),
                build.appMeta.jsonData,
                Math.floor(range.from / 1000)
              )
            : undefined;
        // App pages once (first preset); every panel with every preset, named after it.
        // The dashboards' query variables as this preset resolves them, and one copy of a repeated row per mesh.
        const presetSpecs = prom ? await resolveSpecs(specs, prom.url, Math.floor(range.to / 1000)) : specs;
        const cases = buildCases(build.appMeta, presetSpecs, range)
          .filter((c) => i === 0 || !c.name.startsWith('app-'))
          .map((c) => (c.name.startsWith('app-') ? c : { ...c, name: `${preset}-${c.name}` }))
          .map((c) => (/^app-overview-/.test(c.name) ? { ...c, figures } : c))
          .filter((c) => !ONLY || ONLY.test(c.name));
        for (const run of runs) {
          const host = {
            boot: { pluginId, appMeta: build.appMeta, range },
            panels: presetSpecs,
            panelMetas: build.panelMetas,
            distDir: DIST,
            bundleDir: run.bundleDir,
            runtime: run.runtime,
          };
          const server = await startHostServer({ ...host, promUrl: prom?.url });
          try {
            for (const c of cases) {
              const t0 = Date.now();
              const failures = await runCase(context, server, run.screens, c);
              report(`${run.runtime.name} ${c.name}`, c.url, Date.now() - t0, failures);
              failures.length ? run.failed++ : run.passed++;
            }
          } finally {
            promErrors.push(...server.promErrors);
            unhandled.push(...server.unhandled);
            await server.close();
          }
          // Fault cases once, with the first preset's Prometheus behind the fault proxy (their errors are on purpose).
          if (i === 0 && FAULTS && prom) {
            const results = await runFaultCases(context, {
              promUrl: prom.url,
              host,
              query: `from=${range.from}&to=${range.to}`,
              screens: run.screens,
              only: ONLY,
              runPage: runFaultPage,
            });
            for (const r of results) {
              report(`${run.runtime.name} ${r.name}`, r.url, r.ms, r.failures);
              r.failures.length ? run.failed++ : run.passed++;
            }
          }
        }
      } finally {
        await prom?.stop();
      }
    }
    await context.close();
  } finally {
    tmp.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  }

  // Every AMD dependency of every module.js must be one the host shares (as it would be in Grafana).
  // (Skipped with MESHTAX_HOST_ONLY: the pages that ran may not have loaded every shared module.)
  const unmapped = Object.entries(ONLY ? {} : build.amdDeps).flatMap(([file, deps]) =>
    deps.filter((d) => d !== 'module' && !sharedNames.has(d)).map((d) => `${file} imports unmapped "${d}"`)
  );
  // A problem with dist/ itself fails it under every runtime.
  for (const problem of [...build.problems, ...unmapped]) {
    console.log(`FAIL ${problem}`);
    runs.forEach((r) => r.failed++);
  }
  if (promErrors.length) {
    // Normal cases only (fault cases have their own server): each already failed the case it came from.
    console.log('prometheus error answers:');
    promErrors.forEach((e) => console.log(`  ${e}`));
  }
  if (unhandled.length) {
    console.log(`note: requests the host does not stand in for: ${[...new Set(unhandled)].join(', ')}`);
  }
  const summary = runs.map((r) => ({
    name: r.runtime.name,
    grafana: r.runtime.grafana,
    react: r.runtime.react,
    passed: r.passed,
    failed: r.failed,
  }));
  writeFileSync(path.join(RESULTS, 'runtimes.json'), `${JSON.stringify(summary, null, 2)}\n`);
  const passed = summary.reduce((n, r) => n + r.passed, 0);
  const failed = summary.reduce((n, r) => n + r.failed, 0);
  summary.forEach((r) =>
    console.log(`${r.name} (@grafana/runtime ${r.grafana}, react ${r.react}): ${r.passed} passed, ${r.failed} failed`)
  );
  console.log(
    `screenshots: ${path.relative(ROOT, SCREENS)}/<runtime>/ (${((Date.now() - started) / 1000).toFixed(1)} s)`
  );
  console.log(`browser host: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  console.log('browser host: 0 passed, 1 failed');
  process.exit(1);
});
