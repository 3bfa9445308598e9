import { CATALOGUE, customMesh } from './catalogue';
import { keySuffix, meshFigureId, P99, type MeshFigureKey } from './figureKeys';
import { clusterFigures, DEFAULT_FIGURE_OPTIONS, meshFigures } from './figureSet';
import {
  CLUSTER_FIGURE_KEYS,
  CLUSTER_FIGURES,
  isMeshFigureKey,
  MESH_FIGURE_KEYS,
  MESH_FIGURES,
  meshFigureKey,
  titleOf,
} from './figureTable';
import type { FigureOptions } from './figures';
import { LATENCY_METHODS } from './latency';
import { DEFAULT_OPTIONS } from './options/defaults';
import { buildReport, type Sample } from './report';
import { reportFigureId, reportValue } from './reportValue';
import { ruleGroups, type RecordingRule } from './rules/generate';
import { RULES_CONFIG_RECORD } from './rules/names';
import type { Grouping } from './scope';

const GROUPINGS: Grouping[] = ['none', 'cluster', 'namespace', 'workload'];

const custom = customMesh({
  name: 'Acme',
  container: 'acme-proxy',
  controlPlane: { namespace: 'acme', pod: 'acme-cp-.*' },
});
const meshes = [...CATALOGUE, custom];

/** Every mesh under every grouping and latency method, at two quantiles: all the figures the model can build. */
const variants: Array<{ groupBy: Grouping; o: FigureOptions }> = GROUPINGS.flatMap((groupBy) =>
  LATENCY_METHODS.flatMap((method) =>
    [0.99, 0.9].map((quantile) => ({
      groupBy,
      o: { ...DEFAULT_FIGURE_OPTIONS, latency: { method, quantile, baselineOffset: '1w' }, meshes },
    }))
  )
);

const built = variants.flatMap(({ groupBy, o }) =>
  meshes.flatMap((m) => meshFigures(m, { window: '5m', groupBy }, o).map((f) => ({ m, o, f })))
);

test('every figure the model builds is an entry of the table, with its title and unit', () => {
  expect(built.length).toBeGreaterThan(1000);
  const strays = built.filter(({ m, f }) => !meshFigureKey(m.id, f.id)).map(({ f }) => f.id);
  expect(strays).toEqual([]);
  const off = built.filter(({ m, o, f }) => {
    const def = MESH_FIGURES[meshFigureKey(m.id, f.id)!];
    return f.unit !== def.unit || f.title !== `${m.name}: ${titleOf(def, o)}`;
  });
  expect(off.map(({ f }) => f.id)).toEqual([]);
});

test('every entry of the table is built for some mesh, and ids carry the chosen quantile', () => {
  const keys = new Set(built.map(({ m, f }) => meshFigureKey(m.id, f.id)));
  expect(MESH_FIGURE_KEYS.filter((k) => !keys.has(k))).toEqual([]);
  expect(built.filter(({ f }) => f.id.includes('.latency.p90')).length).toBeGreaterThan(0);
  expect(meshFigureId('istio', 'latency.pNAdded', 0.9)).toBe('istio.latency.p90Added');
  expect(meshFigureKey('istio', 'istio.latency.p90Server')).toBe('latency.pNServer');
  expect(meshFigureKey('istio', 'linkerd.cost.total')).toBeUndefined();
  expect(isMeshFigureKey('cost.everything')).toBe(false);
});

test('cluster figures are exactly the cluster entries, in table order', () => {
  const ids = clusterFigures({ window: '5m', groupBy: 'none' }, DEFAULT_FIGURE_OPTIONS).map((f) => f.id);
  expect(ids).toEqual(CLUSTER_FIGURE_KEYS);
  expect(ids).toEqual([
    'cluster.cpuCores',
    'cluster.memoryBytes',
    'cluster.cpuRequestCores',
    'cluster.memoryRequestBytes',
    'cluster.nodes',
    'cluster.monthlyCostUsd',
  ]);
});

