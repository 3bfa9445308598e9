/** Writes a preset's history as OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { seriesKey, type Series } from './series';

/**
 * promtool appends series by series, so each series' samples must be in time order; grouping by metric name
 * keeps each family contiguous as OpenMetrics requires.
 */
export function writeOpenMetrics(
  path: string,
  series: Series[],
  start: number,
  end: number,
  step: number
): { samples: number } {
  const fd = openSync(path, 'w');
  let buf = '';
  let samples = 0;
  const flush = (force: boolean) => {
    if (force || buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  };
  const byName = new Map<string, Series[]>();
  for (const s of series) {
    const list = byName.get(s.name) ?? [];
    list.push(s);
    byName.set(s.name, list);
  }
  for (const [name, list] of byName) {
    buf += `# TYPE ${name} unknown\n`;
    for (const s of list) {
      const key = seriesKey(s);
      for (let t = Math.max(start, s.from ?? start); t <= Math.min(end, s.until ?? end); t += step) {
        buf += `${key} ${s.value(t)} ${t}\n`;
        samples++;
      }
      flush(false);
    }
  }
  buf += '# EOF\n';
  flush(true);
  closeSync(fd);
  return { samples };
}
