import { useEffect, useState } from 'react';
import { meshFigureId, P99, type MeshFigureKey } from '../../model/figureKeys';
import type { Report } from '../../model/report';
import { dsTrend, type Trend } from '../../services/prometheus';

/** The figures whose trend the overview draws. */
export const TREND_FIGURES: MeshFigureKey[] = [
  'cost.total',
  'sidecars.cpuShare',
  'sidecars.memoryShare',
  'latency.pNAdded',
];

/** Trends of the overview's headline figures over [from, to]; a failed or empty trend is simply not drawn. */
export function useTrends(
  report: Report | undefined,
  uid: string | undefined,
  fromSec: number,
  toSec: number
): Record<string, Trend> {
  const [trends, setTrends] = useState<Record<string, Trend>>({});
  useEffect(() => {
    if (!report || !uid) {
      return;
    }
    let cancelled = false;
    const jobs = report.meshes.flatMap((m) =>
      TREND_FIGURES.map((k) => meshFigureId(m.id, k, P99))
        // At each point the figure's value then: an averaged report's instant queries, not its means over the range.
        .map((id) => [id, m.instantQueries?.[id] ?? m.queries[id]] as const)
        .filter(([, expr]) => !!expr)
        .map(async ([id, expr]) => [id, await dsTrend(uid, expr, fromSec, toSec).catch(() => null)] as const)
    );
    Promise.all(jobs).then((done) => {
      if (!cancelled) {
        setTrends(Object.fromEntries(done.filter((d): d is readonly [string, Trend] => d[1] !== null)));
      }
    });
    return () => {
      cancelled = true;
    };
  }, [report, uid, fromSec, toSec]);
  return trends;
}
