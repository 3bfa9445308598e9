/** Per-workload added latency rows from query frames, with the bucket each client p99 fell in. */
import { FieldType, type DataFrame } from '@grafana/data';
import { bucketOf, type BucketBounds } from '../../model/buckets';

export interface LatencyRow {
  key: string;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  bucket: BucketBounds | null;
}

function last(frame: DataFrame): number | null {
  const f = frame.fields.find((x) => x.type === FieldType.number);
  const v = (f?.values ?? []).map(Number).filter((x) => Number.isFinite(x));
  return v.length ? v[v.length - 1] : null;
}

function labelsOf(frame: DataFrame): Record<string, string> {
  return frame.fields.find((x) => x.type === FieldType.number)?.labels ?? {};
}

/** `bucketLabels` names the client side's own namespace/workload labels on the bucket frames. */
export function latencyRows(
  frames: DataFrame[],
  bucketLabels: { namespace: string; workload: string },
  toMs: number
): LatencyRow[] {
  const rows = new Map<string, LatencyRow>();
  const row = (key: string) => rows.get(key) ?? { key, p50: null, p90: null, p99: null, bucket: null };
  for (const f of frames.filter((x) => x.refId === 'p50' || x.refId === 'p90' || x.refId === 'p99')) {
    const l = labelsOf(f);
    if (!l.namespace || !l.workload) {
      continue;
    }
    const r = row(`${l.namespace}/${l.workload}`);
    r[f.refId as 'p50' | 'p90' | 'p99'] = last(f);
    rows.set(r.key, r);
  }
  const buckets = new Map<string, Array<{ le: string; value: number }>>();
  for (const f of frames.filter((x) => x.refId === 'buckets')) {
    const l = labelsOf(f);
    const key = `${l[bucketLabels.namespace]}/${l[bucketLabels.workload]}`;
    const v = last(f);
    if (l.le && v !== null) {
      buckets.set(key, [...(buckets.get(key) ?? []), { le: l.le, value: v }]);
    }
  }
  for (const r of rows.values()) {
    const b = buckets.get(r.key);
    r.bucket = b ? bucketOf(b, 0.99, toMs) : null;
  }
  return [...rows.values()].sort((a, b) => (b.p99 ?? -Infinity) - (a.p99 ?? -Infinity));
}
