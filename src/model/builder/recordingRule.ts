/**
 * One Prometheus recording rule for the builder's query, in the YAML `meshtax rules` writes. Its name is the figure
 * table's recorded name, the one `meshtax rules` records the figure under (`meshtax:sidecar_cpu_share:ratio`), so a
 * figure has one name wherever it is recorded. The builder's series carry `meshtax_grouping` (and its scope is the
 * builder's), which keeps them apart from the rule file's per-cluster series of the same name.
 */
import type { MeshDef } from '../catalogue';
import { meshFigureKey, MESH_FIGURES } from '../figureTable';
import type { Figure } from '../figures';
import type { RecordingRule } from '../rules/generate';
import { rulesYaml } from '../rules/yaml';
import type { Grouping } from '../scope';
import type { LatencyOptions } from '../latency';

export const BUILDER_RULE_GROUP = 'meshtax-query-builder';

export function builderRuleName(mesh: MeshDef, figureId: string): string {
  const key = meshFigureKey(mesh.id, figureId);
  if (!key) {
    throw new Error(`no recorded name for ${figureId}`);
  }
  return MESH_FIGURES[key].record;
}

export function builderRule(mesh: MeshDef, figure: Figure, groupBy: Grouping, latency: LatencyOptions): RecordingRule {
  const labels: Record<string, string> = { mesh: mesh.id, meshtax_grouping: groupBy };
  if (figure.unit === 'ms') {
    labels.quantile = String(latency.quantile);
    labels.method = latency.method;
  }
  return { record: builderRuleName(mesh, figure.id), expr: figure.expr, labels };
}

export function builderRuleYaml(mesh: MeshDef, figure: Figure, groupBy: Grouping, latency: LatencyOptions): string {
  const header = [
    `Mesh Tax query builder: ${figure.title} (${figure.id}).`,
    'Add the group to a rule file that Prometheus loads (rule_files). The name is the one `meshtax rules` records',
    'this figure under, per cluster; the meshtax_grouping label keeps this series apart from those. Recording',
    'the same figure for another scope? Add a label that tells the two apart, or they would write the same series.',
  ].join('\n');
  return rulesYaml(
    [{ name: BUILDER_RULE_GROUP, rules: [builderRule(mesh, figure, groupBy, latency)] }],
    'prometheus',
    header
  );
}
