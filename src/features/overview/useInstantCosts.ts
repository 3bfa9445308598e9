import { useEffect, useState } from 'react';
import { meshFigureId } from '../../model/figureKeys';
import type { Report } from '../../model/report';
import { dsInstantQuery } from '../../services/prometheus';

export interface InstantCosts {
  /** All meshes together; null when a mesh's cost has no instant answer. */
  total: number | null;
  /** Each mesh's monthly cost at the range's end, by mesh id; null where it has no instant answer. */
  byMesh: Record<string, number | null>;
}

/**
 * Each mesh's monthly cost at the range's end, beside the Overview's means over the range: an averaged report carries
 * each figure's instant query too. The dashboards, the Breakdown and the panels show instant values, so this is the
 * number they show for the same range (#16 §2: "show the instant value as well, labelled as such"). undefined while
 * it is asked for or when the report is not averaged.
 */
export function useInstantCosts(report: Report | undefined, uid: string | undefined, timeSec: number) {
  const [costs, setCosts] = useState<{ report: Report; value: InstantCosts }>();
  useEffect(() => {
    if (!report || !uid || !report.meshes.every((m) => m.instantQueries)) {
      return;
    }
    let cancelled = false;
    const q = dsInstantQuery(uid, timeSec);
    Promise.all(
      report.meshes.map(async (m): Promise<[string, number | null]> => {
        const expr = m.instantQueries?.[meshFigureId(m.id, 'cost.total')];
        const value = expr
          ? await q(expr).then(
              (r) => r[0]?.value ?? null,
              () => null
            )
          : null;
        return [m.id, value];
      })
    ).then((pairs) => {
      const total = pairs.reduce<number | null>((a, [, v]) => (a === null || v === null ? null : a + v), 0);
      if (!cancelled) {
        setCosts({ report, value: { total, byMesh: Object.fromEntries(pairs) } });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [report, uid, timeSec]);
  return costs && costs.report === report ? costs.value : undefined;
}
