/**
 * The Grafana-managed alerts Mesh Tax offers: each watches one figure of the model per mesh and cluster, and fires
 * when it stays above a threshold. The figure's PromQL comes from the model; this file only names and explains.
 */
import type { Unit } from '../figures';

export type AlertVariant = 'monthlyCost' | 'cpuShare' | 'memoryShare' | 'p99Added' | 'idleCost';

export interface AlertVariantDef {
  id: AlertVariant;
  label: string;
  /** The figure key within a mesh: `<mesh>.<figure>`. */
  figure: string;
  unit: Unit;
  /** What the user types for the threshold, and how it maps onto the figure's unit. */
  thresholdLabel: string;
  /** Multiplies the typed threshold into the figure's unit (percent → fraction). */
  scale: number;
  defaultThreshold: number;
  /** Go-template phrase for the summary; `{{ $value }}` is the figure's value formatted for its unit. */
  what: string;
}

export const ALERT_VARIANTS: AlertVariantDef[] = [
  {
    id: 'monthlyCost',
    label: 'Monthly cost above $X',
    figure: 'cost.total',
    unit: 'currencyUSD',
    thresholdLabel: 'Monthly cost threshold (USD)',
    scale: 1,
    defaultThreshold: 1000,
    what: 'costs {{ $value }} per month (sidecars, control plane and node agents)',
  },
  {
    id: 'cpuShare',
    label: 'Share of cluster CPU above X%',
    figure: 'sidecars.cpuShare',
    unit: 'percentunit',
    thresholdLabel: 'CPU share threshold (%)',
    scale: 0.01,
    defaultThreshold: 10,
    what: "proxies use {{ $value }} of the cluster's CPU",
  },
  {
    id: 'memoryShare',
    label: 'Share of cluster memory above X%',
    figure: 'sidecars.memoryShare',
    unit: 'percentunit',
    thresholdLabel: 'Memory share threshold (%)',
    scale: 0.01,
    defaultThreshold: 10,
    what: "proxies use {{ $value }} of the cluster's memory",
  },
  {
    id: 'p99Added',
    label: 'p99 latency added above Y ms',
    figure: 'latency.p99Added',
    unit: 'ms',
    thresholdLabel: 'p99 added threshold (ms)',
    scale: 1,
    defaultThreshold: 20,
    what: 'adds {{ $value }} ms at p99',
  },
  {
    id: 'idleCost',
    label: 'Idle-sidecar cost above $Z',
    figure: 'cost.idleSidecars',
    unit: 'currencyUSD',
    thresholdLabel: 'Idle-sidecar cost threshold (USD per month)',
    scale: 1,
    defaultThreshold: 100,
    what: 'spends {{ $value }} per month on idle sidecars',
  },
];

export function variantOf(id: string): AlertVariantDef | undefined {
  return ALERT_VARIANTS.find((v) => v.id === id);
}

/** The variant and mesh of a figure id such as `istio.cost.total`, for "Create alert" links from any figure. */
export function variantOfFigure(figureId: string): { variant: AlertVariantDef; meshId: string } | undefined {
  for (const v of ALERT_VARIANTS) {
    if (figureId.endsWith(`.${v.figure}`)) {
      return { variant: v, meshId: figureId.slice(0, -v.figure.length - 1) };
    }
  }
  return undefined;
}
