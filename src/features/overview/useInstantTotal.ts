import { useEffect, useState } from 'react';
import { meshFigureId } from '../../model/figureKeys';
import type { Report } from '../../model/report';
import { dsInstantQuery } from '../../services/prometheus';

/**
 * All meshes' monthly cost at the range's end, beside the headline's mean over the range: an averaged report carries
 * each figure's instant query too. undefined while it is asked for or when the report is not averaged; null when a
 * mesh's cost has no instant answer.
 */
export function useInstantTotal(report: Report | undefined, uid: string | undefined, timeSec: number) {
  const [total, setTotal] = useState<{ report: Report; value: number | null }>();
  useEffect(() => {
    if (!report || !uid || !report.meshes.every((m) => m.instantQueries)) {
      return;
    }
    let cancelled = false;
    const q = dsInstantQuery(uid, timeSec);
    Promise.all(
      report.meshes.map(async (m) => {
        const expr = m.instantQueries?.[meshFigureId(m.id, 'cost.total')];
        return expr ? ((await q(expr))[0]?.value ?? null) : null;
      })
    )
      .then((values) => values.reduce<number | null>((a, v) => (a === null || v === null ? null : a + v), 0))
      .catch(() => null)
      .then((value) => !cancelled && setTotal({ report, value }));
    return () => {
      cancelled = true;
    };
  }, [report, uid, timeSec]);
  return total && total.report === report ? total.value : undefined;
}
