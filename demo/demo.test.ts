import { execFileSync } from 'node:child_process';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expandCluster } from './cluster';
import { startExporter } from './exporter';
import { INSTALL_LINE, startPrometheus } from './harness';
import { article, large, migration, small } from './presets';
import { allSeries, seriesKey } from './series';
import { cpuCounter, PAUSE } from './signals';
import { groundTruth } from './truth';

describe('presets', () => {
  test('article: 50 nodes, 8 app pods per node, all Istio', () => {
    const c = expandCluster(article);
    const apps = c.pods.filter((p) => p.namespace.startsWith('team-') && p.workload !== 'loadgen');
    expect(c.nodes).toHaveLength(50);
    expect(apps).toHaveLength(400);
    apps.forEach((p) => expect(p.containers.map((x) => x.name)).toContain('istio-proxy'));
  });

  test('large: 1000 nodes and about 10k pods', () => {
    const c = expandCluster(large);
    expect(c.nodes).toHaveLength(1000);
    expect(c.pods.length).toBeGreaterThan(10000);
    expect(c.pods.length).toBeLessThan(12000);
  });

  test('small covers every mesh shape, native sidecars and unmeshed namespaces', () => {
    const c = expandCluster(small);
    const containers = c.pods.flatMap((p) => p.containers.map((x) => ({ ...x, ns: p.namespace })));
    expect(containers.some((x) => x.name === 'istio-proxy' && x.nativeSidecar)).toBe(true);
    expect(containers.some((x) => x.name === 'istio-init' && x.completedInit)).toBe(true);
    expect(c.pods.some((p) => p.pod.startsWith('ztunnel-'))).toBe(true);
    expect(c.pods.some((p) => p.workload === 'waypoint')).toBe(true);
    expect(containers.some((x) => x.name === 'linkerd-proxy' && x.ns === 'linkerd')).toBe(true);
    expect(containers.some((x) => x.name === 'cilium-agent')).toBe(true);
    expect(c.pods.some((p) => p.namespace === 'monitoring' && !p.mesh)).toBe(true);
  });

  test('migration carries a cluster label and OpenCost prices on every series family it needs', () => {
    const series = allSeries(expandCluster(migration));
    expect(series.length).toBeGreaterThan(1000);
    expect(series.filter((s) => !s.labels.some(([k, v]) => k === 'cluster' && v === 'prod-eu-1'))).toEqual([]);
    expect(series.some((s) => s.name === 'node_cpu_hourly_cost')).toBe(true);
  });
});

describe('cAdvisor shapes', () => {
  const c = expandCluster(small);
  const series = allSeries(c);
  const pod = c.pods.find((p) => p.workload === 'frontend')!;
  const cpuOf = (container: string) =>
    series.find(
      (s) =>
        s.name === 'container_cpu_usage_seconds_total' &&
        s.labels.some(([k, v]) => k === 'pod' && v === pod.pod) &&
        s.labels.find(([k]) => k === 'container')?.[1] === container
    );

  test('the pod-level cgroup (no container label) is the sum of its containers and the pause container', () => {
    const t = 1_704_070_000;
    const podLevel = series.find(
      (s) =>
        s.name === 'container_cpu_usage_seconds_total' &&
        s.labels.some(([k, v]) => k === 'pod' && v === pod.pod) &&
        !s.labels.some(([k]) => k === 'container')
    )!;
    const parts = pod.containers
      .filter((x) => !x.completedInit)
      .reduce((a, x) => a + cpuCounter(x.cpuCores, x.phase, t), 0);
    expect(podLevel.value(t)).toBeCloseTo(parts + cpuOf('POD')!.value(t), 6);
    expect(cpuOf('POD')!.labels.find(([k]) => k === 'image')![1]).toMatch(/pause/);
    // The pause container really burns CPU in the series (the double count the model must avoid is not 0).
    expect((cpuOf('POD')!.value(t) - cpuOf('POD')!.value(t - 3600)) / 3600).toBeCloseTo(PAUSE.cpuCores, 12);
  });

  test('every running container has an image label; completed init containers have no cAdvisor series', () => {
    expect(cpuOf('istio-proxy')!.labels.find(([k]) => k === 'image')![1]).toMatch(/proxyv2/);
    expect(cpuOf('istio-init')).toBeUndefined();
  });

  test('ground truth memory is what the emitted series say at T, not what truth.ts computes from the spec', () => {
    const at = 1_704_073_800;
    const t = groundTruth(c, at, 300);
    const istio = t.meshes.find((m) => m.id === 'istio')!;
    const proxyPods = new Set(istio.rows.dataPlane.map((r) => r.pod.pod));
    const emitted = series.filter(
      (s) =>
        s.name === 'container_memory_working_set_bytes' &&
        s.labels.some(([k, v]) => k === 'container' && v === 'istio-proxy') &&
        proxyPods.has(s.labels.find(([k]) => k === 'pod')![1])
    );
    expect(emitted).toHaveLength(istio.sidecars.pods);
    expect(istio.sidecars.memoryBytes).toBe(emitted.reduce((a, s) => a + s.value(at), 0));
  });
});

