/**
 * The Grafana-managed alerts Mesh Tax offers: each watches one figure of the model per mesh and cluster, and fires
 * when it stays above a threshold. The figure's PromQL comes from the model; this file only names and explains.
 */
import { keySuffix, P99, type MeshFigureKey } from '../figureKeys';
import { MESH_FIGURES } from '../figureTable';
import type { Unit } from '../figures';

export type AlertVariant =
  | 'monthlyCost'
  | 'cpuShare'
  | 'memoryShare'
  | 'p99Added'
  | 'meanAdded'
  | 'idleCost'
  | 'mtlsCoverageLow'
  | 'plaintextRequests';

export interface AlertVariantDef {
  id: AlertVariant;
  label: string;
  /** The figure it watches, an alertable entry of the figure table (latency at p99). */
  figure: MeshFigureKey;
  /** The figure's unit, from the table. */
  unit: Unit;
  /** What the user types for the threshold, and how it maps onto the figure's unit. */
  thresholdLabel: string;
  /** Multiplies the typed threshold into the figure's unit (percent → fraction). */
  scale: number;
  defaultThreshold: number;
  /** Go-template phrase for the summary; `{{ $value }}` is the figure's value formatted for its unit. */
  what: string;
  /** Fires when the figure stays below the threshold (coverage), not above it. */
  below?: boolean;
  /** One alert instance per workload instead of per cluster (plaintext requests name the workload). */
  perWorkload?: boolean;
}

/** The unit is the table's: a variant only says how the user types the threshold. */
const variant = (v: Omit<AlertVariantDef, 'unit'>): AlertVariantDef => ({ ...v, unit: MESH_FIGURES[v.figure].unit });

export const ALERT_VARIANTS: AlertVariantDef[] = [
  variant({
    id: 'monthlyCost',
    label: 'Monthly cost above $X',
    figure: 'cost.total',
    thresholdLabel: 'Monthly cost threshold (USD)',
    scale: 1,
    defaultThreshold: 1000,
    what: 'costs {{ $value }} per month (sidecars, control plane and node agents)',
  }),
  variant({
    id: 'cpuShare',
    label: 'Share of cluster CPU above X%',
    figure: 'sidecars.cpuShare',
    thresholdLabel: 'CPU share threshold (%)',
    scale: 0.01,
    defaultThreshold: 10,
    what: "proxies use {{ $value }} of the cluster's CPU",
  }),
  variant({
    id: 'memoryShare',
    label: 'Share of cluster memory above X%',
    figure: 'sidecars.memoryShare',
    thresholdLabel: 'Memory share threshold (%)',
    scale: 0.01,
    defaultThreshold: 10,
    what: "proxies use {{ $value }} of the cluster's memory",
  }),
  variant({
    id: 'p99Added',
    label: 'p99 latency added above Y ms',
    figure: 'latency.pNAdded',
    thresholdLabel: 'p99 added threshold (ms)',
    scale: 1,
    defaultThreshold: 20,
    what: 'adds {{ $value }} ms at p99',
  }),
  // Exact (from _sum and _count), so it alerts on a real change even where the buckets cannot resolve the p99.
  variant({
    id: 'meanAdded',
    label: 'Mean latency added above Y ms',
    figure: 'latency.meanAdded',
    thresholdLabel: 'Mean added threshold (ms)',
    scale: 1,
    defaultThreshold: 5,
    what: 'adds {{ $value }} ms on average',
  }),
  variant({
    id: 'idleCost',
    label: 'Idle-sidecar cost above $Z',
    figure: 'cost.idleSidecars',
    thresholdLabel: 'Idle-sidecar cost threshold (USD per month)',
    scale: 1,
    defaultThreshold: 100,
    what: 'spends {{ $value }} per month on idle sidecars',
  }),
  variant({
    id: 'mtlsCoverageLow',
    label: 'mTLS coverage below X%',
    figure: 'value.mtlsShare',
    thresholdLabel: 'mTLS coverage threshold (%)',
    scale: 0.01,
    defaultThreshold: 99,
    what: 'serves only {{ $value }} of its requests over mutual TLS',
    below: true,
  }),
  variant({
    id: 'plaintextRequests',
    label: 'Plaintext requests to a workload above R req/s',
    figure: 'traffic.plaintextRps',
    thresholdLabel: 'Plaintext requests threshold (req/s; 0 = any)',
    scale: 1,
    defaultThreshold: 0,
    what: 'serves {{ $value }} req/s in plaintext to {{ $labels.namespace }}/{{ $labels.workload }}',
    perWorkload: true,
  }),
];

export function variantOf(id: string): AlertVariantDef | undefined {
  return ALERT_VARIANTS.find((v) => v.id === id);
}

/** The variant and mesh of a figure id such as `istio.cost.total`, for "Create alert" links from any figure. */
export function variantOfFigure(figureId: string): { variant: AlertVariantDef; meshId: string } | undefined {
  for (const v of ALERT_VARIANTS) {
    const suffix = keySuffix(v.figure, P99);
    if (figureId.endsWith(`.${suffix}`)) {
      return { variant: v, meshId: figureId.slice(0, -suffix.length - 1) };
    }
  }
  return undefined;
}
