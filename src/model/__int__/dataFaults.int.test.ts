/**
 * Data faults (issue #9) against a real Prometheus: restarted proxies, churning and deleted pods, Istio 1.4 proxies,
 * a histogram without +Inf, an idle cluster and no kube-state-metrics. Every figure of the report is a finite,
 * non-negative number matching the generator's ground truth (EXACT), or null with a reason; never NaN or Infinity.
 */
import { faultsMixed, faultsQuiet } from '../../../demo/faultPresets';
import { startPrometheus, type PromHandle } from '../../../demo/harness';
import { groundTruth, type GroundTruth } from '../../../demo/truth';
import { DEFAULT_OPTIONS } from '../options/defaults';
import { call, eq, range, sel, sum } from '../promql/dsl';
import { render } from '../promql/render';
import { buildReport, type Report } from '../report';
import { close, truthOf } from './truthOf';

type MeshReport = Report['meshes'][number];

/** A figure's value as the report carries it (undefined: the report does not show that figure). */
function reported(m: MeshReport, id: string): number | null | undefined {
  const [section, key] = id.slice(m.id.length + 1).split('.');
  const sections: Record<string, Record<string, number | null> | undefined> = {
    sidecars: m.sidecars,
    controlPlane: m.controlPlane,
    nodeAgents: m.nodeAgents,
    traffic: m.traffic,
    cost: m.monthlyCostUsd,
    latency: {
      p99Added: m.latency.addedMs,
      p99Client: m.latency.clientMs,
      p99Server: m.latency.serverMs,
      p99AddedLower: m.latency.addedRangeMs?.[0] ?? null,
      p99AddedUpper: m.latency.addedRangeMs?.[1] ?? null,
      meanAdded: m.latency.meanDeltaMs,
      p99ClientLower: m.latency.clientBucketMs?.lowerMs ?? null,
      p99ClientUpper: m.latency.clientBucketMs?.upperMs ?? null,
      p99ServerLower: m.latency.serverBucketMs?.lowerMs ?? null,
      p99ServerUpper: m.latency.serverBucketMs?.upperMs ?? null,
    },
  };
  const s = sections[section];
  return s && key in s ? s[key] : undefined;
}

/**
 * The lower end of the interval around a quantile added (issue #18) is a difference of bucket bounds: below zero
 * whenever both sides share a bucket. Everything else is a cost, a count, a share or a latency, never negative.
 */
const SIGNED = /latency\.(p99AddedLower|p99DeltaRangeMs\.0|addedRangeMs\.0)$/;

/** Every number anywhere in the report. */
function numbers(x: unknown, path = '', out: Array<[string, number]> = []): Array<[string, number]> {
  if (typeof x === 'number') {
    out.push([path, x]);
  } else if (x && typeof x === 'object') {
    Object.entries(x).forEach(([k, v]) => numbers(v, `${path}.${k}`, out));
  }
  return out;
}

interface Checked {
  id: string;
  value: number | null;
  want: number | null;
  reason?: string;
}

/** Compares every figure of the report with ground truth; returns the figures for fault-specific assertions. */
function checkAll(report: Report, t: GroundTruth, expectNull: (id: string, expr: string) => boolean): Checked[] {
  const failures: string[] = [];
  const out: Checked[] = [];
  const one = (id: string, expr: string, value: number | null | undefined, reason: string | undefined) => {
    if (value === undefined) {
      return;
    }
    const truth = truthOf(t, id);
    const want = expectNull(id, expr) ? null : (truth ?? null);
    out.push({ id, value, want, reason });
    if (value === null) {
      if (want !== null) {
        failures.push(`${id}: null (${reason}), want ${want}`);
      } else if (!reason) {
        failures.push(`${id}: null without a reason`);
      }
    } else if (!Number.isFinite(value) || (value < 0 && !SIGNED.test(id))) {
      failures.push(`${id}: ${value}`);
    } else if (want === null || !close(value, want)) {
      failures.push(`${id}: got ${value}, want ${want}`);
    }
  };
  for (const [k, v] of Object.entries(report.cluster)) {
    if (k !== 'reasons') {
      one(`cluster.${k}`, '', v as number | null, report.cluster.reasons[`cluster.${k}`]);
    }
  }
  for (const m of report.meshes) {
    for (const f of m.figures) {
      one(f.id, f.expr, reported(m, f.id), m.reasons[f.id]);
    }
  }
  expect(failures).toEqual([]);
  const bad = numbers(report).filter(([p, v]) => !Number.isFinite(v) || (v < 0 && !SIGNED.test(p)));
  expect(bad).toEqual([]);
  return out;
}

