import React from 'react';
import {
  SceneFlexItem,
  SceneFlexLayout,
  SceneObjectBase,
  VariableDependencyConfig,
  VizPanel,
  sceneGraph,
  type SceneComponentProps,
  type SceneObjectState,
} from '@grafana/scenes';
import { PanelActions } from '../../components/FigureActions/FigureActions';
import type { MeshFigureKey } from '../../model/figureKeys';
import type { FigureOptions } from '../../model/figures';
import { DEFAULT_BREAKDOWN_OPTIONS, type BreakdownOptions } from '../../model/panelOptions';
import { scenePanelJson } from '../../shared/scenes/panelJson';
import { figureRunner, meshOf } from '../../shared/scenes/queries';
import { VAR_MESH } from '../../shared/scenes/variables';

interface MeshBreakdownState extends SceneObjectState {
  figureOptions: FigureOptions;
  body?: SceneFlexLayout;
}

const B = DEFAULT_BREAKDOWN_OPTIONS;
const REFS: Array<[string, MeshFigureKey]> = [
  [B.costRefId, 'cost.sidecars'],
  [B.cpuRefId, 'sidecars.cpuCores'],
  [B.requestRefId, 'sidecars.cpuRequestCores'],
  [B.memoryRefId, 'sidecars.memoryBytes'],
  [B.shareRefId, 'sidecars.cpuShare'],
];

function breakdownPanel(
  title: string,
  description: string,
  options: Partial<BreakdownOptions>,
  runner: ReturnType<typeof figureRunner>
) {
  const panel: VizPanel = new VizPanel({
    pluginId: 'meshtax-breakdown-panel',
    title,
    description,
    options: { ...DEFAULT_BREAKDOWN_OPTIONS, ...options },
    $data: runner,
  });
  // Add to dashboard / Export JSON build the panel from its queries when clicked, with the current variable values.
  panel.setState({ headerActions: <PanelActions title={title} buildPanel={() => scenePanelJson(panel)} /> });
  return panel;
}

/** The breakdown for the mesh chosen in the `mesh` variable; rebuilt from the model whenever that choice changes. */
export class MeshBreakdown extends SceneObjectBase<MeshBreakdownState> {
  protected _variableDependency = new VariableDependencyConfig(this, {
    variableNames: [VAR_MESH],
    onReferencedVariableValueChanged: () => this.rebuild(),
  });

  constructor(state: MeshBreakdownState) {
    super(state);
    this.addActivationHandler(() => this.rebuild());
  }

  private rebuild() {
    const meshId = String(sceneGraph.lookupVariable(VAR_MESH, this)?.getValue() ?? 'istio');
    const o = this.state.figureOptions;
    const mesh = meshOf(meshId, o.meshes);
    const idleRefs: Array<[string, MeshFigureKey]> = [[B.costRefId, 'cost.idleSidecars'], ...REFS.slice(1)];
    this.setState({
      body: new SceneFlexLayout({
        direction: 'column',
        children: [
          new SceneFlexLayout({
            direction: 'row',
            wrap: 'wrap',
            children: [
              new SceneFlexItem({
                minWidth: 360,
                minHeight: 360,
                body: breakdownPanel(
                  `${mesh.name}: by namespace`,
                  'Proxy cost, CPU, memory and share of each namespace, largest first.',
                  { groupBy: 'namespace', topN: 20 },
                  figureRunner(mesh, 'namespace', o, REFS)
                ),
              }),
              new SceneFlexItem({
                minWidth: 360,
                minHeight: 360,
                body: breakdownPanel(
                  `${mesh.name}: top 10 workloads`,
                  'The ten workloads whose proxies cost most.',
                  { groupBy: 'workload', topN: 10 },
                  figureRunner(mesh, 'workload', o, REFS)
                ),
              }),
            ],
          }),
          new SceneFlexItem({
            minHeight: 300,
            body: breakdownPanel(
              `${mesh.name}: idle sidecars (< ${o.idleRps} rps)`,
              'Proxies on workloads that serve fewer requests than the idle threshold, and what they cost: the audit to run before removing a mesh.',
              { groupBy: 'workload', topN: 50, rowsFrom: 'cost' },
              figureRunner(mesh, 'workload', o, idleRefs)
            ),
          }),
        ],
      }),
    });
  }

  static Component = ({ model }: SceneComponentProps<MeshBreakdown>) => {
    const { body } = model.useState();
    return body ? <body.Component model={body} /> : null;
  };
}
