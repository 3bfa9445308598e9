/**
 * The demo presets. `article` mirrors the benchmark the product answers (50 nodes, 8 pods per node, Istio);
 * `migration` runs Istio and Linkerd side by side; `large` is for benchmarks only; `upgrade` slows the client-side
 * proxies partway through, for the baseline latency method.
 */
import type { ClusterSpec, ContainerSpec, LogNormalMs, NamespaceSpec, TrafficMix, WorkloadSpec } from './types';

const Mi = 2 ** 20;
const Gi = 2 ** 30;
export const FIXTURE_START = 1_704_067_200; // 2024-01-01T00:00:00Z, aligned to 2h blocks

function app(name: string, cpu: number, memMi: number): ContainerSpec {
  return {
    name,
    image: `ghcr.io/meshtax/${name}:1.4.2`,
    cpuCores: cpu,
    memoryBytes: memMi * Mi,
    cpuRequest: Math.max(0.05, Math.round(cpu * 15) / 10),
    memoryRequest: Math.round(memMi * 1.25) * Mi,
    memoryLimit: Math.round(memMi * 2) * Mi,
  };
}

function deploy(
  name: string,
  replicas: number,
  rps: number,
  cpu: number,
  memMi: number,
  latency?: LogNormalMs,
  appHistogram = false
): WorkloadSpec {
  return { name, kind: 'Deployment', replicas, rps, containers: [app(name, cpu, memMi)], latency, appHistogram };
}

const ms = (medianMs: number, sigma: number): LogNormalMs => ({ medianMs, sigma });
const mixed = (w: WorkloadSpec, mix: TrafficMix): WorkloadSpec => ({ ...w, mix });

/**
 * What the meshes do for the shop (issue #17): an unmeshed health checker calls the frontend in plaintext, cart
 * runs a 90/10 canary, and the load generator's proxy trips a circuit breaker and exhausts retries on checkout.
 */
const SHOP_MIX: Record<string, TrafficMix> = {
  frontend: { plaintextShare: 0.04 },
  cart: { canary: { version: 'v2', share: 0.1 } },
  checkout: { flags: { UO: 0.004, URX: 0.002 } },
};
const shopMixed = (w: WorkloadSpec) => (SHOP_MIX[w.name] ? mixed(w, SHOP_MIX[w.name]) : w);

const shop = (mesh: NamespaceSpec['mesh'], name = 'shop'): NamespaceSpec => ({
  name,
  mesh,
  workloads: [
    deploy('frontend', 3, 300, 0.25, 220, ms(40, 0.6), true),
    deploy('cart', 2, 150, 0.12, 160, ms(15, 0.5)),
    deploy('checkout', 2, 60, 0.18, 300, ms(80, 0.7), true),
    deploy('admin', 1, 0, 0.02, 120),
  ].map(shopMixed),
});

/** Twelve nodes with every mesh shape: classic and native Istio sidecars, ambient, Linkerd, Cilium, Consul, Kuma, a custom proxy, unmeshed. */
export const small: ClusterSpec = {
  preset: 'small',
  nodes: 12,
  nodeCpuCores: 8,
  nodeMemoryBytes: 32 * Gi,
  cilium: true,
  opencost: { cpuHourlyUsd: 0.031611, ramGiBHourlyUsd: 0.004237 },
  scrapeIntervalSec: 15,
  durationSec: 2 * 3600,
  emitUsageBytes: true,
  namespaces: [
    shop('istio'),
    {
      name: 'payments',
      mesh: 'istio',
      nativeSidecars: true,
      workloads: [
        mixed(deploy('api', 3, 200, 0.2, 260, ms(25, 0.5), true), { flags: { UT: 0.001 } }),
        mixed(deploy('ledger', 2, 40, 0.3, 512, ms(60, 0.6)), { flags: { RL: 0.01 } }),
      ],
    },
    {
      name: 'search',
      mesh: 'istio-ambient',
      workloads: [deploy('indexer', 2, 0, 0.6, 900), deploy('query', 3, 250, 0.3, 400)],
    },
    {
      name: 'billing',
      mesh: 'linkerd',
      workloads: [
        mixed(deploy('invoices', 2, 120, 0.15, 200, ms(30, 0.5), true), { plaintextShare: 0.1 }),
        deploy('reports', 1, 0.5, 0.05, 150, ms(200, 0.8)),
      ],
    },
    { name: 'orders', mesh: 'consul', workloads: [deploy('orders', 2, 80, 0.1, 180)] },
    { name: 'inventory', mesh: 'kuma', workloads: [deploy('stock', 2, 60, 0.1, 160)] },
    { name: 'legacy', mesh: 'custom', workloads: [deploy('mainframe-gw', 2, 30, 0.2, 300)] },
    {
      name: 'monitoring',
      mesh: 'none',
      workloads: [
        { name: 'prometheus', kind: 'StatefulSet', replicas: 1, containers: [app('prometheus', 0.5, 2048)] },
        deploy('grafana', 1, 0, 0.05, 180),
      ],
    },
  ],
};

