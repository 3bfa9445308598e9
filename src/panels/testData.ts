/** Builds PanelData the way Grafana's Prometheus data source shapes it: one frame per series, labels on the value field. */
import { createDataFrame, FieldType, LoadingState, type PanelData, type TimeRange, dateTime } from '@grafana/data';

export interface SeriesSpec {
  refId: string;
  labels?: Record<string, string>;
  values: number[];
}

export function panelData(
  series: SeriesSpec[],
  targets: Array<{ refId: string; expr?: string }> = series.map((s) => ({ refId: s.refId, expr: `q_${s.refId}` }))
): PanelData {
  const range: TimeRange = {
    from: dateTime(1704070200000),
    to: dateTime(1704073800000),
    raw: { from: 'now-1h', to: 'now' },
  };
  return {
    state: LoadingState.Done,
    timeRange: range,
    series: series.map((s) =>
      createDataFrame({
        refId: s.refId,
        fields: [
          { name: 'Time', type: FieldType.time, values: s.values.map((_, i) => 1704070200000 + i * 15000) },
          { name: 'Value', type: FieldType.number, values: s.values, labels: s.labels },
        ],
      })
    ),
    request: { targets } as PanelData['request'],
  };
}
