/**
 * Test-only: Grafana's published rules for an alert rule, written from its source (no Grafana file is copied).
 * Each check names the file it follows:
 *  - pkg/services/ngalert/api/tooling/definitions/provisioning_alert_rules.go: the API body (required fields,
 *    title and ruleGroup 1..190 characters, `for` as a Prometheus duration);
 *  - pkg/services/provisioning/alerting/rules_types.go: the file format (uid, title, condition and data required;
 *    interval and `for` parsed with model.ParseDuration; noDataState / execErrState enums);
 *  - pkg/services/ngalert/models/alert_rule.go (NoDataStateFromString, ErrStateFromString): the enums;
 *  - pkg/services/ngalert/models/alert_query.go (PreSave): a data source query needs relativeTimeRange from > to,
 *    in whole seconds (its YAML decoder accepts only integers); expressions (datasource `__expr__`) are exempt;
 *  - pkg/expr/threshold.go, pkg/expr/mathexp/reduce.go, pkg/expr/commands.go: the expression models.
 */
import { parsePromDuration } from '../model/alerts/duration';

export const EXPR_UID = '__expr__';
const NO_DATA_STATES = ['NoData', 'Alerting', 'OK', 'KeepLast'];
const EXEC_ERR_STATES = ['Error', 'Alerting', 'OK', 'KeepLast'];
const THRESHOLD_TYPES: Record<string, number> = {
  gt: 1,
  lt: 1,
  eq: 1,
  ne: 1,
  gte: 1,
  lte: 1,
  within_range: 2,
  outside_range: 2,
  within_range_included: 2,
  outside_range_included: 2,
};
const REDUCERS = ['sum', 'mean', 'min', 'max', 'count', 'last', 'median'];
const EXPRESSION_TYPES = ['math', 'reduce', 'resample', 'classic_conditions', 'threshold', 'sql'];
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

type Json = Record<string, any>;
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Problems with one `data` entry's expression model, given the refIds that exist. */
function expressionProblems(q: Json, refIds: Set<string>): string[] {
  const m: Json = q.model ?? {};
  const at = `data ${q.refId}`;
  const out: string[] = [];
  if (m.datasource && (m.datasource.uid !== EXPR_UID || m.datasource.type !== EXPR_UID)) {
    out.push(`${at}: an expression's model.datasource must be {type: "__expr__", uid: "__expr__"}`);
  }
  if (!EXPRESSION_TYPES.includes(m.type)) {
    return [...out, `${at}: expression type "${m.type}" is not one of ${EXPRESSION_TYPES.join(', ')}`];
  }
  const ref = (name: unknown) => {
    if (!isText(name) || !refIds.has(name) || name === q.refId) {
      out.push(`${at}: ${m.type} refers to "${String(name)}", which is not another query of this rule`);
    }
  };
  if (m.type === 'threshold') {
    ref(m.expression);
    const conditions = Array.isArray(m.conditions) ? m.conditions : [];
    if (conditions.length !== 1) {
      out.push(`${at}: a threshold needs exactly one condition (got ${conditions.length})`);
    }
    for (const c of conditions) {
      const need = THRESHOLD_TYPES[c?.evaluator?.type];
      const params = c?.evaluator?.params;
      if (!need) {
        out.push(`${at}: threshold evaluator "${c?.evaluator?.type}" is not one Grafana knows`);
      } else if (!Array.isArray(params) || params.length < need || !params.every(Number.isFinite)) {
        out.push(`${at}: threshold "${c.evaluator.type}" needs ${need} finite number(s) in params`);
      }
    }
  } else if (m.type === 'reduce') {
    ref(m.expression);
    if (!REDUCERS.includes(m.reducer)) {
      out.push(`${at}: reducer "${m.reducer}" is not one of ${REDUCERS.join(', ')}`);
    }
  } else if (m.type === 'math') {
    if (!isText(m.expression)) {
      out.push(`${at}: a math expression needs an expression`);
    }
    for (const v of String(m.expression ?? '').matchAll(/\$\{([^}]*)\}|\$([A-Za-z0-9_]+)/g)) {
      ref(v[1] ?? v[2]);
    }
  }
  return out;
}

function dataProblems(data: unknown, condition: unknown, file: boolean): string[] {
  if (!Array.isArray(data) || data.length === 0) {
    return ['data: a rule needs at least one query'];
  }
  const out: string[] = [];
  const refIds = new Set<string>();
  for (const q of data as Json[]) {
    if (!isText(q.refId) || refIds.has(q.refId)) {
      out.push(`data: refId "${q.refId}" is empty or repeated`);
    }
    refIds.add(q.refId);
  }
  if (!isText(condition) || !refIds.has(condition)) {
    out.push(`condition: "${String(condition)}" is not the refId of one of the rule's queries`);
  }
  for (const q of data as Json[]) {
    const at = `data ${q.refId}`;
    const r = q.relativeTimeRange ?? {};
    if (!isText(q.datasourceUid)) {
      out.push(`${at}: datasourceUid is required`);
    }
    if (typeof q.model !== 'object' || q.model === null || Array.isArray(q.model)) {
      out.push(`${at}: model must be an object`);
    } else if (q.model.refId !== undefined && q.model.refId !== q.refId) {
      out.push(`${at}: model.refId "${q.model.refId}" differs from the query's refId`);
    }
    if (![r.from, r.to].every((n) => typeof n === 'number' && n >= 0 && (!file || Number.isInteger(n)))) {
      out.push(`${at}: relativeTimeRange from/to must be ${file ? 'whole ' : ''}seconds, at least 0`);
    }
    if (q.datasourceUid === EXPR_UID || q.datasourceUid === '-100') {
      out.push(...expressionProblems(q, refIds));
    } else if (!(r.from > r.to)) {
      out.push(`${at}: relativeTimeRange.from (${r.from}) must be more than to (${r.to}) for a data source query`);
    } else if (typeof q.model?.expr === 'string' && q.model.expr.trim() === '') {
      out.push(`${at}: the query's expr is empty`);
    }
  }
  return out;
}

