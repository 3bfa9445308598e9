/**
 * Keep-or-drop facts and the migration projection (issue #17) from a real report on the `migration` preset (Istio
 * and Linkerd side by side), against the demo's ground truth at flat article prices.
 */
import { faultsQuiet } from '../../../demo/faultPresets';
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import { ARTICLE_PRICING, groundTruth, sum } from '../../../demo/truth';
import { close } from '../__int__/truthOf';
import { DEFAULT_OPTIONS } from '../options/defaults';
import { buildReport } from '../report';
import { clusterNodeFact, keepOrDropFacts, moveProjections } from './keepOrDrop';

let prom: PromHandle;
beforeAll(async () => {
  prom = await startPrometheus({ preset: 'migration' });
});
afterAll(async () => {
  await prom?.stop();
});

test('what removing each mesh frees, what it does, and moving the remaining pods from one mesh to the other', async () => {
  const r = await buildReport((e) => prom.query(e), {
    time: prom.evalTime,
    options: { ...DEFAULT_OPTIONS, pricingSource: 'flat' },
    figureSource: 'raw',
  });
  const t = groundTruth(prom.cluster, prom.evalTime, 300, ARTICLE_PRICING);
  for (const m of r.meshes) {
    const want = t.meshes.find((x) => x.id === m.id)!;
    const f = keepOrDropFacts(m);
    const rows = [...want.rows.dataPlane, ...want.rows.controlPlane, ...want.rows.nodeAgents];
    expect(close(f.frees.monthlyUsd, want.monthlyCostUsd.total)).toBe(true);
    expect(close(f.frees.cores, sum(rows.map((x) => x.cpu)))).toBe(true);
    expect(close(f.frees.memoryBytes, sum(rows.map((x) => x.mem)))).toBe(true);
    const nodes = Math.max(want.sidecars.nodesReservedCpu, want.sidecars.nodesReservedMemory);
    expect(close(f.frees.nodes, nodes)).toBe(true);
    expect(close(f.mtlsShare, want.value!.mtlsShare.none[''])).toBe(true);
    expect(close(f.p99AddedMs, want.latency!.deltaPromMs)).toBe(true);
  }
  const moves = moveProjections(r.meshes);
  expect(moves.map((x) => `${x.from.id}->${x.to.id}`)).toEqual(['istio->linkerd', 'linkerd->istio']);
  for (const mv of moves) {
    const from = t.meshes.find((x) => x.id === mv.from.id)!;
    const to = t.meshes.find((x) => x.id === mv.to.id)!;
    const perPod = (m: typeof from) => m.monthlyCostUsd.sidecars / m.sidecars.pods;
    expect(mv.pods).toBe(from.sidecars.pods);
    expect(close(mv.fromPerPodUsd, perPod(from))).toBe(true);
    expect(close(mv.monthlyChangeUsd, from.sidecars.pods * (perPod(to) - perPod(from)))).toBe(true);
  }
  // Linkerd's proxies cost less per pod here: moving Istio's pods to it saves money.
  expect(moves[0].monthlyChangeUsd).toBeLessThan(0);
  // The cluster's nodes, from kube_node_info, against the spec the demo generated (not the truth's own count).
  expect(clusterNodeFact(r)).toEqual({ nodes: prom.cluster.spec.nodes, line: 100 });
  // Every null fact carries the report's reason (Linkerd: a fact its metrics cannot give says why).
  for (const m of r.meshes) {
    const f = keepOrDropFacts(m);
    for (const k of [
      'monthlyUsd',
      'p99AddedMs',
      'requestsPerSecond',
      'mtlsShare',
      'splitServices',
      'resilienceEvents',
    ] as const) {
      expect({ k, reason: f[k] === null ? f.reasons[k] : 'has a value' }).toEqual({
        k,
        reason: expect.stringMatching(/\w{3}/),
      });
    }
  }
});

test('without kube-state-metrics the node count is null with a reason naming kube_node_info', async () => {
  const bare = await startPrometheus({ spec: faultsQuiet });
  try {
    const r = await buildReport((e) => bare.query(e), {
      time: bare.evalTime,
      options: DEFAULT_OPTIONS,
      figureSource: 'raw',
    });
    expect(clusterNodeFact(r)).toEqual({ nodes: null, line: 100, reason: expect.stringContaining('kube_node_info') });
  } finally {
    await bare.stop();
  }
});
