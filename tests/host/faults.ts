/**
 * Fault cases for the browser host (issue #9): the fault proxy (tests/faults/faultProxy.ts) sits between the host's
 * stand-in for Grafana's data source proxy and the real Prometheus. For each fault the Overview must show an in-place
 * error naming it with a Retry that works once Prometheus behaves, and the Breakdown's scene panels must show their
 * own error while the page's controls keep working; `warnings` and `huge` answers must render normally.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { FAULT_MODES, startFaultProxy, type FaultMode } from '../faults/faultProxy';
import { startHostServer, type HostServerOptions } from './server';

/**
 * Short stand-ins for Grafana's 30 s [dataproxy] timeout and a Prometheus slower than it, to keep the run fast.
 * 3 s, not 1 s: on a busy machine an ordinary answer (or a padded `huge` one) took over a second to start.
 */
const PROXY_TIMEOUT_MS = 3000;
const DELAY_MS = 5000;
/** Huge answers: this many, padded to this size, so the page parses tens of MB without a minute-long run. */
const HUGE_COUNT = 3;
const HUGE_BYTES = 8 * 1024 * 1024;

const FIGURES = 'The meshes side by side, measured on your cluster';
const OVERVIEW_ERROR = 'Mesh Tax could not measure';
const PANEL_ERROR = '[data-testid="data-testid Panel status error"]';
const REFRESH = '[data-testid="data-testid RefreshPicker run button"]';
const TIME_PICKER = '[data-testid="data-testid TimePicker Open Button"]';

/** What the page must say for each fault: the app's own message (overview) and the panel's (host data source). */
const EXPECTED: Partial<Record<FaultMode, { overview: RegExp; panel: RegExp }>> = {
  delay: { overview: /answered 504 Gateway Timeout\. .*proxy timeout/, panel: /^504 Gateway Timeout/ },
  http500: { overview: /answered 500 Internal Server Error: upstream exploded/, panel: /^500 .*upstream exploded/ },
  http503: { overview: /answered 503 Service Unavailable: fault proxy: overloaded.*retry/, panel: /^503 .*overloaded/ },
  http422: {
    overview: /answered 422 Unprocessable Entity: fault proxy: 1:8: parse error/,
    panel: /^422 .*parse error/,
  },
  reset: { overview: /answered 502 Bad Gateway\. Grafana could not reach Prometheus/, panel: /^502 Bad Gateway/ },
  resetMidBody: { overview: /^No answer from the data source \(.+\)/, panel: /Failed to fetch|network error/i },
  truncated: { overview: /could not answer: .*not Prometheus JSON/, panel: /not Prometheus JSON/ },
};

export interface FaultCase {
  name: string;
  url: string;
  run(page: Page, failures: string[]): Promise<void>;
}

export interface FaultRunOptions {
  promUrl: string;
  host: Omit<HostServerOptions, 'promUrl' | 'proxyTimeoutMs'>;
  query: string;
  screens: string;
  only?: RegExp;
  /**
   * Opens `url` in a fresh page with the runner's checks (page errors, console errors, empty root), runs `body`,
   * and returns the failures; screenshots to `shot` when something failed (the cases screenshot their own state).
   */
  runPage(
    context: BrowserContext,
    url: string,
    shot: string,
    body: (page: Page, failures: string[]) => Promise<void>
  ): Promise<string[]>;
}

async function expectVisible(
  page: Page,
  selector: string,
  what: string,
  failures: string[],
  timeout = 15000,
  state: 'visible' | 'attached' = 'visible'
) {
  const ok = await page
    .locator(selector)
    .first()
    .waitFor({ state, timeout })
    .then(() => true)
    .catch(() => false);
  if (!ok) {
    failures.push(`${what} not visible`);
  }
  return ok;
}

/** The page's controls still answer: the time picker opens (and closes). */
async function controlsWork(page: Page, failures: string[]) {
  if (await expectVisible(page, TIME_PICKER, 'time picker', failures, 5000)) {
    await page.locator(TIME_PICKER).first().click();
    // 'attached': the overlay's wrapper has no box of its own.
    const overlay = '[data-testid="data-testid TimePicker Overlay Content"]';
    await expectVisible(page, overlay, 'time picker menu', failures, 5000, 'attached');
    await page.keyboard.press('Escape');
  }
}

