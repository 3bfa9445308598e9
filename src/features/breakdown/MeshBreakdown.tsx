import React from 'react';
import { SceneFlexItem, SceneFlexLayout, VizPanel, type SceneComponentProps, type SceneObject } from '@grafana/scenes';
import { LoadingPlaceholder } from '@grafana/ui';
import { PanelActions } from '../../components/FigureActions/FigureActions';
import type { MeshDef } from '../../model/catalogue';
import type { FigureBasisInfo } from '../../model/figureBasis';
import type { MeshFigureKey } from '../../model/figureKeys';
import type { FigureOptions } from '../../model/figures';
import { DEFAULT_BREAKDOWN_OPTIONS, type BreakdownOptions } from '../../model/panelOptions';
import { GRAFANA_UNIT } from '../../model/units';
import { ExplainedPanel } from '../../shared/scenes/ExplainedPanel';
import { MeshScene, detectionError, type MeshSceneState } from '../../shared/scenes/MeshScene';
import { NOT_DETECTED } from '../../shared/scenes/meshVariable';
import { basisScene, detectionFailedScene, lookedFor, notDetectedScene } from '../../shared/scenes/meshNotices';
import { scenePanelJson } from '../../shared/scenes/panelJson';
import { figureRunner } from '../../shared/scenes/queries';

interface MeshBreakdownState extends MeshSceneState {
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

/** Add to dashboard / Export JSON build the panel from its queries when clicked, with the current variable values. */
function withActions(panel: VizPanel): VizPanel {
  panel.setState({
    headerActions: <PanelActions title={panel.state.title} buildPanel={() => scenePanelJson(panel)} />,
  });
  return panel;
}

function breakdownPanel(
  title: string,
  description: string,
  options: Partial<BreakdownOptions>,
  runner: ReturnType<typeof figureRunner>
): VizPanel {
  return withActions(
    new VizPanel({
      pluginId: 'meshtax-breakdown-panel',
      title,
      description,
      options: { ...DEFAULT_BREAKDOWN_OPTIONS, ...options },
      $data: runner,
    })
  );
}

/**
 * Monthly proxy cost per namespace as Grafana's bar gauge (issue #16 §3): one horizontal bar per namespace, largest
 * first (`sort_desc`; the bar gauge draws series in the order they arrive), in dollars through Grafana's unit.
 */
export function costBars(mesh: MeshDef, o: FigureOptions): VizPanel {
  return withActions(
    new VizPanel({
      pluginId: 'bargauge',
      title: `${mesh.name}: cost by namespace`,
      description: 'What each namespace’s proxies cost per month at the configured prices, largest first.',
      options: {
        orientation: 'horizontal',
        displayMode: 'basic',
        valueMode: 'text',
        namePlacement: 'top',
        showUnfilled: true,
        sizing: 'auto',
        minVizHeight: 16,
        maxVizHeight: 32,
        reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
      },
      fieldConfig: {
        defaults: { unit: GRAFANA_UNIT.currencyUSD, min: 0, color: { mode: 'fixed', fixedColor: 'blue' } },
        overrides: [],
      },
      $data: figureRunner(mesh, 'namespace', o, [[B.costRefId, 'cost.sidecars']], { sortDesc: true }),
    })
  );
}

/** One item of the page's flex layout; below Grafana's md breakpoint every item takes the full width (minWidth stays). */
const item = (body: SceneObject, minWidth: number, minHeight: number) =>
  new SceneFlexItem({ minWidth, minHeight, body, md: { minWidth: 0, width: '100%', minHeight } });

function explained(panel: VizPanel, empty: string, emptyRefId?: string) {
  return new ExplainedPanel({ panel, empty, emptyRefId });
}

/** The breakdown of one mesh: its cost bars, the namespace and workload tables, and its idle sidecars. */
function meshSection(mesh: MeshDef, o: FigureOptions, basis?: FigureBasisInfo): SceneFlexLayout {
  const scope = 'in the selected cluster and namespaces over this time range';
  const proxies = `No ${lookedFor(mesh)} ${scope}`;
  const idleRefs: Array<[string, MeshFigureKey]> = [[B.costRefId, 'cost.idleSidecars'], ...REFS.slice(1)];
  return new SceneFlexLayout({
    direction: 'column',
    children: [
      new SceneFlexLayout({
        direction: 'row',
        wrap: 'wrap',
        children: [
          // The picture first: at a phone's width the reader sees where the money goes before any table.
          item(explained(costBars(mesh, o), `${proxies}, so there is no proxy cost to draw.`), 320, 300),
          item(
            explained(
              breakdownPanel(
                `${mesh.name}: by namespace`,
                'Proxy cost, CPU, memory and share of each namespace, largest first.',
                { groupBy: 'namespace', topN: 20, basis },
                figureRunner(mesh, 'namespace', o, REFS)
              ),
              `${proxies}.`
            ),
            // Scenes' md placement cannot lower minWidth: keep it under a phone's width; on a laptop the item grows.
            360,
            300
          ),
        ],
      }),
      item(
        explained(
          breakdownPanel(
            `${mesh.name}: top 10 workloads`,
            'The ten workloads whose proxies cost most.',
            { groupBy: 'workload', topN: 10, basis },
            figureRunner(mesh, 'workload', o, REFS)
          ),
          `${proxies}.`
        ),
        0,
        380
      ),
      item(
        explained(
          breakdownPanel(
            `${mesh.name}: idle sidecars (< ${o.idleRps} rps)`,
            'Proxies on workloads that serve fewer requests than the idle threshold, and what they cost: the audit to run before removing a mesh.',
            { groupBy: 'workload', topN: 50, rowsFrom: 'cost', basis },
            figureRunner(mesh, 'workload', o, idleRefs)
          ),
          mesh.traffic
            ? `No idle ${mesh.name} sidecars: every workload with a proxy ${scope} served at least ${o.idleRps} requests per second (${mesh.traffic.metric}), or none served any traffic Mesh Tax can read.`
            : `${mesh.name} exports no request counter that Mesh Tax reads, so idle sidecars cannot be told apart.`,
          B.costRefId
        ),
        0,
        300
      ),
    ],
  });
}

/** The breakdown for the meshes chosen in the Mesh variable (one, or every detected one with All). */
export class MeshBreakdown extends MeshScene<MeshBreakdownState> {
  protected rebuild() {
    const o = this.state.figureOptions;
    const chosen = this.chosen();
    if (!chosen.length) {
      this.setState({ body: undefined });
      return;
    }
    const failed = detectionError(this);
    const notice = (body: SceneObject) => new SceneFlexItem({ body, minHeight: 0 });
    const sections = chosen.map(({ mesh, detection }) =>
      detection === NOT_DETECTED ? notice(notDetectedScene(mesh)) : meshSection(mesh, o, this.state.basis)
    );
    this.setState({
      body: new SceneFlexLayout({
        direction: 'column',
        children: [
          ...(failed ? [notice(detectionFailedScene(failed))] : []),
          // Said once for the page: the cost bars are Grafana's panel, which cannot carry the line itself.
          ...(this.state.basis ? [notice(basisScene(this.state.basis, this.state.source))] : []),
          ...sections,
        ],
      }),
    });
  }

  static Component = ({ model }: SceneComponentProps<MeshBreakdown>) => {
    const { body } = model.useState();
    return body ? <body.Component model={body} /> : <LoadingPlaceholder text="Detecting meshes…" />;
  };
}
