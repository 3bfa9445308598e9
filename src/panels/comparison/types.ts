/** Options of the comparison panel. Queries are matched by refId `<mesh id>.<column>` (see model/comparison.ts). */
export interface ComparisonOptions {
  /** Hide meshes whose queries all returned nothing: a mesh that is not there is never reported. */
  hideAbsent: boolean;
  showPodShare: boolean;
}

export const DEFAULT_COMPARISON_OPTIONS: ComparisonOptions = { hideAbsent: true, showPodShare: true };