function overviewCase(mode: FaultMode, shot: string, setMode: (m: FaultMode) => void): FaultCase['run'] {
  return async (page, failures) => {
    await page.locator('[data-meshtax-loading]').waitFor({ state: 'detached', timeout: 30000 });
    const expected = EXPECTED[mode];
    if (!expected) {
      await expectVisible(page, `text=${FIGURES}`, `"${FIGURES}" (a ${mode} answer must render normally)`, failures);
      if (await page.getByText(OVERVIEW_ERROR).count()) {
        failures.push(`a ${mode} answer showed "${OVERVIEW_ERROR}"`);
      }
      if (mode === 'warnings') {
        // The figures stand, and the page says what Prometheus warned about.
        await expectVisible(page, 'text=Prometheus warned while answering', 'the warnings alert', failures);
      }
      await page.screenshot({ path: shot, fullPage: false }).catch(() => {});
      return;
    }
    const alert = page.locator('[role="alert"]', { hasText: OVERVIEW_ERROR });
    if (
      !(await expectVisible(
        page,
        `[role="alert"]:has-text("${OVERVIEW_ERROR}")`,
        `"${OVERVIEW_ERROR}" alert`,
        failures
      ))
    ) {
      return;
    }
    const text = (await alert.first().textContent()) ?? '';
    if (
      !expected.overview.test(
        text
          .replace(OVERVIEW_ERROR, '')
          .replace(/Retry$/, '')
          .trim()
      )
    ) {
      failures.push(`overview message ${JSON.stringify(text)} does not match ${expected.overview}`);
    }
    // Once is enough to show the controls survive an error; every case costs run time.
    if (mode === 'http503') {
      await controlsWork(page, failures);
    }
    const retry = alert.getByRole('button', { name: 'Retry' });
    if (!(await retry.count())) {
      failures.push('no Retry button in the alert');
      return;
    }
    await page.screenshot({ path: shot, fullPage: false }).catch(() => {});
    setMode('pass');
    await retry.click();
    await expectVisible(page, `text=${FIGURES}`, `after Retry, "${FIGURES}"`, failures, 30000);
  };
}

function breakdownCase(mode: FaultMode, shot: string, setMode: (m: FaultMode) => void): FaultCase['run'] {
  return async (page, failures) => {
    const expected = EXPECTED[mode];
    const errors = page.locator(PANEL_ERROR);
    if (!expected) {
      await page.waitForLoadState('networkidle', { timeout: 30000 });
      if (await errors.count()) {
        await errors.first().hover();
        const said = await page
          .locator('[role="tooltip"]')
          .first()
          .textContent({ timeout: 5000 })
          .catch(() => '');
        failures.push(`a ${mode} answer left ${await errors.count()} panel(s) in error, e.g. ${JSON.stringify(said)}`);
      }
      await page.screenshot({ path: shot, fullPage: false }).catch(() => {});
      return;
    }
    if (!(await expectVisible(page, PANEL_ERROR, 'panel error status', failures))) {
      return;
    }
    // Grafana shows a panel's error as the header's status icon, with the message as its tooltip.
    await errors.first().hover();
    const tip = page.locator('[role="tooltip"]');
    const text = (await expectVisible(page, '[role="tooltip"]', 'panel error tooltip', failures))
      ? ((await tip.first().textContent()) ?? '')
      : '';
    if (!expected.panel.test(text)) {
      failures.push(`panel error ${JSON.stringify(text)} does not match ${expected.panel}`);
    }
    await page.screenshot({ path: shot, fullPage: false }).catch(() => {});
    // The scene's refresh is the panels' retry (and shows the page's controls still work).
    setMode('pass');
    if (await expectVisible(page, REFRESH, 'refresh button', failures)) {
      await page.locator(REFRESH).first().click();
      const cleared = await page
        .waitForFunction((sel) => !document.querySelector(sel), PANEL_ERROR, { timeout: 15000 })
        .then(() => true)
        .catch(() => false);
      if (!cleared) {
        failures.push(`after refresh, ${await errors.count()} panel(s) still in error`);
      }
    }
  };
}

/** Runs every fault case; returns one result per case (name, url, failures, ms). */
export async function runFaultCases(context: BrowserContext, opts: FaultRunOptions) {
  const fault = await startFaultProxy({ target: opts.promUrl, delayMs: DELAY_MS, hugeBytes: HUGE_BYTES });
  const server = await startHostServer({ ...opts.host, promUrl: fault.url, proxyTimeoutMs: PROXY_TIMEOUT_MS });
  const setMode = (m: FaultMode) => fault.setMode(m, m === 'huge' ? HUGE_COUNT : undefined);
  const results: Array<{ name: string; url: string; failures: string[]; ms: number }> = [];
  try {
    const base = `/a/${opts.host.boot.pluginId}`;
    for (const mode of FAULT_MODES.filter((m) => m !== 'pass')) {
      for (const [page, run] of [
        ['overview', overviewCase],
        ['breakdown', breakdownCase],
      ] as const) {
        const name = `fault-${mode}-${page}`;
        if (opts.only && !opts.only.test(name)) {
          continue;
        }
        const url = `${base}/${page}?theme=dark&${opts.query}`;
        const shot = path.join(opts.screens, `${name}.png`);
        setMode(mode);
        const t0 = Date.now();
        const failures = await opts.runPage(context, server.url + url, shot, run(mode, shot, setMode));
        results.push({ name, url, failures, ms: Date.now() - t0 });
      }
    }
  } finally {
    await server.close();
    await fault.close();
  }
  return results;
}
