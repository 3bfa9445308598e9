/**
 * The shape Breakdown, Latency and Workload share (issue #15): a scene body rebuilt from the model whenever the Mesh
 * variable (or one of the page's own variables) changes, for the meshes that variable chooses. One mesh, or with All
 * every detected mesh; each with its detection, so a page can say "not detected" instead of drawing empty panels.
 */
import {
  SceneObjectBase,
  VariableDependencyConfig,
  sceneGraph,
  type SceneObject,
  type SceneObjectState,
} from '@grafana/scenes';
import type { MeshDef } from '../../model/catalogue';
import { basisOf, type FigureBasisInfo } from '../../model/figureBasis';
import type { FigureOptions } from '../../model/figures';
import type { MeshTaxOptions } from '../../model/options/types';
import { MeshVariable, NOT_DETECTED, VAR_MESH, type Detection } from './meshVariable';
import { probeKey, sceneUsageSource, type UsageSource } from './usageSource';
import { VAR_CLUSTER, VAR_DATASOURCE } from './variables';

export interface ChosenMesh {
  mesh: MeshDef;
  /** Undefined when the page has no detecting Mesh variable (a fixed choice). */
  detection?: Detection;
}

export interface MeshSceneState extends SceneObjectState {
  /** The configured options; once the usage probe has answered, with its mixin rules (`usageMixin`) in them. */
  figureOptions: FigureOptions;
  /** Where the page's usage figures are read from, for the data source and cluster chosen (usageSource.ts). */
  source?: UsageSource;
  /** How the page's costs are priced and over which window, said once at the top (FigureBasis). */
  basis?: FigureBasisInfo;
}

/**
 * The basis of a scenes page's figures: the configured prices ("auto" is decided inside each query), instant values
 * at the configured window, as the report's (the scenes do not average over a span, whatever the Overview does).
 */
export function sceneBasis(o: MeshTaxOptions): FigureBasisInfo {
  return basisOf({ ...o, averageOver: undefined }, { window: o.window });
}

/** A variable's value as a regex (scenes escapes each value); All (.*) means "no filter". */
function regexOf(from: SceneObject, name: string): string | undefined {
  const v = sceneGraph.interpolate(from, `\${${name}:regex}`);
  return v === '' || v === '.*' || v === `$${name}` ? undefined : v;
}

/** The meshes the Mesh variable above `from` chooses; empty while its options are still loading. */
export function chosenMeshes(from: SceneObject, meshes: MeshDef[]): ChosenMesh[] {
  const v = sceneGraph.lookupVariable(VAR_MESH, from);
  if (!(v instanceof MeshVariable)) {
    const id = String(v?.getValue() ?? '');
    return [{ mesh: meshes.find((m) => m.id === id) ?? meshes[0] }];
  }
  if (!v.state.options.length) {
    return [];
  }
  const listed = (id: string) => meshes.find((m) => m.id === id);
  if (v.hasAllValue()) {
    // All means every mesh that runs here; when none does (or detection failed), every mesh listed.
    const present = v.state.options.filter((o) => o.group !== NOT_DETECTED);
    return (present.length ? present : v.state.options).flatMap((o) => {
      const mesh = listed(String(o.value));
      return mesh ? [{ mesh, detection: o.group as Detection }] : [];
    });
  }
  const mesh = listed(String(v.getValue()));
  return mesh ? [{ mesh, detection: v.detectionOf(mesh.id) }] : [];
}

/** Why detection failed, when it did (the variable then lists every mesh). */
export function detectionError(from: SceneObject): string | undefined {
  const v = sceneGraph.lookupVariable(VAR_MESH, from);
  return v instanceof MeshVariable ? v.detectionError : undefined;
}

/**
 * A page body that rebuilds itself on activation and whenever the Mesh variable or `extraVariables` change.
 * Subclasses implement `rebuild()` and read `this.chosen()`.
 */
export abstract class MeshScene<S extends MeshSceneState> extends SceneObjectBase<S> {
  protected _variableDependency = new VariableDependencyConfig(this, {
    variableNames: [VAR_MESH, VAR_DATASOURCE, VAR_CLUSTER, ...this.extraVariables()],
    onReferencedVariableValueChanged: () => this.update(),
  });

  /** The options as configured, before the probe adds its mixin rules. */
  private readonly configured: FigureOptions;
  /** The data source and cluster scope the current source was decided for. */
  private decidedFor?: string;
  private asked = 0;

  constructor(state: S) {
    super(state);
    this.configured = state.figureOptions;
    this.addActivationHandler(() => this.update());
  }

  /**
   * Rebuilds the body, first asking (once per data source and cluster scope, cached for the app) which usage series
   * to read, so that the queries built are the ones that stay: no raw queries sent and then replaced.
   */
  private update() {
    const uid = String(sceneGraph.lookupVariable(VAR_DATASOURCE, this)?.getValue() ?? '');
    const clusterRegex = regexOf(this, VAR_CLUSTER);
    const key = probeKey(uid, clusterRegex);
    if (!uid || key === this.decidedFor) {
      this.rebuild();
      return;
    }
    const ask = ++this.asked;
    const custom = this.configured.meshes.some((m) => m.id === 'custom');
    void sceneUsageSource(uid, clusterRegex, this.configured, custom).then((source) => {
      if (ask !== this.asked) {
        return;
      }
      this.decidedFor = key;
      const usageMixin = source.mixin ?? undefined;
      this.setState({ figureOptions: { ...this.configured, usageMixin }, source } as Partial<S>);
      this.rebuild();
    });
  }

  /** The page's own variables the body depends on, besides the mesh. */
  protected extraVariables(): string[] {
    return [];
  }

  protected abstract rebuild(): void;

  protected chosen(): ChosenMesh[] {
    return chosenMeshes(this, this.state.figureOptions.meshes);
  }
}