const ARTICLE_MIX: Record<number, TrafficMix> = {
  0: { canary: { version: 'v2', share: 0.1 } },
  1: { flags: { URX: 0.003, UT: 0.001 } },
};

function articleNamespace(i: number): NamespaceSpec {
  const workloads = Array.from({ length: 10 }, (_, j) => {
    const k = i * 10 + j;
    const w = deploy(
      `svc-${String(k).padStart(2, '0')}`,
      10,
      40 + ((k * 37) % 460),
      0.1 + ((k * 13) % 30) / 100,
      150 + ((k * 53) % 350),
      ms(20 + ((k * 7) % 40), 0.5 + (k % 4) / 10),
      i === 0
    );
    // A canary and a few failed calls; no plaintext and no UO, which would change what the load generator sends.
    return k in ARTICLE_MIX ? mixed(w, ARTICLE_MIX[k]) : w;
  });
  return { name: `team-${String.fromCharCode(97 + i)}`, mesh: 'istio', workloads };
}

/** 50 nodes x 8 pods, Istio everywhere: the shape of the article's benchmark. */
export const article: ClusterSpec = {
  preset: 'article',
  nodes: 50,
  nodeCpuCores: 8,
  nodeMemoryBytes: 32 * Gi,
  scrapeIntervalSec: 15,
  // 24k series: 30 minutes (2.9M samples) backfills in about 25 s here; two hours took over 100 s.
  durationSec: 30 * 60,
  emitUsageBytes: true,
  namespaces: [0, 1, 2, 3].map(articleNamespace),
};

/** Istio and Linkerd side by side, as during a migration, with a cluster label and OpenCost prices. */
export const migration: ClusterSpec = {
  preset: 'migration',
  clusterLabel: 'prod-eu-1',
  nodes: 20,
  nodeCpuCores: 8,
  nodeMemoryBytes: 32 * Gi,
  opencost: { cpuHourlyUsd: 0.031611, ramGiBHourlyUsd: 0.004237 },
  scrapeIntervalSec: 15,
  durationSec: 2 * 3600,
  emitUsageBytes: true,
  namespaces: [
    shop('istio', 'shop'),
    {
      name: 'payments',
      mesh: 'istio',
      workloads: [
        mixed(deploy('api', 6, 400, 0.2, 260, ms(25, 0.5), true), { flags: { UT: 0.001 } }),
        mixed(deploy('ledger', 4, 80, 0.3, 512, ms(60, 0.6)), { flags: { RL: 0.01 } }),
      ],
    },
    shop('linkerd', 'catalog'),
    {
      name: 'billing',
      mesh: 'linkerd',
      workloads: [
        mixed(deploy('invoices', 6, 240, 0.15, 200, ms(30, 0.5), true), { plaintextShare: 0.1 }),
        deploy('reports', 2, 0.5, 0.05, 150, ms(200, 0.8)),
      ],
    },
    { name: 'batch', mesh: 'none', workloads: [deploy('etl', 8, 0, 0.8, 1024)] },
  ],
};

/** 1000 nodes, about 10k pods: for benchmarks, not for ground-truth tests. */
export const large: ClusterSpec = {
  preset: 'large',
  nodes: 1000,
  nodeCpuCores: 16,
  nodeMemoryBytes: 64 * Gi,
  // 20 minutes at 60 s keeps the backfill under two minutes here (24.6M samples at 40 min / 30 s took 5.6 min).
  scrapeIntervalSec: 60,
  durationSec: 20 * 60,
  histogramsFirstPodOnly: true,
  namespaces: Array.from({ length: 50 }, (_, i) => ({
    name: `tenant-${String(i).padStart(2, '0')}`,
    mesh: 'istio' as const,
    workloads: Array.from({ length: 20 }, (_, j) =>
      deploy(
        `svc-${j}`,
        10,
        50 + (((i * 20 + j) * 31) % 450),
        0.1 + (j % 5) / 10,
        200 + (j % 7) * 50,
        ms(20 + (j % 6) * 5, 0.6)
      )
    ),
  })),
};

