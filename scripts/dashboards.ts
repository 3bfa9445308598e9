/** Writes src/dashboards/*.json from the model (`npm run dashboards`); a test keeps the files equal to this output. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { overviewDashboard, workloadDashboard } from '../src/model/dashboards';

export const DASHBOARD_FILES = { 'overview.json': overviewDashboard, 'workload.json': workloadDashboard };

export function dashboardText(make: () => unknown): string {
  return JSON.stringify(make(), null, 2) + '\n';
}

if (require.main === module) {
  for (const [file, make] of Object.entries(DASHBOARD_FILES)) {
    writeFileSync(join(__dirname, '..', 'src', 'dashboards', file), dashboardText(make));
  }
}
