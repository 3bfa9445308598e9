/**
 * Writes src/dashboards/*.json and provisioning/alerting/meshtax-alerts.yaml from the model (`npm run dashboards`);
 * tests keep the files equal to this output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { alertProvisioningYaml } from '../src/model/alerts/provisioning';
import { overviewDashboard, workloadDashboard } from '../src/model/dashboards';

/** The demo stack's alert rules, provisioned from the same payloads the Alerts page sends. */
export const ALERTS_FILE = join(__dirname, '..', 'provisioning', 'alerting', 'meshtax-alerts.yaml');

export const DASHBOARD_FILES = { 'overview.json': overviewDashboard, 'workload.json': workloadDashboard };

export function dashboardText(make: () => unknown): string {
  return JSON.stringify(make(), null, 2) + '\n';
}

if (require.main === module) {
  for (const [file, make] of Object.entries(DASHBOARD_FILES)) {
    writeFileSync(join(__dirname, '..', 'src', 'dashboards', file), dashboardText(make));
  }
  mkdirSync(dirname(ALERTS_FILE), { recursive: true });
  writeFileSync(ALERTS_FILE, alertProvisioningYaml());
}
