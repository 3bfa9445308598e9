/**
 * The scene pages' usage source (issue #19 §1): the Breakdown asks the cached probe before it builds its queries, then
 * reads the kubernetes-mixin's series when the probe finds them, and says so on the page. The data source is stood in
 * for; `src/__int__/sceneSource.int.test.ts` runs the same decision and queries against a real Prometheus.
 */
import React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { setPluginImportUtils } from '@grafana/runtime';
import {
  ConstantVariable,
  EmbeddedScene,
  SceneQueryRunner,
  SceneReactObject,
  SceneVariableSet,
  type SceneFlexItem,
  type SceneObject,
} from '@grafana/scenes';
import { MeshBreakdown } from '../../features/breakdown/MeshBreakdown';
import { CATALOGUE } from '../../model/catalogue';
import { DEFAULT_FIGURE_OPTIONS } from '../../model/figureSet';
import { DEFAULT_SETTINGS } from '../../model/settings';
import { MIXIN_CPU_RULES, MIXIN_MEMORY_RULE } from '../../model/source/mixin';
import { dsInstantQuery } from '../../services/prometheus';
import { meshOptions } from './meshDetection';
import { sceneBasis } from './MeshScene';
import { MeshVariable } from './meshVariable';
import { sidecarMeshes } from './variables';

jest.mock('../../services/prometheus', () => ({ dsInstantQuery: jest.fn() }));
setPluginImportUtils({ importPanelPlugin: () => new Promise(() => {}), getPanelPluginFromCache: () => undefined });
(global as any).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

const SIDECARS = sidecarMeshes(CATALOGUE);
/** The mixin probe's answer: both rules have series. */
const probe = jest.fn(async () => [
  { metric: { __name__: MIXIN_CPU_RULES.sum_rate5m }, value: 120 },
  { metric: { __name__: MIXIN_MEMORY_RULE }, value: 120 },
]);
(dsInstantQuery as jest.Mock).mockReturnValue(probe);

function breakdownOn(uid: string) {
  const breakdown = new MeshBreakdown({ figureOptions: DEFAULT_FIGURE_OPTIONS, basis: undefined });
  const mesh = new MeshVariable(
    SIDECARS,
    { clusterRegex: '$cluster', namespaceInclude: '$namespace' },
    {
      type: 'prometheus',
      uid,
    }
  );
  mesh.setState({ options: meshOptions(SIDECARS, new Set(['istio'])), value: 'istio', text: 'istio' });
  new EmbeddedScene({
    $variables: new SceneVariableSet({ variables: [new ConstantVariable({ name: 'datasource', value: uid }), mesh] }),
    body: breakdown,
  });
  return breakdown;
}

function queriesOf(root: SceneObject): string[] {
  const out: string[] = [];
  root.forEachChild((c) => {
    if (c instanceof SceneQueryRunner) {
      out.push(...c.state.queries.map((q) => String(q.expr)));
    }
    out.push(...queriesOf(c));
  });
  return out;
}

test('the Breakdown waits for the probe, then reads the mixin rules it found; the cache spares the next page a probe', async () => {
  const breakdown = breakdownOn('prom-a');
  breakdown.activate();
  // No query is built before the decision: none would be sent only to be replaced.
  expect(breakdown.state.body).toBeUndefined();
  await waitFor(() => expect(breakdown.state.body).toBeDefined());
  expect(breakdown.state.source).toMatchObject({ kind: 'mixin', mixin: { cpu: 'sum_rate5m', memory: true } });
  const queries = queriesOf(breakdown.state.body!);
  expect(queries.length).toBeGreaterThan(5);
  const usage = queries.filter((q) => q.includes('node_namespace_pod_container:'));
  expect(usage.length).toBeGreaterThan(3);
  for (const q of queries) {
    expect(q).not.toMatch(/(?<!:)container_(cpu_usage_seconds_total|memory_working_set_bytes)\{/);
  }
  expect(probe).toHaveBeenCalledTimes(1);

  const again = breakdownOn('prom-a');
  again.activate();
  await waitFor(() => expect(again.state.body).toBeDefined());
  expect(again.state.source?.kind).toBe('mixin');
  expect(probe).toHaveBeenCalledTimes(1);
});

test('the page says which series its usage came from, with the reason on hover', async () => {
  const breakdown = breakdownOn('prom-b');
  breakdown.setState({ basis: sceneBasis(DEFAULT_SETTINGS.options) });
  breakdown.activate();
  await waitFor(() => expect(breakdown.state.body).toBeDefined());
  const notice = (breakdown.state.body!.state.children as SceneFlexItem[]).find(
    (c) => c.state.body instanceof SceneReactObject
  )!;
  render(<>{(notice.state.body as SceneReactObject).state.reactNode}</>);
  expect(screen.getByText('Usage read from')).toBeInTheDocument();
  expect(screen.getByText('kubernetes-mixin')).toBeInTheDocument();
});

test('a failing probe reads raw series and says why', async () => {
  probe.mockRejectedValueOnce(new Error('bad gateway'));
  const breakdown = breakdownOn('prom-c');
  breakdown.activate();
  await waitFor(() => expect(breakdown.state.body).toBeDefined());
  expect(breakdown.state.source).toMatchObject({ kind: 'raw' });
  expect(breakdown.state.source?.note).toMatch(/failed \(bad gateway\)/);
  expect(queriesOf(breakdown.state.body!).join('\n')).not.toContain('node_namespace_pod_container:');
});
