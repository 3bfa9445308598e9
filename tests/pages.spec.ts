import { expect, test } from './fixtures';

// Run against the demo stack (`docker compose up`) with @grafana/plugin-e2e; they cannot run without a Grafana.
test('breakdown shows the variables, the time picker and the proxy cost by namespace', async ({ gotoPage, page }) => {
  await gotoPage('/breakdown');
  await expect(page.getByText('Mesh', { exact: true })).toBeVisible();
  await expect(page.getByText(/by namespace/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Mesh cost by namespace' })).toBeVisible({ timeout: 30000 });
});

test('latency lists p99 added per workload with its bucket', async ({ gotoPage, page }) => {
  await gotoPage('/latency');
  await expect(page.getByRole('table', { name: /Latency added by Istio/ })).toBeVisible({ timeout: 30000 });
  await expect(page.getByText(/between \d+ and \d+ ms/).first()).toBeVisible();
});
