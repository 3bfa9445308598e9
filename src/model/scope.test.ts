import { scopeMatchers } from './scope';

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
