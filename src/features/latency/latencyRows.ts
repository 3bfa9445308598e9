/** Per-workload added latency rows from the table's frames: each quantile with its interval, and the mean added. */
import { FieldType, type DataFrame } from '@grafana/data';
import { fallsAsPRises } from '../../model/latencyText';
import { MEAN_REF, QUANTILES, quantileRef, type Quantile } from './latencyQueries';

export interface QuantileAdded {
  value: number | null;
  /** The interval that holds the true value; null when either end is missing. */
  range: [number, number] | null;
}

export interface LatencyRow {
  key: string;
  added: Record<Quantile, QuantileAdded>;
  mean: number | null;
  /** A higher quantile adds less than a lower one: the row needs its explanation. */
  fallsAsPRises: boolean;
}

function last(frame: DataFrame): number | null {
  const f = frame.fields.find((x) => x.type === FieldType.number);
  const v = (f?.values ?? []).map(Number).filter((x) => Number.isFinite(x));
  return v.length ? v[v.length - 1] : null;
}

function labelsOf(frame: DataFrame): Record<string, string> {
  return frame.fields.find((x) => x.type === FieldType.number)?.labels ?? {};
}

/** Every frame's last value by refId, then by "namespace/workload". */
function byRef(frames: DataFrame[]): Map<string, Map<string, number | null>> {
  const out = new Map<string, Map<string, number | null>>();
  for (const f of frames) {
    const l = labelsOf(f);
    if (!f.refId || !l.namespace || !l.workload) {
      continue;
    }
    const m = out.get(f.refId) ?? new Map<string, number | null>();
    m.set(`${l.namespace}/${l.workload}`, last(f));
    out.set(f.refId, m);
  }
  return out;
}

/** One row per workload that has any quantile added; sorted by p99 added, largest first. */
export function latencyRows(frames: DataFrame[]): LatencyRow[] {
  const refs = byRef(frames);
  const at = (ref: string, key: string) => refs.get(ref)?.get(key) ?? null;
  const keys = new Set(QUANTILES.flatMap((q) => [...(refs.get(quantileRef(q))?.keys() ?? [])]));
  const rows = [...keys].map((key): LatencyRow => {
    const added = Object.fromEntries(
      QUANTILES.map((q) => {
        const [lo, hi] = [at(quantileRef(q, 'lower'), key), at(quantileRef(q, 'upper'), key)];
        return [q, { value: at(quantileRef(q), key), range: lo !== null && hi !== null ? [lo, hi] : null }];
      })
    ) as Record<Quantile, QuantileAdded>;
    return {
      key,
      added,
      mean: at(MEAN_REF, key),
      fallsAsPRises: fallsAsPRises(QUANTILES.map((q) => added[q].value)),
    };
  });
  return rows.sort((a, b) => (b.added[0.99].value ?? -Infinity) - (a.added[0.99].value ?? -Infinity));
}
