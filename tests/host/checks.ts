/**
 * Test-only: what a normal (non-fault) page must and must not show, beyond "it rendered" (issue #14, item 4).
 * A page that loads but shows the Overview's own error, "No service mesh detected", "No data" or a scene panel in
 * error is a failure, and the Overview's headline figures must equal the report computed in node (expected.ts).
 */
import type { Page } from 'playwright-core';
import type { ExpectedFigure } from './expected';

/** Texts that never belong on a page fed by a demo preset; each is a state the page shows when it failed. */
export const FORBIDDEN_TEXTS: Array<{ text: RegExp; what: string }> = [
  { text: /Mesh Tax could not measure/, what: "the Overview's own error alert" },
  { text: /No service mesh detected/, what: 'the no-mesh notice' },
  // Grafana's panels say "No data" (capitalised) for an empty answer; our reasons say "no data: needs …".
  { text: /\bNo data\b/, what: "a panel's empty state" },
];

/** Grafana's panel status icon for a panel in error (PanelChrome), on scene panels and our nested panels alike. */
export const PANEL_ERROR = '[data-testid="data-testid Panel status error"]';

export async function unhealthyStates(page: Page): Promise<string[]> {
  const failures: string[] = [];
  const text = (await page.locator('#host-root').innerText()) ?? '';
  for (const f of FORBIDDEN_TEXTS) {
    const m = f.text.exec(text);
    if (m) {
      const at = text.slice(Math.max(0, m.index - 60), m.index + 120).replace(/\s+/g, ' ');
      failures.push(`shows ${f.what}: "…${at}…"`);
    }
  }
  const errors = await page.locator(PANEL_ERROR).count();
  if (errors) {
    failures.push(`${errors} panel(s) in error`);
  }
  return failures;
}

/**
 * Each expected figure's text on screen: the FigureStat whose label is `label`, in the card of `mesh`, must read
 * what the plugin's formatFigure makes of the report's value.
 */
export async function figureMismatches(page: Page, expected: ExpectedFigure[]): Promise<string[]> {
  if (!expected.length) {
    return ['no expected figures: the comparison would prove nothing'];
  }
  // The scene shows "Loading variables…" before the overview's own loading state: wait for the cards themselves
  // (a missing card is reported below, with what the page showed instead).
  for (const mesh of new Set(expected.map((f) => f.mesh))) {
    await page
      .locator(`[data-testid="meshtax-mesh-${mesh}"]`)
      .waitFor({ state: 'attached', timeout: 60000 })
      .catch(() => {});
  }
  // Cards show while their figures arrive (issue #16 §5): compare once every figure has settled.
  await page
    .waitForFunction(() => !document.querySelector('[data-meshtax-loading], [data-figure-state="arriving"]'), null, {
      timeout: 60000,
    })
    .catch(() => {});
  const seen = await page.evaluate((figures) => {
    return figures.map((f) => {
      const want = window.meshtaxHostFormatFigure(f.value, f.unit);
      const card = document.querySelector(`[data-testid="meshtax-mesh-${f.mesh}"]`);
      if (!card) {
        return { ...f, want, got: null as string | null, why: 'no card for this mesh' };
      }
      // FigureStat: the label's element, then the value's element right after it.
      const label = [...card.querySelectorAll('*')].find(
        (e) => e.children.length === 0 && e.textContent?.trim() === f.label
      );
      const got = label?.nextElementSibling?.textContent?.trim() ?? null;
      return { ...f, want, got, why: label ? '' : 'no such label in the card' };
    });
  }, expected);
  return seen
    .filter((s) => s.got !== s.want)
    .map((s) => `${s.mesh} "${s.label}": screen ${JSON.stringify(s.got)}, report ${JSON.stringify(s.want)} ${s.why}`);
}