describe('recording-rule names', () => {
  const records = [
    ...CLUSTER_FIGURE_KEYS.map((k) => CLUSTER_FIGURES[k].record),
    ...MESH_FIGURE_KEYS.map((k) => MESH_FIGURES[k].record),
  ];
  const generated = ruleGroups({
    selection: { window: '5m' },
    figures: DEFAULT_FIGURE_OPTIONS,
    monthlyCostThresholdUsd: 1000,
    for: '15m',
  }).flatMap((g) => g.rules.filter((r): r is RecordingRule => 'record' in r));

  test('no two entries share a name; each is meshtax:<metric>:<operations>', () => {
    expect(new Set(records).size).toBe(records.length);
    expect(records.filter((r) => !/^meshtax:[a-z0-9_]+:(sum|count|max|avg|ratio|rate|quantile)$/.test(r))).toEqual([]);
  });

  test("the rules file records each entry under the table's name, and nothing else", () => {
    const names = new Set(generated.map((r) => r.record));
    expect([...names].filter((n) => n !== RULES_CONFIG_RECORD).sort()).toEqual([...records].sort());
    // Per mesh, in the order meshFigures builds them: the name is the one of that figure's entry.
    for (const m of CATALOGUE) {
      const ruleNames = generated.filter((r) => r.labels?.mesh === m.id).map((r) => r.record);
      const figureKeys = meshFigures(m, { window: '5m', groupBy: 'cluster' }, DEFAULT_FIGURE_OPTIONS).map((f) =>
        meshFigureKey(m.id, f.id)!
      );
      expect(ruleNames).toEqual(figureKeys.map((k) => MESH_FIGURES[k].record));
    }
  });

  test('merges read entries of the table (the recorded reader recomputes ratios from them)', () => {
    for (const k of MESH_FIGURE_KEYS) {
      const m = MESH_FIGURES[k].merge;
      const refs = m.op === 'ratio' ? [m.num, m.den] : m.op === 'weightedAvg' ? [m.weight] : [];
      expect(refs.filter((r) => !(r in MESH_FIGURES) && !(r in CLUSTER_FIGURES))).toEqual([]);
    }
  });
});

test('the report holds every figure of a mesh under the group and field its key names', async () => {
  // A Prometheus that answers each query with its own number: a figure filed under another key shows up.
  const numberOf = new Map<string, number>();
  const q = async (expr: string): Promise<Sample[]> => {
    if (!numberOf.has(expr)) {
      numberOf.set(expr, numberOf.size + 1);
    }
    return [{ metric: {}, value: numberOf.get(expr)! }];
  };
  const report = await buildReport(q, { time: 1704067200, options: DEFAULT_OPTIONS, figureSource: 'raw' });
  expect(report.meshes.map((m) => m.id)).toEqual(CATALOGUE.map((m) => m.id));
  let checked = 0;
  const off: string[] = [];
  for (const m of report.meshes) {
    for (const key of MESH_FIGURE_KEYS) {
      const expr = m.queries[reportFigureId(m, key)];
      if (expr === undefined || (key === 'cost.idleSidecars' && m.reasons[reportFigureId(m, key)])) {
        continue;
      }
      checked++;
      if (reportValue(m, key) !== numberOf.get(expr)) {
        off.push(`${m.id} ${key}`);
      }
    }
  }
  expect(off).toEqual([]);
  expect(checked).toBeGreaterThan(100);
});

test('latency keys name the quantile only in ids', () => {
  const latency = MESH_FIGURE_KEYS.filter((k: MeshFigureKey) => k.startsWith('latency.'));
  expect(latency.map((k) => keySuffix(k, P99))).toEqual([
    'latency.p99Added',
    'latency.p99AddedLower',
    'latency.p99AddedUpper',
    'latency.meanAdded',
    'latency.p99Client',
    'latency.p99ClientLower',
    'latency.p99ClientUpper',
    'latency.p99Server',
    'latency.p99ServerLower',
    'latency.p99ServerUpper',
  ]);
});
