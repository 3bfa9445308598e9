import { overviewDashboard, workloadDashboard } from '../dashboards';
import { syntaxProblems } from '../promql/validate';
import { render } from '../promql/render';
import { substitute, targetsOf } from '../../testing/dashboardQueries';
import { USAGE_GATE, USAGE_SOURCE_VAR, usageSourceExpr } from './gate';
import { MIXIN_METRICS, RAW_USAGE } from './mixin';

const USAGE_METRICS = [...MIXIN_METRICS, RAW_USAGE.cpu];

test('the usage source query parses, and its regex takes the usage label of query_result()', () => {
  expect(syntaxProblems(render(usageSourceExpr([])))).toEqual([]);
  const v = overviewDashboard().templating!.list!.find((x) => x.name === USAGE_SOURCE_VAR)!;
  expect(v.query).toMatchObject({ query: expect.stringMatching(/^query_result\(label_join\(/) });
});

test.each([
  ['overview', overviewDashboard()],
  ['workload', workloadDashboard()],
])(
  '%s dashboard: every CPU usage selector is gated and every gated query parses once Grafana has substituted its variables',
  (_, d) => {
    const exprs = targetsOf(d).map((t) => t.expr);
    const gated = exprs.filter((e) => e.includes(`__name__=~"${USAGE_GATE}"`));
    expect(gated.length).toBeGreaterThan(10);
    for (const e of gated) {
      expect(syntaxProblems(substitute(e))).toEqual([]);
    }
    // No CPU series (mixin or raw) is read outside the gate: an ungated one would read both sources at once.
    for (const e of exprs) {
      for (const m of USAGE_METRICS) {
        expect({ e, ungated: e.includes(`${m}{`) }).toEqual({ e, ungated: false });
      }
    }
  }
);
