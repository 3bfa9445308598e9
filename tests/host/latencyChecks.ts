/**
 * Test-only: what the Latency page must say about its own precision (issue #18 §2, on the demo's presets, whose
 * Envoy-bucketed p99s fall in the (100, 250] ms bucket on both sides for shop/frontend): every quantile added with its
 * interval, and where an interval is far wider than its value, that the buckets can't resolve it and how to get
 * finer ones. The wording is the model's (src/model/latencyText.ts), so the check reads it from there.
 */
import type { Page } from 'playwright-core';
import { unresolvedAdvice } from '../../src/model/latencyText';

/** Only the Latency page's cases (dark, light, narrow). */
export const isLatencyCase = (name: string) => /^app-latency-(dark|light|narrow)$/.test(name);

export async function latencyTextFailures(page: Page): Promise<string[]> {
  const failures: string[] = [];
  const table = page.locator('table[aria-label^="Latency added by "]').first();
  await table.waitFor({ state: 'visible', timeout: 60000 }).catch(() => {});
  const text = (await page.locator('#host-root').innerText()) ?? '';
  // "(−150 ms to +150 ms)" under a value: an interval with both signs, as the table writes it.
  if (!/\((\u2212|\+)?[\d.]+ m?s to (\u2212|\+)?[\d.]+ m?s\)/.test(text)) {
    failures.push('latency: no quantile added shows its interval "(… ms to … ms)"');
  }
  // A cell says "unresolved" in one word; the sentence is said once, under the table.
  const cells = await table.locator('td').allInnerTexts().catch(() => [] as string[]);
  if (!cells.some((c) => /\bunresolved\b/.test(c))) {
    failures.push('latency: no cell says "unresolved", though the preset has a ±150 ms interval');
  }
  if (!text.includes("buckets can't resolve it")) {
    failures.push("latency: the page never says its buckets can't resolve the p99 added");
  }
  const meshes = await page.locator('table[aria-label^="Latency added by "]').evaluateAll((ts) =>
    ts.map((t) => t.getAttribute('aria-label')!.replace(/^Latency added by (.*), per workload$/, '$1'))
  );
  // The advice names the mesh's way to finer buckets: Istio's annotation, or what Linkerd allows.
  const advice = ['istio', 'linkerd'].map(unresolvedAdvice);
  if (!advice.some((a) => text.replace(/\s+/g, ' ').includes(a))) {
    failures.push(`latency (${meshes.join(', ')}): the can't-resolve advice is missing`);
  }
  if (/between [\u2212+]?\d[^.]*? to [\u2212+]?\d/.test(text)) {
    failures.push('latency: an interval reads "between … to …"');
  }
  return failures;
}
