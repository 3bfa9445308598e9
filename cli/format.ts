/**
 * Terminal formatting for the CLI. The plugin formats with @grafana/data's value formats; that package needs a
 * browser `window`, so the CLI uses Intl with the same units (cores, bytes in IEC, percent, USD, ms).
 */
import type { Unit } from '../src/model/figures';

const n = (digits: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function formatValue(v: number | null | undefined, unit: Unit): string {
  if (v === null || v === undefined || !Number.isFinite(v)) {
    return 'unavailable';
  }
  switch (unit) {
    case 'bytes': {
      const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
      let i = 0;
      let x = v;
      while (Math.abs(x) >= 1024 && i < units.length - 1) {
        x /= 1024;
        i++;
      }
      return `${n(i === 0 ? 0 : 1).format(x)} ${units[i]}`;
    }
    case 'percentunit':
      return `${n(2).format(v * 100)}%`;
    case 'currencyUSD':
      return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(v);
    case 'ms':
      return `${n(2).format(v)} ms`;
    case 'cores':
      return `${n(3).format(v)} cores`;
    case 'reqps':
      return `${n(1).format(v)} req/s`;
    case 'pods':
      return `${n(0).format(v)} pods`;
    case 'nodes':
      return `${n(2).format(v)} nodes`;
    case 'vcpuPer1kRps':
      return `${n(3).format(v)} vCPU/1k rps`;
    case 'services':
      return `${n(0).format(v)} services`;
    case 'eventsps':
      return `${n(3).format(v)} req/s`;
  }
}