describe('ground truth from the spec, by hand', () => {
  // article: 4 namespaces x 10 Deployments x 10 replicas, each with an Istio sidecar, and one load generator per
  // namespace whose sidecar carries the calls to all 10 workloads. Workload k (0..39) serves 40 + (37k mod 460) rps.
  const c = expandCluster(article);
  const served = Array.from({ length: 40 }, (_, k) => 40 + ((k * 37) % 460));
  const sidecars = 4 * 10 * 10 + 4;

  test('sidecar count and requests: 0.1 core and 128 MiB per sidecar', () => {
    const istio = groundTruth(c, 1_704_069_600, 300).meshes.find((m) => m.id === 'istio')!;
    expect(istio.sidecars.pods).toBe(sidecars);
    expect(istio.sidecars.cpuRequestCores).toBeCloseTo(0.1 * sidecars, 9);
    expect(istio.sidecars.memoryRequestBytes).toBe(128 * 2 ** 20 * sidecars);
  });

  test('sidecar CPU over one whole CPU period (3600 s) is the spec mean: 0.006 + 0.0002 per rps, served and sent', () => {
    // The demo's CPU swing is a sine of period 3600 s, so its average over that window is exactly the mean cores.
    const istio = groundTruth(c, 1_704_070_800, 3600).meshes.find((m) => m.id === 'istio')!;
    const rps = served.reduce((a, b) => a + b, 0);
    expect(istio.sidecars.cpuCores).toBeCloseTo(0.006 * sidecars + 0.0002 * rps * 2, 9);
    expect(istio.rps).toBeCloseTo(rps, 9);
  });
});

test('the live exporter serves the same series at "now" in the text format', async () => {
  const server = startExporter(small, 0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  try {
    const before = Math.floor(Date.now() / 1000);
    // node's http client: the jsdom test environment has no fetch.
    const text = await new Promise<string>((resolve, reject) =>
      get(`http://127.0.0.1:${port}/metrics`, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(body));
      }).on('error', reject)
    );
    const after = Math.floor(Date.now() / 1000);
    const series = allSeries(expandCluster(small));
    expect(text.trim().split('\n')).toHaveLength(series.length);
    const s = series.find((x) => x.name === 'container_memory_working_set_bytes')!;
    const line = text.split('\n').find((l) => l.startsWith(seriesKey(s) + ' '))!;
    const v = Number(line.split(' ').pop());
    // The exporter stamps "now" in whole seconds somewhere between before and after (more than one apart on a busy
    // machine), so the value is the series' value at one of those seconds.
    const seconds = Array.from({ length: after - before + 1 }, (_, i) => before + i);
    expect(seconds.map((x) => s.value(x))).toContain(v);
  } finally {
    server.close();
  }
});

test('without prometheus on PATH the harness fails with the exact install line', async () => {
  const path = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    await expect(startPrometheus({ preset: 'small' })).rejects.toThrow(INSTALL_LINE);
  } finally {
    process.env.PATH = path;
  }
  expect(execFileSync('sh', ['-c', 'echo ok']).toString()).toBe('ok\n');
});
