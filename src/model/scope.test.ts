import { metricsOf } from './metrics';
import { sel } from './promql/dsl';
import { render } from './promql/render';
import { podWorkloadFromOwners, scopeMatchers, withWorkload, workloadFromPodName } from './scope';

/** The pod regex a workload filter produces, anchored as Prometheus anchors it. */
function podRegex(workload: string): RegExp {
  const m = scopeMatchers({ window: '5m', groupBy: 'none', workloadInclude: workload }).find((x) => x.label === 'pod')!;
  return new RegExp(`^(?:${m.value})$`);
}

test.each([
  ['cart-7d9f8c6b5-abcde', true], // Deployment
  ['cart-x7k2p', true], // DaemonSet
  ['cart-0', true], // StatefulSet
  ['cart-api-7d9f8c6b5-abcde', false], // another workload that starts with the same name
  ['cart-api-0', false],
  ['cartx-7d9f8c6b5-abcde', false],
])('workload "cart" matches pod %s: %s', (pod, expected) => {
  expect(podRegex('cart').test(pod)).toBe(expected);
});

describe('workloads from owners', () => {
  const s = { window: '5m', groupBy: 'workload' as const, cluster: 'c1' };
  const e = sel('x');

  test("a pod gets its owners' workload, else its name rule, per pod", () => {
    const w = withWorkload(e, s);
    expect(w.kind === 'binary' && w.op).toBe('or');
    if (w.kind === 'binary') {
      expect(w.matching).toEqual({ on: ['cluster', 'namespace', 'pod'] });
      expect(w.lhs.kind === 'binary' && w.lhs.matching).toEqual({
        on: ['cluster', 'namespace', 'pod'],
        groupLeft: ['workload'],
      });
      expect(render(w.rhs)).toBe(render(workloadFromPodName(e)));
    }
  });

  test('owners: controller owners only, the Deployment behind a ReplicaSet and the CronJob behind a Job, in scope', () => {
    const q = render(podWorkloadFromOwners(s));
    expect([...metricsOf(podWorkloadFromOwners(s))].sort()).toEqual([
      'kube_job_owner',
      'kube_pod_owner',
      'kube_replicaset_owner',
    ]);
    expect(q).toContain('owner_is_controller="true"');
    expect(q).toContain('kube_replicaset_owner{owner_kind="Deployment", cluster="c1"}');
    expect(q).toContain('kube_job_owner{owner_kind="CronJob", cluster="c1"}');
    expect(q.startsWith('group by (cluster, namespace, pod, workload)')).toBe(true);
  });
});
