import { execFileSync } from 'node:child_process';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expandCluster } from './cluster';
import { startExporter } from './exporter';
import { INSTALL_LINE, startPrometheus } from './harness';
import { article, large, migration, small } from './presets';
import { allSeries, seriesKey } from './series';
import { cpuCounter, PAUSE, workingSet } from './signals';
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
    expect(series.every((s) => s.labels.some(([k, v]) => k === 'cluster' && v === 'prod-eu-1'))).toBe(true);
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
    expect(PAUSE.cpuCores).toBeGreaterThan(0);
  });

  test('every running container has an image label; completed init containers have no cAdvisor series', () => {
    expect(cpuOf('istio-proxy')!.labels.find(([k]) => k === 'image')![1]).toMatch(/proxyv2/);
    expect(cpuOf('istio-init')).toBeUndefined();
  });

  test('ground truth shares are ratios of its own sums', () => {
    const t = groundTruth(c, 1_704_073_800, 300);
    const istio = t.meshes.find((m) => m.id === 'istio')!;
    expect(istio.sidecars.cpuShare).toBeCloseTo(istio.sidecars.cpuCores / t.cluster.cpuCores, 12);
    expect(istio.sidecars.memoryBytes).toBe(
      istio.rows.dataPlane.reduce((a, r) => a + workingSet(r.c.memoryBytes, r.c.phase, 1_704_073_800), 0)
    );
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
    expect([s.value(before), s.value(after)]).toContain(v);
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
