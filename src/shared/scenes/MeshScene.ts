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

export interface ChosenMesh {
  mesh: MeshDef;
  /** Undefined when the page has no detecting Mesh variable (a fixed choice). */
  detection?: Detection;
}

export interface MeshSceneState extends SceneObjectState {
  figureOptions: FigureOptions;
  /** How the page's costs are priced and over which window, said once at the top (FigureBasis). */
  basis?: FigureBasisInfo;
}

/**
 * The basis of a scenes page's figures: the configured prices ("auto" is decided inside each query), instant values
 * at Grafana's rate interval (the scenes do not average over a span, whatever the Overview does).
 */
export function sceneBasis(o: MeshTaxOptions): FigureBasisInfo {
  return basisOf({ ...o, averageOver: undefined }, { window: '$__rate_interval' });
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
    variableNames: [VAR_MESH, ...this.extraVariables()],
    onReferencedVariableValueChanged: () => this.rebuild(),
  });

  constructor(state: S) {
    super(state);
    this.addActivationHandler(() => this.rebuild());
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
