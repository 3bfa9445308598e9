/**
 * The value figures' entries of the figure table (issue #17): what the mesh does, next to what it costs. Spread
 * into MESH_FIGURES by figureTable.ts; the queries are in ./queries.ts.
 */
import type { MeshFigureKey } from '../figureKeys';
import type { MeshFigureDef } from '../figureTable';
import { RESILIENCE, type Resilience } from './defs';
import {
  costPerMillionExpr,
  mtlsRpsExpr,
  mtlsShareExpr,
  plaintextRpsTotalExpr,
  requestsPerMonthPerRps,
  resilienceExpr,
  splitServicesExpr,
} from './queries';

type ValueKey = Extract<
  MeshFigureKey,
  `value.${string}` | `resilience.${string}` | 'traffic.mtlsRps' | 'traffic.plaintextRps'
>;

const RESILIENCE_TEXT: Record<Resilience, { title: string; record: string }> = {
  circuitBreaking: { title: 'circuit breaking (UO)', record: 'circuit_breaking' },
  retriesExhausted: { title: 'retries exhausted (URX)', record: 'retries_exhausted' },
  timeouts: { title: 'upstream timeouts (UT)', record: 'timeouts' },
  rateLimited: { title: 'rate limited (RL)', record: 'rate_limited' },
};

const resilience = Object.fromEntries(
  RESILIENCE.map((r): [ValueKey, MeshFigureDef] => [
    `resilience.${r}`,
    {
      role: 'dataPlane',
      title: `requests ended by ${RESILIENCE_TEXT[r].title}`,
      label: `Requests ended by ${RESILIENCE_TEXT[r].title}`,
      unit: 'eventsps',
      build: (c) => resilienceExpr(c.mesh, r, c.s),
      alertable: false,
      record: `meshtax:${RESILIENCE_TEXT[r].record}_requests:rate`,
      merge: { op: 'sum' },
    },
  ])
) as Record<`resilience.${Resilience}`, MeshFigureDef>;

export const VALUE_FIGURES: Record<ValueKey, MeshFigureDef> = {
  'traffic.mtlsRps': {
    role: 'dataPlane',
    title: 'requests served over mutual TLS',
    label: 'Requests served over mTLS',
    unit: 'reqps',
    build: (c) => mtlsRpsExpr(c.mesh, c.s),
    alertable: false,
    record: 'meshtax:requests_mtls:rate',
    merge: { op: 'sum' },
  },
  'traffic.plaintextRps': {
    role: 'dataPlane',
    title: 'requests served in plaintext',
    label: 'Requests served in plaintext',
    unit: 'reqps',
    build: (c) => plaintextRpsTotalExpr(c.mesh, c.s),
    alertable: true,
    record: 'meshtax:requests_plaintext:rate',
    merge: { op: 'sum' },
  },
  'value.mtlsShare': {
    role: 'dataPlane',
    title: 'mTLS coverage (share of requests served over mutual TLS)',
    label: 'mTLS coverage',
    unit: 'percentunit',
    build: (c) => mtlsShareExpr(c.mesh, c.s),
    alertable: true,
    record: 'meshtax:requests_mtls_share:ratio',
    merge: { op: 'ratio', num: 'traffic.mtlsRps', den: 'traffic.rps' },
  },
  'value.splitServices': {
    role: 'dataPlane',
    title: 'services splitting traffic over 2+ versions',
    label: 'Traffic splitting (services)',
    unit: 'services',
    build: (c) => splitServicesExpr(c.mesh, c.s),
    alertable: false,
    record: 'meshtax:split_services:count',
    merge: { op: 'sum' },
  },
  'value.costPerMillionRequests': {
    role: 'dataPlane',
    title: 'cost per million requests served',
    label: 'Cost per million requests',
    unit: 'currencyUSD',
    build: (c) => costPerMillionExpr(c.mesh, c.s, c.o),
    alertable: false,
    record: 'meshtax:cost_per_million_requests_usd:ratio',
    merge: { op: 'ratio', num: 'cost.total', den: 'traffic.rps', denScale: (o) => 1e6 / requestsPerMonthPerRps(o) },
  },
  'value.resilienceEvents': {
    role: 'dataPlane',
    title: 'requests ended by a resilience feature (UO, URX, UT or RL)',
    label: 'Resilience events',
    unit: 'eventsps',
    build: (c) => resilienceExpr(c.mesh, 'all', c.s),
    alertable: false,
    record: 'meshtax:resilience_events_requests:rate',
    merge: { op: 'sum' },
  },
  ...resilience,
};
