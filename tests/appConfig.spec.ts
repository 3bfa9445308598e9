import { test, expect } from './fixtures';

// Runs against a real Grafana with the plugin installed (users' CI); it cannot run on machines without Grafana.
test('the configuration validates a price and saves the settings', async ({ appConfigPage, page }) => {
  const price = page.getByLabel('USD per vCPU-hour');
  await price.fill('-1');
  await expect(page.getByText(/not a price between 0 and 100/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  await price.fill('0.04');
  const saved = appConfigPage.waitForSettingsResponse();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(saved).toBeOK();
  await expect(page.getByText('Saved')).toBeVisible();
});
