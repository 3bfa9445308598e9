/** From the builder's state to one figure of the model, with a message per invalid field. */
import type { MeshDef } from '../catalogue';
import { meshFigures } from '../figureSet';
import type { Figure, FigureOptions } from '../figures';
import type { OptionField, OptionValues } from '../options/fields';
import { figureOptions } from '../options/figureOptions';
import { resolveOptions } from '../options/resolve';
import type { MeshTaxOptions } from '../options/types';
import { regexProblem } from '../promql/escape';
import type { Selection } from '../scope';
import { builderFigure, type BuilderFigure, type BuilderInput } from './catalogue';
import type { BuilderField, BuilderState } from './state';
import { meshFigureId } from '../figureKeys';
import { valueUnavailable } from '../value/defs';

export interface BuildResult {
  errors: Partial<Record<BuilderField, string>>;
  mesh?: MeshDef;
  spec?: BuilderFigure;
  selection?: Selection;
  options?: FigureOptions;
  figure?: Figure;
  /** Why the chosen mesh has no such figure, when every field is valid. */
  unavailable?: string;
}

/** The builder's input for each option field it shows (the option's own name unless the URL contract differs). */
const INPUT_OF: Partial<Record<OptionField, BuilderField>> = {
  pricingSource: 'priceSource',
  cpuHourUsd: 'cpuHourUsd',
  gibHourUsd: 'gibHourUsd',
  hoursPerMonth: 'hoursPerMonth',
  basis: 'basis',
  idleRps: 'idleRps',
  latencyMethod: 'method',
  baselineOffset: 'baselineOffset',
  window: 'window',
  namespaceExclude: 'namespaceExclude',
};

/** The draft's option fields, as typed: the resolver parses and checks them like stored settings or flags. */
function optionValues(s: BuilderState): OptionValues {
  return {
    pricingSource: s.priceSource,
    cpuHourUsd: s.cpuHourUsd,
    gibHourUsd: s.gibHourUsd,
    hoursPerMonth: s.hoursPerMonth,
    basis: s.basis,
    idleRps: s.idleRps,
    latencyMethod: s.method,
    baselineOffset: s.baselineOffset,
    window: s.window,
    namespaceExclude: s.namespaceExclude,
  };
}

/** Which option fields a figure reads: a bad value elsewhere must not block it. */
function fieldsUsed(s: BuilderState, uses: (input: BuilderInput) => boolean): OptionField[] {
  const fields: OptionField[] = ['window', 'namespaceExclude'];
  if (uses('pricing')) {
    fields.push('hoursPerMonth', 'basis', ...(s.priceSource !== 'opencost' ? (['cpuHourUsd', 'gibHourUsd'] as const) : []));
  }
  if (uses('idle')) {
    fields.push('idleRps');
  }
  if (uses('latency') && s.method === 'baseline') {
    fields.push('baselineOffset');
  }
  return fields;
}

export function optionsOfState(
  s: BuilderState,
  uses: (input: BuilderInput) => boolean,
  errors: BuildResult['errors']
): MeshTaxOptions {
  const resolved = resolveOptions(optionValues(s));
  for (const field of fieldsUsed(s, uses)) {
    const message = resolved.errors[field];
    if (message) {
      errors[INPUT_OF[field] ?? (field as BuilderField)] = message;
    }
  }
  // Grafana's $__ macros are valid in dashboards but mean nothing to Prometheus itself, where the preview runs.
  if (!errors.window && s.window.startsWith('$__')) {
    errors.window = `"${s.window}" is a Grafana macro: the preview runs on Prometheus itself, give a duration such as 5m`;
  }
  return resolved.options;
}

export function selectionOf(s: BuilderState, errors: BuildResult['errors']): Selection {
  const regexes: Array<[BuilderField, string]> = [
    ['namespaceInclude', s.namespaceInclude],
    ['workloadInclude', s.workloadInclude],
  ];
  for (const [field, v] of regexes) {
    const problem = v ? regexProblem(v) : undefined;
    if (problem) {
      errors[field] = problem;
    }
  }
  return {
    window: s.window,
    groupBy: s.groupBy,
    cluster: s.cluster || undefined,
    namespaceInclude: s.namespaceInclude || undefined,
    namespaceExclude: s.namespaceExclude || undefined,
    workloadInclude: s.workloadInclude || undefined,
  };
}

function whyUnavailable(mesh: MeshDef, spec: BuilderFigure, s: BuilderState): string {
  const what = `${mesh.name} has no “${spec.label}”`;
  if (spec.kind === 'p99Added') {
    if (!mesh.latency) {
      return `${what}: it exports no latency histogram the model reads.`;
    }
    return `${what} with app-vs-mesh unless grouped by workload: each workload is compared with its own histogram.`;
  }
  const value = valueUnavailable(mesh, spec.key, s.groupBy);
  if (value) {
    return `${what}: ${value.replace(/^unavailable:? ?/, '')}`;
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
  // Only the inputs the figure uses are checked: a bad price must not block a figure that has no price.
  const uses = (input: BuilderInput) => !!spec?.inputs.includes(input);
  const selection = selectionOf(s, errors);
  const options: FigureOptions = { ...figureOptions(optionsOfState(s, uses, errors), s.priceSource), meshes };
  if (!spec || !mesh || Object.keys(errors).length > 0) {
    return { errors, mesh, spec, selection, options };
  }
  const id = meshFigureId(mesh.id, spec.key, options.latency.quantile);
  const figure = meshFigures(mesh, selection, options).find((f) => f.id === id);
  return figure
    ? { errors, mesh, spec, selection, options, figure }
    : { errors, mesh, spec, selection, options, unavailable: whyUnavailable(mesh, spec, s) };
}
