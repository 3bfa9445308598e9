/**
 * Test-only: what a phone-width reader of the Overview sees first (issue #16 §7). Not only "no sideways scroll": the
 * headline and the costs are on the first screen, the benchmark table's hidden columns are hinted, the monthly cost
 * is a visible column, and no mesh card is a page tall.
 */
import type { Page } from 'playwright-core';

/** A card taller than this at 420 px is a wall of figures (it was about 1000 px before). */
const MAX_CARD_PX = 760;

export async function overviewNarrowFailures(page: Page): Promise<string[]> {
  const seen = await page.evaluate(() => {
    // No named helpers in here: tsx's keepNames wraps them in __name, which the page does not have.
    const headline = document.querySelector('[data-testid="meshtax-headline-total"]')?.getBoundingClientRect() ?? null;
    const table = document.querySelector('table[aria-label*="side by side"]');
    const costHeader = [...(table?.querySelectorAll('th') ?? [])].find((th) => th.textContent === 'Monthly cost');
    const hint = [...document.querySelectorAll('span')].find((s) =>
      /Swipe the table sideways/.test(s.textContent ?? '')
    );
    const scroller = table?.parentElement;
    return {
      viewport: window.innerHeight,
      width: window.innerWidth,
      headlineTop: headline?.top ?? null,
      costHeaderRight: costHeader?.getBoundingClientRect().right ?? null,
      tableScrolls: !!scroller && scroller.scrollWidth > scroller.clientWidth,
      hintShown: !!hint && hint.getBoundingClientRect().height > 0,
      cards: [...document.querySelectorAll('[data-testid^="meshtax-mesh-"]')].map((c) => ({
        id: c.getAttribute('data-testid'),
        height: c.getBoundingClientRect().height,
      })),
    };
  });
  const failures: string[] = [];
  if (seen.headlineTop === null || seen.headlineTop > seen.viewport) {
    failures.push(`the headline's total is not on the first screen (top ${seen.headlineTop}px)`);
  }
  if (seen.costHeaderRight === null || seen.costHeaderRight > seen.width) {
    failures.push(`the benchmark table's Monthly cost column is off-screen (right edge ${seen.costHeaderRight}px)`);
  }
  if (seen.tableScrolls && !seen.hintShown) {
    failures.push('the benchmark table scrolls sideways with no hint that it does');
  }
  if (!seen.cards.length) {
    failures.push('no mesh card at 420 px');
  }
  for (const c of seen.cards.filter((c) => c.height > MAX_CARD_PX)) {
    failures.push(`${c.id} is ${Math.round(c.height)} px tall at 420 px (more than ${MAX_CARD_PX})`);
  }
  return failures;
}
