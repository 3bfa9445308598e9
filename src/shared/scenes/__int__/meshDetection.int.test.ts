/**
 * The Mesh variable's detection (issue #16 §4), run against a real Prometheus on every demo preset but `large`
 * (bench only) and read the way Grafana reads a `query_result()` variable: each series written as
 * `{labels} value ms` (packages/grafana-prometheus/src/metric_find_query.ts), then the variable's regex picks the
 * option. Which meshes a preset runs is read from its spec in demo/presets.ts, never typed in here.
 */
import { startPrometheus, type PromHandle } from '../../../../demo/harness';
import { migration, PRESETS } from '../../../../demo/presets';
import type { ClusterSpec } from '../../../../demo/types';
import { CATALOGUE } from '../../../model/catalogue';
import { syntaxProblems } from '../../../model/promql/validate';
import { DETECTED, MESH_OPTION_REGEX, meshDetectionQuery, meshOptions } from '../meshDetection';

/** The meshes a spec runs, from its namespaces and its CNI. */
function meshesOf(spec: ClusterSpec): Set<string> {
  const ids = new Set<string>(spec.namespaces.map((n) => n.mesh).filter((m) => m !== 'none'));
  if (spec.cilium) {
    ids.add('cilium');
  }
  return ids;
}

const asText = (metric: Record<string, string>, value: number, t: number) =>
  `{${Object.entries(metric)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}} ${value} ${t * 1000}`;

function option(text: string): string | undefined {
  const body = MESH_OPTION_REGEX.slice(1, MESH_OPTION_REGEX.lastIndexOf('/'));
  return new RegExp(body).exec(text)?.[1];
}

/** The variable's query at All cluster and namespaces (allValue .*), run as Grafana would, to the option values. */
async function detect(prom: PromHandle, namespaces = '.*'): Promise<Set<string>> {
  const text = meshDetectionQuery(CATALOGUE, { clusterRegex: '$cluster', namespaceInclude: '$namespace' });
  const m = /^query_result\(([\s\S]+)\)$/.exec(text);
  expect(m).not.toBeNull();
  const expr = m![1].replace(/\$cluster/g, '.*').replace(/\$namespace/g, namespaces);
  expect(syntaxProblems(expr)).toEqual([]);
  const got = await prom.query(expr);
  return new Set(got.map((s) => option(asText(s.metric, s.value, prom.evalTime))!));
}

const presets = Object.keys(PRESETS).filter((p) => p !== 'large');

test.each(presets)('%s: the variable lists exactly the meshes the preset runs', async (name) => {
  const prom = await startPrometheus({ preset: name });
  try {
    const want = new Set([...meshesOf(PRESETS[name])].filter((id) => CATALOGUE.some((m) => m.id === id)));
    expect(want.size).toBeGreaterThan(0);
    expect(await detect(prom)).toEqual(want);
  } finally {
    await prom.stop();
  }
});

describe('a Linkerd-only cluster (migration without its Istio namespaces)', () => {
  const linkerdOnly: ClusterSpec = {
    ...migration,
    preset: 'migration-linkerd-only',
    namespaces: migration.namespaces.filter((n) => n.mesh !== 'istio'),
  };
  let prom: PromHandle;
  beforeAll(async () => {
    prom = await startPrometheus({ spec: linkerdOnly });
  });
  afterAll(async () => {
    await prom?.stop();
  });

  test('opens on Linkerd: the first option is Linkerd, Istio is listed after it as not detected', async () => {
    const detected = await detect(prom);
    expect(detected).toEqual(meshesOf(linkerdOnly));
    const sidecars = CATALOGUE.filter((m) => m.dataPlaneKind === 'sidecar');
    const options = meshOptions(sidecars, detected);
    // MultiValueVariable takes the first option when the URL names none.
    expect(options[0]).toMatchObject({ value: 'linkerd', group: DETECTED });
    expect(options.find((o) => o.value === 'istio')).toMatchObject({ label: 'Istio (sidecar) (not detected)' });
    expect(options.map((o) => o.value).sort()).toEqual(sidecars.map((m) => m.id).sort());
  });

  test('the namespace variable scopes detection: none of the meshes runs in the unmeshed namespace', async () => {
    const unmeshed = linkerdOnly.namespaces.find((n) => n.mesh === 'none')!.name;
    expect(await detect(prom, unmeshed)).toEqual(new Set());
  });
});
