/**
 * The alert rule Mesh Tax sends to Grafana's alerting provisioning API (POST/PUT /api/v1/provisioning/alert-rules):
 * query A is the model's figure for one mesh, per cluster; B is a threshold on A. Rules carry the label `meshtax`
 * (their variant) so the Alerts page can list exactly the rules it created.
 */
import { CATALOGUE, type MeshDef } from '../catalogue';
import { meshFigureId } from '../figureKeys';
import { meshFigures } from '../figureSet';
import type { FigureOptions } from '../figures';
import { QueryInputError } from '../promql/escape';
import { parsePromDuration } from './duration';
import { variantOf, type AlertVariantDef } from './variants';

/** The label that marks a rule as Mesh Tax's; its value is the variant. */
export const MESHTAX_LABEL = 'meshtax';

export interface AlertRuleForm {
  /** Set when editing an existing rule. */
  uid?: string;
  variant: string;
  meshId: string;
  datasourceUid: string;
  /** In the variant's input unit (USD, percent or ms). */
  threshold: number;
  for: string;
  folderUid: string;
  group: string;
  /** Extra labels, e.g. team or severity, for notification routing. */
  labels: Record<string, string>;
  /** Empty: the default summary, which states the value in the figure's unit. */
  summary: string;
  runbookUrl: string;
}

export interface ProvisionedAlertRule {
  uid?: string;
  title: string;
  ruleGroup: string;
  folderUID: string;
  condition: string;
  for: string;
  noDataState: 'NoData' | 'OK' | 'Alerting';
  execErrState: 'Error' | 'OK' | 'Alerting';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  data: Array<{
    refId: string;
    datasourceUid: string;
    relativeTimeRange: { from: number; to: number };
    model: Record<string, unknown>;
  }>;
  /**
   * Read-only, set by Grafana in its answers: "" or absent when the rule may be changed through the API without
   * provenance (what Mesh Tax sends), "api", "file" or "converted_prometheus" otherwise. Never sent.
   */
  provenance?: string;
}

/** Grafana's template for query A's value, in the figure's unit. */
function valueTemplate(v: AlertVariantDef): string {
  switch (v.unit) {
    case 'percentunit':
      return '{{ humanizePercentage $values.A.Value }}';
    case 'currencyUSD':
      // The dollar sign inside the template: "${{" would read as a braced variable to Grafana's provisioning.
      return '{{ printf "$%.2f" $values.A.Value }}';
    case 'reqps':
      return '{{ printf "%.3f" $values.A.Value }}';
    default:
      return '{{ printf "%.1f" $values.A.Value }}';
  }
}

function thresholdText(v: AlertVariantDef, threshold: number): string {
  switch (v.unit) {
    case 'currencyUSD':
      return `$${threshold}`;
    case 'percentunit':
      return `${threshold}%`;
    case 'reqps':
      return `${threshold} req/s`;
    default:
      return `${threshold} ms`;
  }
}

export function defaultSummary(v: AlertVariantDef, meshName: string, threshold: number): string {
  const what = v.what.replace('{{ $value }}', valueTemplate(v));
  const side = v.below ? 'below' : 'above';
  return `${meshName} in cluster {{ $labels.cluster }} ${what}, ${side} the ${thresholdText(v, threshold)} threshold.`;
}

export class AlertFormError extends QueryInputError {}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Checks every field and says which one is wrong; nothing is sent until the form is valid. */
export function validateAlertForm(f: AlertRuleForm, meshes: MeshDef[] = CATALOGUE): AlertVariantDef {
  const v = variantOf(f.variant);
  if (!v) {
    throw new AlertFormError('variant', `variant: "${f.variant}" is not one of the alert kinds`);
  }
  if (!meshes.some((m) => m.id === f.meshId)) {
    throw new AlertFormError('mesh', `mesh: "${f.meshId}" is not in the catalogue`);
  }
  if (!Number.isFinite(f.threshold) || f.threshold < 0) {
    throw new AlertFormError('threshold', `threshold: ${f.threshold} must be a number of at least 0`);
  }
  if (v.unit === 'percentunit' && f.threshold > 100) {
    throw new AlertFormError('threshold', `threshold: ${f.threshold}% is more than 100%`);
  }
  const forDuration = parsePromDuration(f.for);
  if ('error' in forDuration) {
    throw new AlertFormError('for', `for: "${f.for}" ${forDuration.error}`);
  }
  if (!f.datasourceUid) {
    throw new AlertFormError('datasource', 'datasource: pick the Prometheus data source the rule queries');
  }
  if (!f.folderUid) {
    throw new AlertFormError('folder', 'folder: pick a folder; Grafana stores alert rules in folders');
  }
  if (!f.group.trim()) {
    throw new AlertFormError('group', 'group: name the evaluation group, for example "mesh-tax"');
  }
  // Grafana's limit on ruleGroup (maxLength 190 in ngalert's provisioning_alert_rules.go).
  if (f.group.trim().length > 190) {
    throw new AlertFormError('group', `group: ${f.group.trim().length} characters; Grafana allows at most 190`);
  }
  for (const name of Object.keys(f.labels)) {
    if (!LABEL_NAME.test(name) || name === MESHTAX_LABEL || name === 'mesh') {
      throw new AlertFormError('labels', `labels: "${name}" is not a label name you can set here`);
    }
  }
  if (f.runbookUrl && !/^https?:\/\//.test(f.runbookUrl)) {
    throw new AlertFormError('runbookUrl', `runbook URL: "${f.runbookUrl}" must start with http:// or https://`);
  }
  return v;
}