async function report(prom: PromHandle): Promise<Report> {
  return buildReport((e) => prom.query(e), {
    time: prom.evalTime,
    options: { ...DEFAULT_OPTIONS, pricingSource: 'flat' },
    figureSource: 'raw',
  });
}

describe('restarted proxies, churn, stale series, Istio 1.4 proxies, a histogram without +Inf', () => {
  let prom: PromHandle;
  let r: Report;
  let t: GroundTruth;
  let figures: Checked[];
  beforeAll(async () => {
    prom = await startPrometheus({ spec: faultsMixed });
    r = await report(prom);
    t = groundTruth(prom.cluster, prom.evalTime, 300);
  });
  afterAll(async () => {
    await prom?.stop();
  });
  const fig = (id: string) => figures.find((f) => f.id === id)!;

  test('every figure matches ground truth or is null with a reason; no NaN, Infinity or negative number', () => {
    figures = checkAll(r, t, () => false);
    expect(figures.filter((f) => f.value !== null).length).toBeGreaterThan(40);
    expect(r.meshes.map((m) => m.id).sort()).toEqual(['istio', 'linkerd']);
  });

  test('counter resets: the restarted proxies reset inside the window, and rate() corrects it exactly', async () => {
    const proxyCpu = sel('container_cpu_usage_seconds_total', eq('namespace', 'shop'), eq('container', 'istio-proxy'));
    const resets = await prom.query(render(sum(call('resets', range(proxyCpu, '5m')))));
    expect(resets[0].value).toBe(2);
    const requests = sel('istio_requests_total', eq('namespace', 'shop'), eq('destination_workload', 'cart'));
    expect((await prom.query(render(sum(call('resets', range(requests, '5m'))))))[0].value).toBe(2);
    // Truth for restarted proxies is their true usage: nothing is lost to the reset.
    const cart = t.rows.filter((x) => x.pod.workload === 'cart' && x.pod.namespace === 'shop');
    expect(cart.length).toBeGreaterThan(0);
    expect(cart.filter((x) => x.c.seen !== undefined)).toEqual([]);
  });

  test('churn: old and new pods both count while the old ones are within the look-back', () => {
    const checkout = t.rows.filter((x) => x.pod.namespace === 'shop' && x.pod.workload === 'checkout');
    expect(new Set(checkout.map((x) => x.pod.pod)).size).toBe(4);
    expect(checkout.filter((x) => x.c.seen === undefined)).toEqual([]);
    expect(fig('istio.sidecars.pods').value).toBe(fig('istio.sidecars.pods').want);
  });

  test('stale series: pods deleted more than 5 minutes before are gone', async () => {
    expect(t.rows.some((x) => x.pod.namespace === 'shop' && x.pod.workload === 'admin')).toBe(false);
    const admin = sel('container_memory_working_set_bytes', eq('namespace', 'shop'), eq('container', 'admin'));
    expect(await prom.query(render(admin))).toEqual([]);
  });

  test('Istio 1.4 proxies: counted for resources and cost, left out of the p99 (their seconds histogram is not read)', () => {
    const legacy = t.rows.filter((x) => x.pod.namespace === 'legacy' && x.c.name === 'istio-proxy');
    expect(legacy.length).toBeGreaterThan(0);
    expect(legacy.filter((x) => !x.c.image.endsWith(':1.4.8'))).toEqual([]);
    expect(fig('istio.latency.p99Added').value).not.toBeNull();
    expect(fig('istio.latency.p99Added').want).not.toBeNull();
    // The report says the p99 is partial, and why.
    const istio = r.meshes.find((m) => m.id === 'istio')!;
    expect(istio.latency.partial).toMatch(/istio_request_duration_seconds_bucket.*left out/);
    expect(r.meshes.find((m) => m.id === 'linkerd')!.latency.partial).toBeUndefined();
  });

  test('a histogram without +Inf: the p99 is unavailable, with the reason', () => {
    for (const id of ['linkerd.latency.p99Added', 'linkerd.latency.p99Client', 'linkerd.latency.p99Server']) {
      expect(fig(id).value).toBeNull();
      expect(fig(id).reason).toContain('+Inf');
    }
    const linkerd = r.meshes.find((m) => m.id === 'linkerd')!;
    expect(linkerd.latency.clientBucketMs).toBeNull();
    expect(linkerd.latency.reason).toContain('+Inf');
  });
});

