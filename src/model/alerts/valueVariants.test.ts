/** The alert variants of issue #17: mTLS coverage below X% (a "below" threshold) and plaintext requests per workload. */
import { CATALOGUE } from '../catalogue';
import { DEFAULT_FIGURE_OPTIONS } from '../figureSet';
import { syntaxProblems } from '../promql/validate';
import { alertRulePayload, defaultSummary, type AlertRuleForm } from './payload';
import { variantOf } from './variants';

const form = (variant: string, threshold: number): AlertRuleForm => ({
  variant,
  meshId: 'istio',
  datasourceUid: 'prom',
  threshold,
  for: '15m',
  folderUid: 'f',
  group: 'mesh-tax',
  labels: {},
  summary: '',
  runbookUrl: '',
});
const o = { ...DEFAULT_FIGURE_OPTIONS, meshes: CATALOGUE };
const evaluator = (p: ReturnType<typeof alertRulePayload>) =>
  (p.data[1].model.conditions as Array<{ evaluator: { type: string; params: number[] } }>)[0].evaluator;

test('mTLS coverage fires below the threshold, typed in percent, per cluster', () => {
  const p = alertRulePayload(form('mtlsCoverageLow', 95), o);
  expect(evaluator(p)).toEqual({ type: 'lt', params: [expect.closeTo(0.95, 12)] });
  expect(p.title).toBe('Mesh Tax: Istio (sidecar) mTLS coverage below 95%');
  expect(p.annotations.summary).toContain('below the 95% threshold');
  const expr = p.data[0].model.expr as string;
  expect(syntaxProblems(expr)).toEqual([]);
  expect(expr).toContain('connection_security_policy="mutual_tls"');
  expect(expr).toContain('sum by (cluster)');
});

test('plaintext requests fire above R req/s, one instance per workload named in the summary', () => {
  const p = alertRulePayload(form('plaintextRequests', 0), o);
  expect(evaluator(p)).toEqual({ type: 'gt', params: [0] });
  const expr = p.data[0].model.expr as string;
  expect(syntaxProblems(expr)).toEqual([]);
  expect(expr).toContain('connection_security_policy!="mutual_tls"');
  expect(expr).toContain('sum by (cluster, namespace, workload)');
  expect(defaultSummary(variantOf('plaintextRequests')!, 'Istio', 0)).toContain(
    '{{ $labels.namespace }}/{{ $labels.workload }}'
  );
  expect(p.annotations.description).toContain('per workload');
});

test('a mesh without request metrics has no such figure, and says so', () => {
  expect(() => alertRulePayload({ ...form('mtlsCoverageLow', 95), meshId: 'kuma' }, o)).toThrow(/no "mTLS coverage/);
});
