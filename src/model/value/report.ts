/**
 * The report's `value` block of one mesh (issue #17; the CLI contract of `meshtax report --format json`):
 * requests served, mTLS coverage, split services and resilience events, each a number or null with its reason
 * under the mesh's `reasons` (keyed `<mesh>.value.<field>`, `<mesh>.value.resilience.<field>`).
 */
import type { MeshDef } from '../catalogue';
import { meshFigureId, type MeshFigureKey } from '../figureKeys';
import { render } from '../promql/render';
import type { Selection } from '../scope';
import { noValueReason, RESILIENCE, VALUE_DEFS, type Resilience } from './defs';
import { plaintextRpsExpr } from './queries';

type Value = number | null;
type Query = (expr: string) => Promise<Array<{ metric: Record<string, string>; value: number }>>;

export interface PlaintextWorkload {
  namespace: string;
  workload: string;
  cluster?: string;
  rps: number;
}

export interface ValueBlock {
  requestsPerSecond: Value;
  mtlsShare: Value;
  splitServices: Value;
  resilience: Record<Resilience, Value>;
  costPerMillionRequests: Value;
  /** Requests per second ended by any of the four. */
  resilienceEvents: Value;
  /** Workloads still served in plaintext, busiest first; null when the mesh's metrics cannot tell. */
  plaintextWorkloads: PlaintextWorkload[] | null;
}

/** The workloads served in plaintext, from the raw series (a small query, even when figures are recorded). */
export async function plaintextWorkloads(q: Query, mesh: MeshDef, s: Selection): Promise<PlaintextWorkload[] | null> {
  const e = plaintextRpsExpr(mesh, { ...s, groupBy: 'workload' });
  if (!e) {
    return null;
  }
  const rows = await q(render(e));
  return rows
    .filter((r) => Number.isFinite(r.value))
    .map((r) => ({
      namespace: r.metric.namespace ?? '',
      workload: r.metric.workload ?? '',
      ...(r.metric.cluster ? { cluster: r.metric.cluster } : {}),
      rps: r.value,
    }))
    .sort((a, b) => b.rps - a.rps || `${a.namespace}/${a.workload}`.localeCompare(`${b.namespace}/${b.workload}`));
}

/**
 * Reads the block from the figures' values and reasons; adds a reason for every null (a figure the mesh's metrics
 * cannot give, or one whose query gave nothing) under the block's own key.
 */
export function valueBlock(
  mesh: MeshDef,
  values: Record<string, Value>,
  reasons: Record<string, string>,
  plaintext: PlaintextWorkload[] | null
): ValueBlock {
  const def = mesh.traffic ? VALUE_DEFS[mesh.id] : undefined;
  const read = (key: MeshFigureKey, field: string, missing: string | undefined): Value => {
    const id = meshFigureId(mesh.id, key);
    const v = values[id] ?? null;
    if (v === null) {
      reasons[`${mesh.id}.value.${field}`] = reasons[id] ?? missing ?? noValueReason(mesh.name);
    }
    return v;
  };
  const noDef = def ? undefined : noValueReason(mesh.name);
  return {
    requestsPerSecond: read('traffic.rps', 'requestsPerSecond', noDef),
    mtlsShare: read('value.mtlsShare', 'mtlsShare', noDef),
    splitServices: read('value.splitServices', 'splitServices', def?.unavailable.split ?? noDef),
    resilience: Object.fromEntries(
      RESILIENCE.map((r) => [
        r,
        read(`resilience.${r}`, `resilience.${r}`, def?.unavailable[r] ?? def?.unavailable.resilience ?? noDef),
      ])
    ) as Record<Resilience, Value>,
    costPerMillionRequests: read('value.costPerMillionRequests', 'costPerMillionRequests', noDef),
    resilienceEvents: read('value.resilienceEvents', 'resilienceEvents', def?.unavailable.resilience ?? noDef),
    plaintextWorkloads: plaintext,
  };
}
