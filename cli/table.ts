/** The human report: one aligned table per mesh, units on every number, the pricing assumptions up front. */
import Table from 'cli-table3';
import type { Unit } from '../src/model/figures';
import type { Report } from '../src/model/report';
import { formatValue } from './format';

type Mesh = Report['meshes'][number];

const ROWS: Array<[string, (m: Mesh) => number | null, Unit]> = [
  ['Pods with a proxy', (m) => m.sidecars.pods, 'pods'],
  ['Proxy CPU', (m) => m.sidecars.cpuCores, 'cores'],
  ['Proxy share of cluster CPU', (m) => m.sidecars.cpuShare, 'percentunit'],
  ['Proxy memory (working set)', (m) => m.sidecars.memoryBytes, 'bytes'],
  ['Proxy share of cluster memory', (m) => m.sidecars.memoryShare, 'percentunit'],
  ['Proxy memory per pod (avg)', (m) => m.sidecars.memoryPerPodAvg, 'bytes'],
  ['Proxy share of requested CPU', (m) => m.sidecars.cpuRequestShare, 'percentunit'],
  ['Proxy share of requested memory', (m) => m.sidecars.memoryRequestShare, 'percentunit'],
  ["Nodes' worth of CPU requested by proxies", (m) => m.sidecars.nodesReservedCpu, 'nodes'],
  ['Proxy vCPU per 1000 rps', (m) => m.sidecars.vcpuPer1kRps, 'vcpuPer1kRps'],
  ['Control-plane CPU', (m) => m.controlPlane.cpuCores, 'cores'],
  ['Control-plane memory', (m) => m.controlPlane.memoryBytes, 'bytes'],
  ['Node-agent CPU', (m) => m.nodeAgents.cpuCores, 'cores'],
  ['Node-agent memory', (m) => m.nodeAgents.memoryBytes, 'bytes'],
  ['Latency added', (m) => m.latency.addedMs, 'ms'],
  ['Monthly cost: proxies', (m) => m.monthlyCostUsd.sidecars, 'currencyUSD'],
  ['Monthly cost: control plane', (m) => m.monthlyCostUsd.controlPlane, 'currencyUSD'],
  ['Monthly cost: node agents', (m) => m.monthlyCostUsd.nodeAgents, 'currencyUSD'],
  ['Monthly cost: idle proxies (included above)', (m) => m.monthlyCostUsd.idleSidecars, 'currencyUSD'],
  ['Monthly cost: total', (m) => m.monthlyCostUsd.total, 'currencyUSD'],
];

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
    `Cluster: ${formatValue(r.cluster.cpuCores as number | null, 'cores')} used, ${formatValue(r.cluster.memoryBytes as number | null, 'bytes')} working set`,
    '',
  ];
  if (r.meshes.length === 0) {
    lines.push('No service mesh detected: no proxy containers or mesh node agents in the selected scope.');
    return lines.join('\n') + '\n';
  }
  for (const m of r.meshes) {
    const t = new Table({ head: [m.name, 'value', 'note'], style: { head: [], border: [] }, colAligns: ['left', 'right', 'left'] });
    for (const [label, get, unit] of ROWS) {
      const v = get(m);
      const note = label === 'Latency added' ? bucketNote(m) : v === null ? 'unavailable' : '';
      t.push([label, formatValue(v, unit), note]);
    }
    lines.push(t.toString(), '');
  }
  return lines.join('\n');
}

export function renderCsv(r: Report): string {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = ['mesh,figure,value,unit'];
  for (const m of r.meshes) {
    for (const [label, get, unit] of ROWS) {
      const v = get(m);
      rows.push([m.id, label, v === null ? '' : String(v), unit].map(esc).join(','));
    }
  }
  return rows.join('\n') + '\n';
}