describe('an idle cluster without kube-state-metrics', () => {
  let prom: PromHandle;
  let r: Report;
  let t: GroundTruth;
  let figures: Checked[];
  beforeAll(async () => {
    prom = await startPrometheus({ spec: faultsQuiet });
    r = await report(prom);
    t = groundTruth(prom.cluster, prom.evalTime, 300);
  });
  afterAll(async () => {
    await prom?.stop();
  });
  const fig = (id: string) => figures.find((f) => f.id === id)!;

  test('every figure matches ground truth or is null with a reason; KSM figures are null', () => {
    figures = checkAll(
      r,
      t,
      // Requests and allocatable only: workload owners (kube_pod_owner) fall back to pod names without KSM.
      (id, expr) =>
        /kube_(pod_container_resource_requests|node_status_allocatable)/.test(expr) ||
        id === 'cluster.cpuRequestCores' ||
        id === 'cluster.memoryRequestBytes' ||
        // The node count reads kube_node_info (issue #17's keep-or-drop line).
        id === 'cluster.nodes'
    );
    expect(figures.filter((f) => f.value !== null).length).toBeGreaterThan(15);
  });

  test('no kube-state-metrics: request figures name the missing metric; usage figures are unaffected', () => {
    for (const id of [
      'cluster.cpuRequestCores',
      'istio.sidecars.cpuRequestCores',
      'istio.sidecars.memoryRequestShare',
    ]) {
      expect(fig(id).value).toBeNull();
      expect(fig(id).reason).toContain('kube_pod_container_resource_requests');
    }
    expect(fig('istio.sidecars.nodesReservedCpu').reason).toContain('kube_node_status_allocatable');
    expect(fig('cluster.nodes').reason).toContain('kube_node_info');
    for (const id of [
      'cluster.cpuCores',
      'istio.sidecars.cpuShare',
      'istio.sidecars.memoryShare',
      'istio.cost.sidecars',
    ]) {
      expect(fig(id).value).not.toBeNull();
    }
  });

  test('idle: 0 rps measured; CPU per 1000 rps and the p99 are unavailable with a reason; every proxy is idle', () => {
    for (const mesh of ['istio', 'linkerd']) {
      expect(fig(`${mesh}.traffic.rps`).value).toBe(0);
      expect(fig(`${mesh}.sidecars.vcpuPer1kRps`).value).toBeNull();
      expect(fig(`${mesh}.sidecars.vcpuPer1kRps`).reason).toContain('no requests in the window');
      expect(fig(`${mesh}.latency.p99Added`).value).toBeNull();
      expect(fig(`${mesh}.latency.p99Added`).reason).toContain('no requests in the window');
      expect(fig(`${mesh}.cost.idleSidecars`).value).toBeCloseTo(fig(`${mesh}.cost.sidecars`).value!, 6);
    }
  });
});
