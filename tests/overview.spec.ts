import { test, expect } from './fixtures';

// Runs against the demo stack (`docker compose up`): Prometheus provisioned with the migration preset.
test('the overview shows every detected mesh with its cost and queries', async ({ gotoPage, page }) => {
  await gotoPage('/overview');
  await expect(page.getByRole('region', { name: 'Istio (sidecar)' })).toBeVisible({ timeout: 30000 });
  await expect(page.getByRole('region', { name: 'Linkerd' })).toBeVisible();
  await expect(page.getByText('Monthly cost').first()).toBeVisible();
  await expect(page.getByText('PromQL').first()).toBeVisible();
});