function commonProblems(rule: Json, file: boolean): string[] {
  const out: string[] = [];
  if (!isText(rule.title) || rule.title.length > 190) {
    out.push(`title: required, 1 to 190 characters (got ${JSON.stringify(rule.title)})`);
  }
  const forText = rule.for ?? '';
  // The file format lets `for` be empty (0); the API body's model.Duration does not.
  if (!(file && forText === '')) {
    const d = parsePromDuration(String(forText));
    if ('error' in d) {
      out.push(`for: "${forText}" ${d.error}`);
    }
  }
  const states: Array<[string, string[]]> = [
    ['noDataState', NO_DATA_STATES],
    ['execErrState', EXEC_ERR_STATES],
  ];
  for (const [field, allowed] of states) {
    const v = rule[field];
    if (!(allowed.includes(v) || (file && (v === undefined || v === '')))) {
      out.push(`${field}: "${v}" is not one of ${allowed.join(', ')}`);
    }
  }
  for (const [k, v] of Object.entries<unknown>(rule.labels ?? {})) {
    if (!LABEL_NAME.test(k) || typeof v !== 'string') {
      out.push(`labels: "${k}" must be a label name with a string value`);
    }
  }
  for (const [k, v] of Object.entries<unknown>(rule.annotations ?? {})) {
    if (typeof v !== 'string') {
      out.push(`annotations: "${k}" must be a string`);
    }
  }
  return [...out, ...dataProblems(rule.data, rule.condition, file)];
}

/** What Grafana's provisioning API would refuse in a POST/PUT body; [] when it is valid. */
export function apiRuleProblems(rule: Json): string[] {
  const out = commonProblems(rule, false);
  if (!isText(rule.folderUID)) {
    out.push('folderUID: required');
  }
  if (!isText(rule.ruleGroup) || rule.ruleGroup.length > 190) {
    out.push('ruleGroup: required, 1 to 190 characters');
  }
  if ('provenance' in rule) {
    out.push('provenance: read-only; Grafana sets it from the X-Disable-Provenance header');
  }
  return out;
}

/**
 * What Grafana's file provisioning would refuse in one group of provisioning/alerting/*.yaml, after its
 * environment interpolation of the string fields (pass `interpolate` to apply it; annotations and models are raw).
 */
export function fileGroupProblems(group: Json, interpolate: (s: string) => string = (s) => s): string[] {
  const out: string[] = [];
  const text = (v: unknown) => interpolate(typeof v === 'string' ? v : String(v ?? ''));
  if (!isText(text(group.name))) {
    out.push('group name: required');
  }
  if (!isText(text(group.folder))) {
    out.push('group folder: required');
  }
  const interval = parsePromDuration(text(group.interval));
  if ('error' in interval) {
    out.push(`group interval: "${group.interval}" ${interval.error}`);
  }
  for (const rule of (group.rules ?? []) as Json[]) {
    const seen: Json = {
      ...rule,
      uid: text(rule.uid),
      title: text(rule.title),
      condition: text(rule.condition),
      for: rule.for === undefined ? '' : text(rule.for),
      noDataState: rule.noDataState === undefined ? undefined : text(rule.noDataState).trim(),
      execErrState: rule.execErrState === undefined ? undefined : text(rule.execErrState).trim(),
      labels: Object.fromEntries(Object.entries<string>(rule.labels ?? {}).map(([k, v]) => [k, text(v)])),
      data: ((rule.data ?? []) as Json[]).map((q) => ({
        ...q,
        refId: text(q.refId),
        datasourceUid: text(q.datasourceUid),
      })),
    };
    // Grafana 12+ reads annotations with `rule.Annotations.ValueWithBracedVars()` (rules_types.go), which expands
    // braced variables; its source was not readable here, so no annotation may contain "${" at all.
    for (const [k, v] of Object.entries<string>(rule.annotations ?? {})) {
      if (String(v).includes('${')) {
        out.push(`rule "${seen.title}": annotation ${k} contains "\${", which Grafana may expand as a variable`);
      }
    }
    if (!isText(seen.uid)) {
      out.push(`rule "${seen.title}": uid is required in a provisioning file`);
    }
    out.push(...commonProblems(seen, true).map((p) => `rule "${seen.title}": ${p}`));
  }
  return out;
}
