/**
 * Prometheus rules for Mesh Tax: a recording rule per figure of the model (its raw query at `groupBy: 'cluster'`,
 * with the mesh as a rule label; see names.ts for the naming) and the alert MeshOverheadMonthlyCostHigh over the
 * recorded monthly cost. Every recording rule reads raw series only, never another rule, so that
 * `promtool tsdb create-blocks-from rules` can backfill them and no evaluation order matters.
 *
 * A mesh's series exist only in clusters where the mesh is present (pods with its data plane or node agents), as
 * the report decides: a shared istiod alone does not make ambient Istio present. Where sidecar Istio is present
 * too, ambient's control plane is billed to it, per cluster (the report decides that over all clusters at once).
 */
import type { MeshDef } from '../catalogue';
import { clusterFigures, meshFigures } from '../figureSet';
import { costExpr, roleMatchers, type FigureOptions } from '../figures';
import type { Expr } from '../promql/ast';
import { agg, bin, call, num, sel } from '../promql/dsl';
import { parsePromDuration } from '../alerts/duration';
import { render } from '../promql/render';
import { REAL_CONTAINERS } from '../resources';
import { scopeMatchers, type Selection } from '../scope';
import { ruleSelection, rulesConfigLabels, type RulesSelection } from './config';
import { isLatencyKey } from '../figureKeys';
import { CLUSTER_FIGURES, isClusterFigureKey, meshFigureKey, MESH_FIGURES } from '../figureTable';
import { MONTHLY_COST_RECORD, RULES_CONFIG_RECORD } from './names';
import { validateValueAlertOptions, valueAlerts, type ValueAlertOptions } from './valueAlerts';

export interface RulesOptions extends Omit<ValueAlertOptions, 'for'> {
  selection: RulesSelection;
  figures: FigureOptions;
  monthlyCostThresholdUsd: number;
  /** How long the cost must stay above the threshold before the alert fires, a Prometheus duration. */
  for: string;
}

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  rules: Array<RecordingRule | AlertingRule>;
}

export const COST_ALERT = 'MeshOverheadMonthlyCostHigh';
export const DEFAULT_MONTHLY_COST_THRESHOLD_USD = 1000;
export const DEFAULT_FOR = '15m';

const ON_CLUSTER = { on: ['cluster'] };

/** Per cluster: the mesh has data-plane or node-agent pods (the report's detection, without counting them). */
export function presenceExpr(mesh: MeshDef, s: Selection): Expr | undefined {
  const parts = [roleMatchers(mesh, 'dataPlane'), roleMatchers(mesh, 'nodeAgents')]
    .filter((w) => !!w)
    .map((w) =>
      agg('group', sel('container_memory_working_set_bytes', ...REAL_CONTAINERS, ...scopeMatchers(s), ...w!), [
        'cluster',
      ])
    );
  return parts.length ? parts.reduce((a, b) => bin('or', a, b)) : undefined;
}

/** The mesh's figures as recorded: gated on presence, with a shared control plane billed to its owner. */
function meshRules(mesh: MeshDef, s: Selection, o: FigureOptions): RecordingRule[] {
  const present = presenceExpr(mesh, s);
  if (!present) {
    return [];
  }
  const owner = mesh.controlPlaneSharedWith ? o.meshes.find((m) => m.id === mesh.controlPlaneSharedWith) : undefined;
  const ownerPresent = owner ? presenceExpr(owner, s) : undefined;
  const q = String(o.latency.quantile);
  return meshFigures(mesh, s, o).map((f): RecordingRule => {
    const key = meshFigureKey(mesh.id, f.id);
    if (!key) {
      throw new Error(`rules: figure ${f.id} is not in the figure table`);
    }
    const def = MESH_FIGURES[key];
    let expr = f.ast;
    if (ownerPresent && def.role === 'controlPlane') {
      expr = bin('unless', expr, ownerPresent, ON_CLUSTER);
    } else if (ownerPresent && key === 'cost.total') {
      const withoutControlPlane = costExpr(mesh, ['dataPlane', 'nodeAgents'], s, o);
      expr = withoutControlPlane ? bin('or', bin('and', withoutControlPlane, ownerPresent, ON_CLUSTER), expr) : expr;
    }
    return {
      record: def.record,
      expr: render(bin('and', expr, present, ON_CLUSTER)),
      labels: { mesh: mesh.id, ...(isLatencyKey(key) ? { quantile: q } : {}) },
    };
  });
}

function clusterRules(s: Selection, o: FigureOptions): RecordingRule[] {
  return clusterFigures(s, o).map((f) => {
    if (!isClusterFigureKey(f.id)) {
      throw new Error(`rules: figure ${f.id} is not in the figure table`);
    }
    return { record: CLUSTER_FIGURES[f.id].record, expr: f.expr };
  });
}

/** The alert's summary template; Alertmanager and `promtool test rules` expand it. */
export function costSummaryTemplate(thresholdUsd: number): string {
  return `{{ $labels.mesh }} costs \${{ $value | printf "%.2f" }} per month, above the $${thresholdUsd} budget`;
}

export function costAlert(thresholdUsd: number, forDuration: string): AlertingRule {
  return {
    alert: COST_ALERT,
    expr: render(bin('>', sel(MONTHLY_COST_RECORD), num(thresholdUsd))),
    for: forDuration,
    labels: { severity: 'warning' },
    annotations: {
      summary: costSummaryTemplate(thresholdUsd),
      description:
        'Monthly cost of the mesh proxies, control plane and node agents as recorded by the meshtax rules ' +
        `(${MONTHLY_COST_RECORD}); the prices and options are the labels of ${RULES_CONFIG_RECORD}.`,
    },
  };
}

export function validateRulesOptions(o: Pick<RulesOptions, 'monthlyCostThresholdUsd' | 'for'>): void {
  if (!Number.isFinite(o.monthlyCostThresholdUsd) || o.monthlyCostThresholdUsd < 0) {
    throw new Error(`--monthly-cost-threshold-usd: ${o.monthlyCostThresholdUsd} is not a non-negative number`);
  }
  // A rule's `for` is Prometheus's model.ParseDuration grammar (promtool refuses "5m1h" and "$__interval").
  const forDuration = parsePromDuration(o.for);
  if ('error' in forDuration) {
    throw new Error(`--for: "${o.for}" ${forDuration.error}`);
  }
}

export function ruleGroups(o: RulesOptions): RuleGroup[] {
  validateRulesOptions(o);
  validateValueAlertOptions(o);
  const s = ruleSelection(o.selection);
  const config: RecordingRule = {
    record: RULES_CONFIG_RECORD,
    expr: render(call('vector', num(1))),
    labels: rulesConfigLabels(o.selection, o.figures),
  };
  return [
    {
      name: 'meshtax.figures',
      rules: [config, ...clusterRules(s, o.figures), ...o.figures.meshes.flatMap((m) => meshRules(m, s, o.figures))],
    },
    {
      name: 'meshtax.alerts',
      rules: [costAlert(o.monthlyCostThresholdUsd, o.for), ...valueAlerts(o, s, o.figures)],
    },
  ];
}
