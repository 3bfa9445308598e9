/**
 * The shipped dashboards, generated from the model so their queries are the model's queries (one concern a file,
 * under dashboards/). `npm run dashboards` writes src/dashboards/*.json; a test keeps the files equal to this output.
 */
export { DASHBOARD_UIDS } from './dashboards/common';
export { overviewDashboard } from './dashboards/overview';
export { workloadDashboard } from './dashboards/workload';
export { figurePanel, type FigureRef } from './dashboards/figurePanel';
