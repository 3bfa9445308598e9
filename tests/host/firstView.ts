/**
 * Test-only: what a phone-width reader sees first on the scenes pages and Alerts (issue #16 §7), beyond "nothing
 * scrolls sideways". For each page, the elements that must be on the first screen (top inside the viewport's
 * height, after the page's controls) and the elements that must be wholly inside the viewport's width.
 */
import type { Page } from 'playwright-core';

interface FirstView {
  /** Text that must start within the first screen: the page's answer, not its chrome. */
  firstScreen: RegExp[];
  /** Selectors whose every match must lie wholly within the viewport's width (none cut off on the right). */
  inWidth: string[];
}

/** By the case's page (`app-<page>-…`). The Breakdown opens on its cost bars, Latency on its chart. */
const FIRST_VIEW: Record<string, FirstView> = {
  breakdown: {
    firstScreen: [/: cost by namespace$/],
    // Every panel, the idle-sidecars one included (issue #16 §7: it overflowed).
    inWidth: ['[data-viz-panel-key]', '[data-testid="meshtax-panel-empty"]'],
  },
  latency: { firstScreen: [/p99 latency added over time/], inWidth: ['[data-viz-panel-key]', 'table'] },
  alerts: {
    firstScreen: [/^New alert rule$/, /^Rules Mesh Tax created$/],
    // Edit and Delete of every rule: reachable without scrolling sideways.
    inWidth: ['button[aria-label^="Edit "]', 'button[aria-label^="Delete "]'],
  },
};

export function firstViewOf(caseName: string): FirstView | undefined {
  return FIRST_VIEW[/^app-([a-z-]+?)-(dark|light|narrow)$/.exec(caseName)?.[1] ?? ''];
}

export async function firstViewFailures(page: Page, view: FirstView): Promise<string[]> {
  const failures: string[] = [];
  const { height, width } = page.viewportSize() ?? { height: 800, width: 420 };
  for (const text of view.firstScreen) {
    const el = page.getByText(text).first();
    const box = await el.boundingBox({ timeout: 5000 }).catch(() => null);
    if (!box) {
      failures.push(`first screen: nothing reads ${text}`);
    } else if (box.y > height) {
      failures.push(`first screen: ${text} starts at ${Math.round(box.y)}px, below the ${height}px screen`);
    }
  }
  for (const selector of view.inWidth) {
    const out = await page.$$eval(
      selector,
      (els, w) =>
        els
          .map((e) => ({
            r: e.getBoundingClientRect(),
            t: (e.getAttribute('aria-label') ?? e.textContent ?? '').slice(0, 40),
          }))
          .filter(({ r }) => r.width > 0 && (r.right > w + 1 || r.left < -1))
          .map(({ r, t }) => `"${t}" spans ${Math.round(r.left)}–${Math.round(r.right)}px`),
      width
    );
    if (out.length) {
      failures.push(`at ${width}px, ${selector} is cut off: ${out.slice(0, 3).join('; ')}`);
    }
  }
  return failures;
}
