/** The human report: one aligned table per mesh, units on every number, the pricing assumptions up front. */
import Table from 'cli-table3';
import type { Unit } from '../src/model/figures';
import type { Report } from '../src/model/report';
import { formatValue } from './format';

type Mesh = Report['meshes'][number];

/** [label, figure id suffix, unit]: a row shows only when the mesh has that figure at all. */
const ROWS: Array<[string, string, Unit]> = [
  ['Pods with a proxy', 'sidecars.pods', 'pods'],
  ['Proxy CPU', 'sidecars.cpuCores', 'cores'],
  ['Proxy share of cluster CPU', 'sidecars.cpuShare', 'percentunit'],
  ['Proxy memory (working set)', 'sidecars.memoryBytes', 'bytes'],
  ['Proxy share of cluster memory', 'sidecars.memoryShare', 'percentunit'],
  ['Proxy memory per pod (avg)', 'sidecars.memoryPerPodAvg', 'bytes'],
  ['Proxy share of requested CPU', 'sidecars.cpuRequestShare', 'percentunit'],
  ['Proxy share of requested memory', 'sidecars.memoryRequestShare', 'percentunit'],
  ["Nodes' worth of CPU requested by proxies", 'sidecars.nodesReservedCpu', 'nodes'],
  ['Proxy vCPU per 1000 rps', 'sidecars.vcpuPer1kRps', 'vcpuPer1kRps'],
  ['Control-plane CPU', 'controlPlane.cpuCores', 'cores'],
  ['Control-plane memory', 'controlPlane.memoryBytes', 'bytes'],
  ['Node-agent CPU', 'nodeAgents.cpuCores', 'cores'],
  ['Node-agent memory', 'nodeAgents.memoryBytes', 'bytes'],
  ['Monthly cost: proxies', 'cost.sidecars', 'currencyUSD'],
  ['Monthly cost: control plane', 'cost.controlPlane', 'currencyUSD'],
  ['Monthly cost: node agents', 'cost.nodeAgents', 'currencyUSD'],
  ['Monthly cost: idle proxies (included above)', 'cost.idleSidecars', 'currencyUSD'],
  ['Monthly cost: total', 'cost.total', 'currencyUSD'],
];

const COMPACT = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};

function value(m: Mesh, key: string): number | null {
  const [group, field] = key.split('.');
  const groups = m as unknown as Record<string, Record<string, number | null> | undefined>;
  return groups[group === 'cost' ? 'monthlyCostUsd' : group]?.[field] ?? null;
}

function rows(m: Mesh): Array<[string, number | null, Unit, string]> {
  const shown = ROWS.filter(([, key]) => `${m.id}.${key}` in m.queries);
  const out: Array<[string, number | null, Unit, string]> = shown.map(([label, key, unit]) => [
    label,
    value(m, key),
    unit,
    m.reasons[`${m.id}.${key}`] ?? '',
  ]);
  const firstCost = shown.findIndex(([, key]) => key.startsWith('cost.'));
  out.splice(firstCost < 0 ? out.length : firstCost, 0, ['Latency added', m.latency.addedMs, 'ms', bucketNote(m)]);
  const shared = m.reasons[`${m.id}.controlPlane`];
  if (shared) {
    out.push(['Control plane', null, 'cores', shared]);
  }
  return out;
}

function bucketNote(m: Mesh): string {
  const b = m.latency.clientBucketMs;
  const q = Math.round(m.latency.quantile * 100);
  if (m.latency.addedMs === null) {
    return m.latency.reason ?? '';
  }
  const where = b ? `client p${q} lies between ${b.lowerMs} and ${b.upperMs} ms` : '';
  return `${m.latency.method}; ${where}`;
}

export function renderTable(r: Report): string {
  const p = r.pricing;
  const lines = [
    `Mesh Tax report at ${r.time} (rate window ${r.window})`,
    p.source === 'opencost'
      ? `Pricing: OpenCost node prices, ${p.hoursPerMonth} h/month, basis: ${p.basis}`
      : `Pricing: $${p.cpuHourUsd} per vCPU-hour, $${p.gibHourUsd} per GiB-hour, ${p.hoursPerMonth} h/month, basis: ${p.basis}`,
    `Cluster: ${formatValue(r.cluster.cpuCores, 'cores')} used, ${formatValue(r.cluster.memoryBytes, 'bytes')} working set`,
    '',
  ];
  if (r.meshes.length === 0) {
    lines.push('No service mesh detected: no proxy containers or mesh node agents in the selected scope.');
    return lines.join('\n') + '\n';
  }
  for (const m of r.meshes) {
    const t = new Table({
      head: [m.name, 'value', 'note'],
      chars: COMPACT,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
      colAligns: ['left', 'right', 'left'],
    });
    for (const [label, v, unit, note] of rows(m)) {
      t.push([label, formatValue(v, unit), note]);
    }
    lines.push(t.toString(), '');
  }
  return lines.join('\n');
}

export function renderCsv(r: Report): string {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['mesh,figure,value,unit,note'];
  for (const m of r.meshes) {
    for (const [label, v, unit, note] of rows(m)) {
      lines.push([m.id, label, v === null ? '' : String(v), unit, note].map(esc).join(','));
    }
  }
  return lines.join('\n') + '\n';
}
