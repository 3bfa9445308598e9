import { defaultSummary } from '../../model/alerts/payload';
import { ALERT_VARIANTS, variantOf } from '../../model/alerts/variants';
import { ruleCheck, summaryPreview } from './ruleText';

test('the Kind says what each variant checks, with the rule’s threshold and no template placeholder left', () => {
  expect(ruleCheck(variantOf('monthlyCost')!, 1000)).toBe('Monthly cost above $1,000');
  expect(ruleCheck(variantOf('cpuShare')!, 12.5)).toBe('Share of cluster CPU above 12.5%');
  expect(ruleCheck(variantOf('p99Added')!, 20)).toBe('p99 latency added above 20 ms');
  expect(ruleCheck(variantOf('idleCost')!, 100)).toBe('Idle-sidecar cost above $100');
  for (const v of ALERT_VARIANTS) {
    expect(ruleCheck(v, 7)).not.toMatch(/\b[XYZ]\b/);
  }
});

test('the default summary reads as a notification would, every template replaced', () => {
  for (const v of ALERT_VARIANTS) {
    const text = summaryPreview(defaultSummary(v, 'Linkerd', v.defaultThreshold));
    expect(text).not.toMatch(/\{\{|\}\}|\$values|printf/);
    expect(text).toMatch(/^Linkerd in cluster ‹cluster› .*‹value›/);
  }
  expect(summaryPreview(defaultSummary(variantOf('monthlyCost')!, 'Linkerd', 500))).toBe(
    'Linkerd in cluster ‹cluster› costs ‹value› per month (sidecars, control plane and node agents), above the $500 threshold.'
  );
  expect(summaryPreview('{{ $labels.namespace }} / {{ humanize 3 }}')).toBe('‹namespace› / ‹…›');
});
