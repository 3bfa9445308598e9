import { PanelPlugin } from '@grafana/data';
import { ComparisonPanel } from './ComparisonPanel';
import { DEFAULT_COMPARISON_OPTIONS, type ComparisonOptions } from '../../model/panelOptions';

export const plugin = new PanelPlugin<ComparisonOptions>(ComparisonPanel).setPanelOptions((builder) =>
  builder
    .addBooleanSwitch({
      path: 'hideAbsent',
      name: 'Hide meshes without data',
      description: 'A mesh whose queries all return nothing is not in this cluster',
      defaultValue: DEFAULT_COMPARISON_OPTIONS.hideAbsent,
    })
    .addBooleanSwitch({
      path: 'showPodShare',
      name: 'Show pods per mesh',
      description: 'During a migration, the share of proxied pods on each mesh',
      defaultValue: DEFAULT_COMPARISON_OPTIONS.showPodShare,
    })
);
