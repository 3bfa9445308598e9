/** The human report: one aligned table per mesh, units on every number, the pricing assumptions up front. */
import Table from 'cli-table3';
import type { MeshFigureKey } from '../src/model/figureKeys';
import { MESH_FIGURES } from '../src/model/figureTable';
import type { Unit } from '../src/model/figures';
import type { Report } from '../src/model/report';
import {
  hasFigure,
  reportFigureId,
  reportSource,
  reportValue,
  type ReportMesh as Mesh,
} from '../src/model/reportValue';
import { RESILIENCE } from '../src/model/value/defs';
import { addedWithInterval, unresolvedText } from '../src/model/latencyText';
import { formatValue } from './format';

/** The rows, in order; each shows only when the mesh has that figure at all. Labels and units are the table's. */
const ROWS: MeshFigureKey[] = [
  'sidecars.pods',
  'sidecars.cpuCores',
  'sidecars.cpuShare',
  'sidecars.memoryBytes',
  'sidecars.memoryShare',
  'sidecars.memoryPerPodAvg',
  'sidecars.cpuRequestShare',
  'sidecars.memoryRequestShare',
  'sidecars.nodesReservedCpu',
  'sidecars.vcpuPer1kRps',
  'controlPlane.cpuCores',
  'controlPlane.memoryBytes',
  'nodeAgents.cpuCores',
  'nodeAgents.memoryBytes',
  'cost.sidecars',
  'cost.controlPlane',
  'cost.nodeAgents',
  'cost.idleSidecars',
  'cost.total',
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

/**
 * Label, value, unit, note and the series it was read from (recorded, mixin, raw; '' for a note-only row), and how
 * the table writes the value when not by its unit alone.
 */
type Row = [string, number | null, Unit, string, string, string?];

const ms = (v: number) => formatValue(v, 'ms');

/** The quantile added with its interval, then the interval's ends and the exact mean as rows of their own. */
function latencyRows(m: Mesh): Row[] {
  const added = MESH_FIGURES['latency.pNAdded'];
  const range = m.latency.addedRangeMs;
  const source = (key: MeshFigureKey) => reportSource(m, key) ?? '';
  const out: Row[] = [
    [
      added.label,
      m.latency.addedMs,
      added.unit,
      bucketNote(m),
      source('latency.pNAdded'),
      addedWithInterval(m.latency.addedMs, range, ms),
    ],
  ];
  if (!hasFigure(m, 'latency.pNAdded')) {
    return out;
  }
  const reasonOf = (key: MeshFigureKey) => m.reasons[reportFigureId(m, key)] ?? '';
  const lower = MESH_FIGURES['latency.pNAddedLower'];
  const upper = MESH_FIGURES['latency.pNAddedUpper'];
  const mean = MESH_FIGURES['latency.meanAdded'];
  const meanNote = m.latency.meanDeltaMs === null ? reasonOf('latency.meanAdded') : 'exact, from _sum and _count';
  out.push(
    [
      lower.label,
      range?.[0] ?? null,
      lower.unit,
      range ? '' : reasonOf('latency.pNAddedLower'),
      source('latency.pNAddedLower'),
    ],
    [
      upper.label,
      range?.[1] ?? null,
      upper.unit,
      range ? '' : reasonOf('latency.pNAddedUpper'),
      source('latency.pNAddedUpper'),
    ],
    [mean.label, m.latency.meanDeltaMs, mean.unit, meanNote, source('latency.meanAdded')]
  );
  return out;
}

function rows(m: Mesh): Row[] {
  const shown = ROWS.filter((key) => hasFigure(m, key));
  const out: Row[] = shown.map((key) => [
    MESH_FIGURES[key].label,
    reportValue(m, key),
    MESH_FIGURES[key].unit,
    m.reasons[reportFigureId(m, key)] ?? '',
    reportSource(m, key) ?? '',
  ]);
  // The latency row shows even without a latency figure: its note says why there is none.
  const firstCost = shown.findIndex((key) => MESH_FIGURES[key].unit === 'currencyUSD');
  out.splice(firstCost < 0 ? out.length : firstCost, 0, ...latencyRows(m));
  const shared = m.reasons[`${m.id}.controlPlane`];
  if (shared) {
    out.push(['Control plane', null, 'cores', shared, '']);
  }
  return [...out, ...valueRows(m)];
}

/**
 * What the mesh does (the JSON's `value` block, issue #17): every field on every mesh, a null with its reason, then
 * the workloads still served in plaintext.
 */
function valueRows(m: Mesh): Row[] {
  const v = m.value;
  const row = (key: MeshFigureKey, field: string, value: number | null): Row => [
    MESH_FIGURES[key].label,
    value,
    MESH_FIGURES[key].unit,
    m.reasons[`${m.id}.value.${field}`] ?? '',
    reportSource(m, key) ?? '',
  ];
  return [
    row('traffic.rps', 'requestsPerSecond', v.requestsPerSecond),
    row('value.mtlsShare', 'mtlsShare', v.mtlsShare),
    row('value.splitServices', 'splitServices', v.splitServices),
    ...RESILIENCE.map((r) => row(`resilience.${r}`, `resilience.${r}`, v.resilience[r])),
    row('value.resilienceEvents', 'resilienceEvents', v.resilienceEvents),
    row('value.costPerMillionRequests', 'costPerMillionRequests', v.costPerMillionRequests),
    ...(v.plaintextWorkloads ?? []).map((w): Row => [
      `Served in plaintext: ${w.namespace}/${w.workload}`,
      w.rps,
      'reqps',
      w.cluster ? `cluster ${w.cluster}` : '',
      '',
    ]),
  ];
}

function bucketNote(m: Mesh): string {
  const b = m.latency.clientBucketMs;
  const q = Math.round(m.latency.quantile * 100);
  if (m.latency.addedMs === null) {
    return m.latency.reason ?? '';
  }
  const where = b ? `client p${q} lies between ${b.lowerMs} and ${b.upperMs} ms` : '';
  const unresolved = unresolvedText(m.id, m.latency.addedMs, m.latency.addedRangeMs);
  return [`${m.latency.method}; ${where}`, unresolved].filter((x) => !!x).join('; ');
}

export function renderTable(r: Report): string {
  const p = r.pricing;
  const lines = [
    r.averageOver
      ? `Mesh Tax report: means over the ${r.averageOver} before ${r.time} (rate window ${r.window} not used)`
      : `Mesh Tax report at ${r.time} (rate window ${r.window})`,
    p.source === 'opencost'
      ? `Pricing: OpenCost node prices, ${p.hoursPerMonth} h/month, basis: ${p.basis}`
      : `Pricing: $${p.cpuHourUsd} per vCPU-hour, $${p.gibHourUsd} per GiB-hour, ${p.hoursPerMonth} h/month, basis: ${p.basis}`,
    `Cluster: ${formatValue(r.cluster.cpuCores, 'cores')} used, ${formatValue(r.cluster.memoryBytes, 'bytes')} working set`,
    `Source: ${r.figureSource.note}`,
    '',
  ];
  if (r.meshes.length === 0) {
    lines.push('No service mesh detected: no proxy containers or mesh node agents in the selected scope.');
    return lines.join('\n') + '\n';
  }
  for (const m of r.meshes) {
    const t = new Table({
      head: [m.name, 'value', 'source', 'note'],
      chars: COMPACT,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
      colAligns: ['left', 'right', 'left', 'left'],
    });
    for (const [label, v, unit, note, source, text] of rows(m)) {
      t.push([label, text ?? formatValue(v, unit), source, note]);
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
