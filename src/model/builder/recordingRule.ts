/**
 * One Prometheus recording rule for the builder's query, in the YAML `meshtax rules` writes. The name follows
 * `level:metric:operations`: the level is the grouping's labels (empty when ungrouped, as kubernetes-mixin's
 * `:node_memory_MemAvailable_bytes:sum`), the metric and operations those of the figure kind in rules/names.ts
 * prefixed `meshtax_`, so a builder rule never shadows a series of the generated rule file.
 */
import type { MeshDef } from '../catalogue';
import type { Figure } from '../figures';
import { MESH_RECORDS, meshKey } from '../rules/names';
import type { RecordingRule } from '../rules/generate';
import { rulesYaml } from '../rules/yaml';
import { groupLabels, type Grouping } from '../scope';
import type { LatencyOptions } from '../latency';

export const BUILDER_RULE_GROUP = 'meshtax-query-builder';

export function builderRuleName(mesh: MeshDef, figureId: string, groupBy: Grouping): string {
  const key = meshKey(mesh.id, figureId);
  const kind = key ? MESH_RECORDS[key] : undefined;
  if (!kind) {
    throw new Error(`no recorded name for ${figureId}`);
  }
  const [, metric, operations] = kind.record.split(':');
  return `${groupLabels(groupBy).join('_')}:meshtax_${metric}:${operations}`;
}

export function builderRule(mesh: MeshDef, figure: Figure, groupBy: Grouping, latency: LatencyOptions): RecordingRule {
  const labels: Record<string, string> = { mesh: mesh.id };
  if (figure.unit === 'ms') {
    labels.quantile = String(latency.quantile);
    labels.method = latency.method;
  }
  return { record: builderRuleName(mesh, figure.id, groupBy), expr: figure.expr, labels };
}

export function builderRuleYaml(mesh: MeshDef, figure: Figure, groupBy: Grouping, latency: LatencyOptions): string {
  const header = [
    `Mesh Tax query builder: ${figure.title} (${figure.id}).`,
    'Add the group to a rule file that Prometheus loads (rule_files). Recording the same figure for another',
    'scope? Give that rule another name, or the two would write the same series.',
  ].join('\n');
  return rulesYaml(
    [{ name: BUILDER_RULE_GROUP, rules: [builderRule(mesh, figure, groupBy, latency)] }],
    'prometheus',
    header
  );
}
