/**
 * The alerts of `meshtax rules` on what the mesh does (issue #17), beside the monthly-cost alert:
 * MeshTaxMtlsCoverageLow reads the recorded mTLS coverage per mesh and cluster; MeshTaxPlaintextRequests is per
 * workload, so it reads the raw request counter (the recorded series are per cluster and cannot name a workload).
 */
import type { FigureOptions } from '../figures';
import { MESH_FIGURES } from '../figureTable';
import { bin, num, sel } from '../promql/dsl';
import { render } from '../promql/render';
import type { Selection } from '../scope';
import { plaintextRpsTotalExpr } from '../value/queries';
import type { AlertingRule } from './generate';

export const MTLS_ALERT = 'MeshTaxMtlsCoverageLow';
export const PLAINTEXT_ALERT = 'MeshTaxPlaintextRequests';
export const DEFAULT_MTLS_COVERAGE_PERCENT = 99;
export const DEFAULT_PLAINTEXT_RPS = 0;

export interface ValueAlertOptions {
  /** Alert when a mesh serves less than this share of its requests over mutual TLS, in percent. */
  mtlsCoverageBelowPercent?: number;
  /** Alert when a workload serves more than this many plaintext requests per second (0: any). */
  plaintextRpsAbove?: number;
  for: string;
}

export function validateValueAlertOptions(o: ValueAlertOptions): void {
  const pct = o.mtlsCoverageBelowPercent ?? DEFAULT_MTLS_COVERAGE_PERCENT;
  if (!Number.isFinite(pct) || pct < 0 || pct > 100) {
    throw new Error(`--mtls-coverage-below: ${pct} is not a percentage from 0 to 100`);
  }
  const rps = o.plaintextRpsAbove ?? DEFAULT_PLAINTEXT_RPS;
  if (!Number.isFinite(rps) || rps < 0) {
    throw new Error(`--plaintext-rps-above: ${rps} is not a non-negative number`);
  }
}

export function valueAlerts(o: ValueAlertOptions, s: Selection, figures: FigureOptions): AlertingRule[] {
  const pct = o.mtlsCoverageBelowPercent ?? DEFAULT_MTLS_COVERAGE_PERCENT;
  const rps = o.plaintextRpsAbove ?? DEFAULT_PLAINTEXT_RPS;
  const share = MESH_FIGURES['value.mtlsShare'].record;
  const coverage: AlertingRule = {
    alert: MTLS_ALERT,
    expr: render(bin('<', sel(share), num(pct / 100))),
    for: o.for,
    labels: { severity: 'warning' },
    annotations: {
      summary: `{{ $labels.mesh }} serves {{ $value | humanizePercentage }} of its requests over mutual TLS, below ${pct}%`,
      description: `mTLS coverage as recorded by the meshtax rules (${share}): requests served over mutual TLS over all requests served.`,
    },
  };
  const perWorkload: Selection = { ...s, groupBy: 'workload' };
  const plaintext = figures.meshes.flatMap((m): AlertingRule[] => {
    const e = plaintextRpsTotalExpr(m, perWorkload);
    return e
      ? [
          {
            alert: PLAINTEXT_ALERT,
            expr: render(bin('>', e, num(rps))),
            for: o.for,
            labels: { severity: 'warning', mesh: m.id },
            annotations: {
              summary: `{{ $labels.namespace }}/{{ $labels.workload }} serves {{ $value | printf "%.3f" }} plaintext requests per second (${m.name})`,
              description: `Requests served without mutual TLS, from ${m.traffic!.metric}; above ${rps} req/s.`,
            },
          },
        ]
      : [];
  });
  return [coverage, ...plaintext];
}
