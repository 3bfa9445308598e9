/** From the builder's state to one figure of the model, with a message per invalid field. */
import type { MeshDef } from '../catalogue';
import { meshFigures } from '../figureSet';
import type { Figure, FigureOptions } from '../figures';
import { assertDuration, assertRegex, durationSeconds, QueryInputError } from '../promql/escape';
import { validatePricing, type Pricing } from '../pricing';
import type { Selection } from '../scope';
import { builderFigure, type BuilderFigure, type BuilderInput } from './catalogue';
import type { BuilderField, BuilderState } from './state';

export interface BuildResult {
  errors: Partial<Record<BuilderField, string>>;
import { meshFigureId } from '../figureKeys';
  mesh?: MeshDef;
  spec?: BuilderFigure;
  selection?: Selection;
  options?: FigureOptions;
  figure?: Figure;
  /** Why the chosen mesh has no such figure, when every field is valid. */
  unavailable?: string;
}

const PRICE_FIELDS: Record<string, BuilderField> = {
  'cpu-hour-usd': 'cpuHourUsd',
  'gib-hour-usd': 'gibHourUsd',
  'hours-per-month': 'hoursPerMonth',
  basis: 'basis',
};

function messageOf(e: unknown): string {
  // The model's messages start with the CLI flag name; at a form field the label says that already.
  return e instanceof QueryInputError ? e.message.replace(/^[A-Za-z-]+: /, '') : (e as Error).message;
}

function number(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}

export function selectionOf(s: BuilderState, errors: BuildResult['errors']): Selection {
  const attempt = (field: BuilderField, f: () => void) => {
    try {
      f();
    } catch (e) {
      errors[field] = messageOf(e);
    }
  };
  attempt('window', () => {
    assertDuration(s.window, 'window');
    // Grafana's $__ macros are valid in dashboards but mean nothing to Prometheus itself, where the preview runs.
    if (durationSeconds(s.window) <= 0) {
      throw new QueryInputError('window', 'window: must be longer than 0s');
    }
  });
  const regexes: Array<[BuilderField, string]> = [
    ['namespaceInclude', s.namespaceInclude],
    ['namespaceExclude', s.namespaceExclude],
    ['workloadInclude', s.workloadInclude],
  ];
  regexes.forEach(([field, v]) => v && attempt(field, () => assertRegex(v, field)));
  return {
    window: s.window,
    groupBy: s.groupBy,
    cluster: s.cluster || undefined,
    namespaceInclude: s.namespaceInclude || undefined,
    namespaceExclude: s.namespaceExclude || undefined,
    workloadInclude: s.workloadInclude || undefined,
  };
}

export function pricingOfState(s: BuilderState, errors: BuildResult['errors']): Pricing {
  const p: Pricing = {
    source: s.priceSource,
    cpuHourUsd: number(s.cpuHourUsd),
    gibHourUsd: number(s.gibHourUsd),
    hoursPerMonth: number(s.hoursPerMonth),
    basis: s.basis,
  };
  // validatePricing stops at the first fault: check each field alone so that every bad field shows its message.
  const fields: Array<keyof Pricing> =
    p.source === 'flat' ? ['cpuHourUsd', 'gibHourUsd', 'hoursPerMonth'] : ['hoursPerMonth'];
  const ok: Pricing = { source: 'flat', cpuHourUsd: 0, gibHourUsd: 0, hoursPerMonth: 730, basis: 'usage' };
  for (const f of fields) {
    try {
      validatePricing({ ...ok, [f]: p[f] });
    } catch (e) {
      const field = e instanceof QueryInputError ? PRICE_FIELDS[e.field] : undefined;
      errors[field ?? (f as BuilderField)] = messageOf(e);
    }
  }
  return p;
}

function whyUnavailable(mesh: MeshDef, spec: BuilderFigure, s: BuilderState): string {
  const what = `${mesh.name} has no “${spec.label}”`;
  if (spec.kind === 'p99Added') {
    if (!mesh.latency) {
      return `${what}: it exports no latency histogram the model reads.`;
    }
    return `${what} with app-vs-mesh unless grouped by workload: each workload is compared with its own histogram.`;
  }
  if (spec.kind === 'controlPlaneCost') {
    return `${what}: the catalogue knows no control-plane pods for it.`;
  }
  if (!mesh.dataPlane && spec.kind !== 'monthlyCost') {
    return `${what}: it runs no per-workload proxies (its data plane is per node).`;
  }
  if (!mesh.traffic) {
    return `${what}: it exports no request counter the model reads.`;
  }
  return `${what} for this selection (group: ${s.groupBy}).`;
}

/** Builds the chosen figure; `meshes` is the whole catalogue in use (native sidecar names come from all of them). */
export function buildFigure(s: BuilderState, meshId: string, meshes: MeshDef[]): BuildResult {
  const errors: BuildResult['errors'] = {};
  const spec = builderFigure(s.figure);
  const mesh = meshes.find((m) => m.id === meshId);
  if (!mesh) {
    errors.mesh = meshId ? `unknown mesh “${meshId}”` : 'choose a mesh';
  }
  const selection = selectionOf(s, errors);
  // Only the inputs the figure uses are checked: a bad price must not block a figure that has no price.
  const uses = (input: BuilderInput) => !!spec?.inputs.includes(input);
  const pricing = pricingOfState(s, uses('pricing') ? errors : {});
  const idleRps = number(s.idleRps);
  if (uses('idle') && (!Number.isFinite(idleRps) || idleRps < 0)) {
    errors.idleRps = `${s.idleRps || '(empty)'} is not a request rate (0 or more requests per second)`;
  }
  if (uses('latency') && s.method === 'baseline') {
    try {
      durationSeconds(assertDuration(s.baselineOffset, 'offset'));
    } catch (e) {
      errors.baselineOffset = messageOf(e);
    }
  }
  const options: FigureOptions = {
    pricing,
    latency: { method: s.method, quantile: 0.99, baselineOffset: s.baselineOffset },
    idleRps,
    meshes,
  };
  if (!spec || !mesh || Object.keys(errors).length > 0) {
    return { errors, mesh, spec, selection, options };
  }
  const id = meshFigureId(mesh.id, spec.key, options.latency.quantile);
  const figure = meshFigures(mesh, selection, options).find((f) => f.id === id);
  return figure
    ? { errors, mesh, spec, selection, options, figure }
    : { errors, mesh, spec, selection, options, unavailable: whyUnavailable(mesh, spec, s) };
}