const only = (c: ContainerSpec, keep: 'cpu' | 'memory'): ContainerSpec =>
  keep === 'cpu' ? { ...c, memoryRequest: undefined } : { ...c, cpuRequest: undefined };

/**
 * The shapes issue #14 found mishandled, and nothing idle: containers requesting only CPU (cilium-envoy at 0.05
 * cores, Linkerd proxies, an app) or only memory (Kuma proxies, an app); StatefulSet, DaemonSet, Job and CronJob
 * pods; a Deployment whose pod suffix is all digits and one whose pods are <name>-<5 chars>-<n>. Every proxied
 * workload with a request counter serves at least 1 rps, so idle cost is a measured $0.
 */
export const shapes: ClusterSpec = {
  preset: 'shapes',
  clusterLabel: 'edge-1',
  nodes: 8,
  nodeCpuCores: 8,
  nodeMemoryBytes: 32 * Gi,
  cilium: 'envoy-cpu-only',
  opencost: { cpuHourlyUsd: 0.031611, ramGiBHourlyUsd: 0.004237 },
  scrapeIntervalSec: 15,
  durationSec: 3600,
  namespaces: [
    {
      name: 'jobs',
      mesh: 'istio',
      workloads: [
        { ...deploy('api', 3, 120, 0.2, 260, ms(25, 0.5), true), podNames: 'hash-ordinal' },
        { ...deploy('web', 2, 200, 0.15, 200, ms(30, 0.5)), podNames: 'digits' },
        {
          name: 'db',
          kind: 'StatefulSet',
          replicas: 2,
          rps: 40,
          latency: ms(8, 0.4),
          containers: [app('db', 0.3, 900)],
        },
        {
          name: 'log-shipper',
          kind: 'DaemonSet',
          rps: 16,
          latency: ms(5, 0.4),
          containers: [only(app('log-shipper', 0.03, 80), 'cpu')],
        },
        {
          name: 'migrate',
          kind: 'Job',
          replicas: 1,
          rps: 5,
          latency: ms(50, 0.6),
          containers: [only(app('migrate', 0.1, 300), 'memory')],
        },
        {
          name: 'nightly',
          kind: 'CronJob',
          replicas: 2,
          rps: 4,
          latency: ms(120, 0.7),
          containers: [app('nightly', 0.2, 400)],
        },
      ],
    },
    {
      name: 'ledger',
      mesh: 'linkerd',
      proxyRequests: 'cpu-only',
      workloads: [
        { ...deploy('books', 2, 60, 0.1, 200, ms(20, 0.5)), podNames: 'hash-ordinal' },
        {
          name: 'vault',
          kind: 'StatefulSet',
          replicas: 1,
          rps: 10,
          latency: ms(15, 0.5),
          containers: [app('vault', 0.05, 150)],
        },
      ],
    },
    { name: 'inventory', mesh: 'kuma', proxyRequests: 'memory-only', workloads: [deploy('stock', 2, 60, 0.1, 160)] },
  ],
};

/**
 * Istio and Linkerd with a proxy upgrade 70 minutes in: from then on each client-side proxy adds 20 ms (Istio) and
 * 4 ms (Linkerd) more. The harness evaluates at 110 minutes, so a baseline 1h back (rate window 45–50 min) sees the
 * old proxies and "now" (105–110 min) the new ones: the true added latency by the baseline method is exactly those
 * amounts, at every quantile, and a query that ignored the offset would say 0 (issue #18).
 */
export const upgrade: ClusterSpec = {
  preset: 'upgrade',
  nodes: 4,
  nodeCpuCores: 8,
  nodeMemoryBytes: 32 * Gi,
  scrapeIntervalSec: 15,
  durationSec: 2 * 3600,
  namespaces: [shop('istio', 'shop'), shop('linkerd', 'catalog')],
  proxySlowdown: { at: 70 * 60, addMs: { istio: 20, linkerd: 4 } },
};

export const PRESETS: Record<string, ClusterSpec> = { small, article, migration, large, shapes, upgrade };

export function preset(name: string): ClusterSpec {
  const p = PRESETS[name];
  if (!p) {
    throw new Error(`unknown preset "${name}" (choose one of: ${Object.keys(PRESETS).join(', ')})`);
  }
  return p;
}
