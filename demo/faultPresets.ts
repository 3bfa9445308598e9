/**
 * Small clusters with data faults, for the data-fault integration test only (not listed in PRESETS, so the CLI,
 * benchmark and other tests never see them). One hour of history; the harness evaluates at 50 minutes (start + 3000),
 * so each fault time below is chosen relative to that window (300 s rate window, 300 s look-back).
 */
import type { ClusterSpec, NamespaceSpec, WorkloadSpec } from './types';

const Mi = 2 ** 20;
const Gi = 2 ** 30;

function deploy(name: string, replicas: number, rps: number, medianMs: number): WorkloadSpec {
  return {
    name,
    kind: 'Deployment',
    replicas,
    rps,
    latency: rps > 0 ? { medianMs, sigma: 0.6 } : undefined,
    containers: [
      {
        name,
        image: `ghcr.io/meshtax/${name}:1.4.2`,
        cpuCores: 0.15,
        memoryBytes: 200 * Mi,
        cpuRequest: 0.25,
        memoryRequest: 256 * Mi,
      },
    ],
  };
}

const shop = (name: string, mesh: NamespaceSpec['mesh']): NamespaceSpec => ({
  name,
  mesh,
  workloads: [
    deploy('frontend', 2, 200, 40),
    deploy('cart', 2, 100, 15),
    deploy('checkout', 2, 50, 80),
    deploy('admin', 1, 0, 0),
  ],
});

const base = { nodes: 3, nodeCpuCores: 8, nodeMemoryBytes: 32 * Gi, scrapeIntervalSec: 15, durationSec: 3600 };

/**
 * Counter resets, churn and stale series in `shop` (Istio); Istio 1.4 proxies in `legacy`; Linkerd histograms
 * without +Inf in `billing`.
 */
export const faultsMixed: ClusterSpec = {
  ...base,
  preset: 'faults-mixed',
  namespaces: [shop('shop', 'istio'), shop('legacy', 'istio'), shop('billing', 'linkerd')],
  faults: {
    // Inside the rate window [2700, 3000]: rate() must correct the reset.
    counterResets: { workloads: ['shop/cart'], at: 2880 },
    // Old pods' last sample at 2880 (still within the look-back at 3000), new pods from 2895.
    churn: { workloads: ['shop/checkout'], at: 2880 },
    // Last sample 600 s before the evaluation: gone.
    stale: { workloads: ['shop/admin'], at: 2400 },
    legacyIstioNamespaces: ['legacy'],
    histogramNoInf: ['linkerd'],
  },
};

/** Traffic stopped 15 minutes before the evaluation, and no kube-state-metrics. */
export const faultsQuiet: ClusterSpec = {
  ...base,
  preset: 'faults-quiet',
  namespaces: [shop('shop', 'istio'), shop('billing', 'linkerd')],
  faults: { idleFrom: 2100, noKsm: true },
};
