/**
 * Test-only: what the Overview must show, computed in node. The same model report (buildReport with the page's own
 * input, src/features/overview/reportInput.ts) against the same Prometheus at the same time. The values are formatted
 * in the page by the plugin's own formatFigure (src/utils/utils.units.ts, bundled into the host against the runtime's
 * @grafana/data, which needs a browser), so a figure on screen that differs is a bug in between (query path, scope,
 * rendering).
 */
import { instantQuery } from '../../cli/prometheus';
import { buildReport } from '../../src/model/report';
import { resolveStoredSettings } from '../../src/model/settings';
import type { StoredSettings } from '../../src/model/options/types';
import type { Unit } from '../../src/model/figures';
import { overviewReportInput } from '../../src/features/overview/reportInput';

export interface ExpectedFigure {
  /** The mesh card's data-testid suffix (mesh id). */
  mesh: string;
  /** The FigureStat's label on screen. */
  label: string;
  value: number;
  unit: Unit;
}

/**
 * Each mesh's monthly total, CPU share and memory share. Scope: all clusters and namespaces, as the overview opens
 * with its variables on All; per-cluster rows (byCluster) do not change these totals, so they are not asked for.
 */
export async function expectedOverviewFigures(
  promUrl: string,
  timeSec: number,
  jsonData: StoredSettings | undefined,
  /** The page's range start: the Overview's figures are means over the range. */
  fromSec: number
): Promise<ExpectedFigure[]> {
  const q = instantQuery(new URL(promUrl), timeSec, 30_000);
  const report = await buildReport(q, overviewReportInput(resolveStoredSettings(jsonData), timeSec, {}, fromSec));
  if (!report.meshes.length) {
    throw new Error('browser host: the report for this preset has no mesh, so there is nothing to compare');
  }
  return report.meshes.flatMap((m) => {
    // The card's labels (MeshCard.tsx): shares say they count the proxies only.
    const proxies = m.dataPlaneKind === 'waypoint' ? 'Waypoints' : 'Sidecars';
    const figures = [
      {
        key: 'cost.total',
        label: 'Monthly cost, whole mesh',
        value: m.monthlyCostUsd.total,
        unit: 'currencyUSD' as const,
      },
      {
        key: 'sidecars.cpuShare',
        label: `${proxies}' share of cluster CPU`,
        value: m.sidecars.cpuShare,
        unit: 'percentunit' as const,
      },
      {
        key: 'sidecars.memoryShare',
        label: `${proxies}' share of cluster memory`,
        value: m.sidecars.memoryShare,
        unit: 'percentunit' as const,
      },
    ];
    // The card shows a share only when the mesh has that figure (MeshCard's `has`); the total always.
    return figures
      .filter((f) => f.key === 'cost.total' || `${m.id}.${f.key}` in m.queries)
      .map((f) => {
        // "unavailable" on both sides would compare equal and prove nothing: a demo preset measures every one.
        if (f.value === null || !Number.isFinite(f.value)) {
          throw new Error(`browser host: the report has no ${m.id}.${f.key} (${m.reasons[`${m.id}.${f.key}`] ?? ''})`);
        }
        return { mesh: m.id, label: f.label, value: f.value, unit: f.unit };
      });
  });
}
