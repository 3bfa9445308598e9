/**
 * The full list of figures for a set of meshes and a selection: what `meshtax queries` prints and the report runs.
 * A selection with `averageOver` gets each figure's mean over that span (average.ts), here, for every caller.
 */
import { asSelected } from './average';
import type { MeshDef } from './catalogue';
import { meshFigureId } from './figureKeys';
import { CLUSTER_FIGURE_KEYS, CLUSTER_FIGURES, MESH_FIGURE_KEYS, MESH_FIGURES, titleOf } from './figureTable';
import { roleMatchers, toFigure, type Figure, type FigureOptions } from './figures';
import { DEFAULT_OPTIONS } from './options/defaults';
import { figureOptions } from './options/figureOptions';
import type { Selection } from './scope';

/** The defaults every generated artefact starts from (flat article pricing, reporter-delta p99, 1 rps idle). */
export const DEFAULT_FIGURE_OPTIONS: FigureOptions = figureOptions(DEFAULT_OPTIONS);

export function clusterFigures(s: Selection, o: FigureOptions): Figure[] {
  return CLUSTER_FIGURE_KEYS.map((k) => {
    const def = CLUSTER_FIGURES[k];
    return toFigure(k, def.title, def.unit, asSelected(def.build(s, o), s));
  });
}

/** The table's figures that this mesh has: those of a role it lacks, or whose inputs it lacks, are left out. */
export function meshFigures(mesh: MeshDef, s: Selection, o: FigureOptions): Figure[] {
  return MESH_FIGURE_KEYS.flatMap((k) => {
    const def = MESH_FIGURES[k];
    const who = def.role ? roleMatchers(mesh, def.role) : [];
    const e = who && def.build({ mesh, who, s, o });
    return e
      ? [
          toFigure(
            meshFigureId(mesh.id, k, o.latency.quantile),
            `${mesh.name}: ${titleOf(def, o)}`,
            def.unit,
            asSelected(e, s)
          ),
        ]
      : [];
  });
}
