/** Reads the panel's figures from its query frames; a missing or empty frame is "unavailable", never 0. */
import { FieldType, type DataFrame, type PanelData } from '@grafana/data';

export interface FrameFigure {
  /** The latest value, or null when the query returned nothing. */
  value: number | null;
  /** The series over the panel's time range, for a sparkline. */
  times: number[];
  values: number[];
  reason?: string;
}

function frameFor(data: PanelData, refId: string): DataFrame | undefined {
  return data.series.find((f) => f.refId === refId && f.length > 0);
}

export function readFigure(data: PanelData, refId: string): FrameFigure {
  const frame = frameFor(data, refId);
  if (!frame) {
    const asked = data.request?.targets?.some((t) => t.refId === refId);
    return {
      value: null,
      times: [],
      values: [],
      reason: asked ? 'no data for this query' : `no query with refId "${refId}"`,
    };
  }
  const time = frame.fields.find((f) => f.type === FieldType.time);
  const num = frame.fields.find((f) => f.type === FieldType.number);
  if (!num) {
    return { value: null, times: [], values: [], reason: 'the query returned no numbers' };
  }
  const values = num.values.map((v) => Number(v));
  const last = [...values].reverse().find((v) => Number.isFinite(v));
  return {
    value: last ?? null,
    times: time ? time.values.map((t) => Number(t)) : [],
    values,
    reason: last === undefined ? 'only empty values' : undefined,
  };
}

export function costColor(value: number | null, warn: number, critical: number): 'green' | 'orange' | 'red' | 'text' {
  if (value === null) {
    return 'text';
  }
  return value >= critical ? 'red' : value >= warn ? 'orange' : 'green';
}