/** Parses "key=value" lines into labels; a line without "=" is an error at the field. */
export function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line) {
      continue;
    }
    const i = line.indexOf('=');
    if (i <= 0) {
      throw new AlertFormError('labels', `labels: "${line}" is not key=value`);
    }
    out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

export function alertRulePayload(f: AlertRuleForm, o: FigureOptions): ProvisionedAlertRule {
  const v = validateAlertForm(f, o.meshes);
  const mesh = o.meshes.find((m) => m.id === f.meshId)!;
  // Per cluster, so a multi-cluster Prometheus gets one alert instance per cluster rather than one sum.
  const figure = meshFigures(mesh, { window: '5m', groupBy: v.perWorkload ? 'workload' : 'cluster' }, o).find(
    (x) => x.id === meshFigureId(mesh.id, v.figure)
  );
  if (!figure) {
    throw new AlertFormError('variant', `${mesh.name} has no "${v.label}" figure (for example, no latency histogram)`);
  }
  const threshold = f.threshold * v.scale;
  return {
    ...(f.uid ? { uid: f.uid } : {}),
    title: `Mesh Tax: ${mesh.name} ${v.label.replace(/ X%| \$X| Y ms| \$Z| R req\/s/, '')} ${thresholdText(v, f.threshold)}`,
    ruleGroup: f.group.trim(),
    folderUID: f.folderUid,
    condition: 'B',
    for: f.for,
    // A mesh that stops reporting is worth a look, not silence.
    noDataState: 'NoData',
    execErrState: 'Error',
    labels: { ...f.labels, mesh: mesh.id, [MESHTAX_LABEL]: v.id },
    annotations: {
      summary: f.summary.trim() || defaultSummary(v, mesh.name, f.threshold),
      description: `${figure.title}, per ${v.perWorkload ? 'workload' : 'cluster'}, measured by Mesh Tax from your own Prometheus (figure ${figure.id}; the query is A).`,
      ...(f.runbookUrl ? { runbook_url: f.runbookUrl } : {}),
      meshtax_threshold: String(f.threshold),
      meshtax_figure: figure.id,
    },
    data: [
      {
        refId: 'A',
        datasourceUid: f.datasourceUid,
        relativeTimeRange: { from: 600, to: 0 },
        model: {
          refId: 'A',
          expr: figure.expr,
          instant: true,
          range: false,
          datasource: { type: 'prometheus', uid: f.datasourceUid },
        },
      },
      {
        refId: 'B',
        datasourceUid: '__expr__',
        relativeTimeRange: { from: 0, to: 0 },
        model: {
          refId: 'B',
          type: 'threshold',
          expression: 'A',
          datasource: { type: '__expr__', uid: '__expr__' },
          conditions: [{ evaluator: { type: v.below ? 'lt' : 'gt', params: [threshold] } }],
        },
      },
    ],
  };
}

/** Back from a stored rule to the form, for editing; undefined when the rule is not one of ours. */
export function formOfRule(r: ProvisionedAlertRule, meshes: MeshDef[] = CATALOGUE): AlertRuleForm | undefined {
  const v = variantOf(r.labels?.[MESHTAX_LABEL] ?? '');
  const meshId = r.labels?.mesh;
  if (!v || !meshId) {
    return undefined;
  }
  const { [MESHTAX_LABEL]: _v, mesh: _m, ...labels } = r.labels;
  const mesh = meshes.find((m) => m.id === meshId);
  const threshold = Number(r.annotations?.meshtax_threshold);
  const summary = r.annotations?.summary ?? '';
  return {
    uid: r.uid,
    variant: v.id,
    meshId,
    datasourceUid: r.data.find((d) => d.refId === 'A')?.datasourceUid ?? '',
    threshold,
    for: r.for,
    folderUid: r.folderUID,
    group: r.ruleGroup,
    labels,
    // A summary equal to the default stays "default", so it follows a changed threshold.
    summary: mesh && summary === defaultSummary(v, mesh.name, threshold) ? '' : summary,
    runbookUrl: r.annotations?.runbook_url ?? '',
  };
}
