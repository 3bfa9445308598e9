import { expect, test } from './fixtures';

// Run against the demo stack (`docker compose up`) with @grafana/plugin-e2e; they cannot run without a Grafana.
test('breakdown shows the variables, the time picker and the proxy cost by namespace', async ({ gotoPage, page }) => {
  await gotoPage('/breakdown');
  await expect(page.getByText('Mesh', { exact: true })).toBeVisible();
  // The cost bars come first (issue #16 §3), then the table.
  await expect(page.getByText(/: cost by namespace$/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Mesh cost by namespace' })).toBeVisible({ timeout: 30000 });
});

test('latency lists p99 added per workload with its bucket', async ({ gotoPage, page }) => {
  await gotoPage('/latency');
  await expect(page.getByRole('table', { name: /Latency added by Istio/ })).toBeVisible({ timeout: 30000 });
  await expect(page.getByText(/between \d+ and \d+ ms/).first()).toBeVisible();
});

test('a workload row of the breakdown drills into the workload page', async ({ gotoPage, page }) => {
  await gotoPage('/breakdown');
  const table = page.getByRole('table', { name: 'Mesh cost by workload' }).first();
  await expect(table).toBeVisible({ timeout: 30000 });
  await table.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/breakdown\/workload\?.*var-workload=/);
  await expect(page.getByText(/proxy CPU: used and requested/)).toBeVisible();
  // The picker lists the workloads that exist (from Prometheus), not a text box.
  await expect(page.getByRole('textbox', { name: 'Workload' })).toHaveCount(0);
});

test('the old workload URL redirects to the drill-down, keeping its parameters', async ({ gotoPage, page }) => {
  await gotoPage('/workload?var-namespace=shop&var-workload=cart');
  await expect(page).toHaveURL(/\/breakdown\/workload\?.*var-namespace=shop.*var-workload=cart/);
});

test('the alerts page lists the provisioned demo rules and offers the rules download', async ({ gotoPage, page }) => {
  await gotoPage('/alerts');
  await expect(page.getByRole('table', { name: 'Alert rules Mesh Tax created' })).toBeVisible({ timeout: 30000 });
  // The title reads "$20", not "0": provisioning/alerting escapes $ as $$ because Grafana expands env vars there.
  await expect(page.getByText('Mesh Tax: Istio (sidecar) Monthly cost above $20')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Prometheus rules' })).toBeVisible();
  // The demo's rules are provisioned from a file (provenance "file"): Grafana refuses API edits, so no Edit/Delete.
  const row = page.getByRole('row', { name: /Monthly cost above \$20/ });
  await expect(row.getByText('Read-only')).toBeVisible();
  await expect(row.getByText('provisioned from a file')).toBeVisible();
  // The whole reason is said once, above the list.
  await expect(page.getByText(/Provisioned from a file .*change it in that file/)).toHaveCount(1);
  await expect(row.getByRole('button')).toHaveCount(0);
});
