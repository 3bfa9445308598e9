import React from 'react';
import {
  QueryVariable,
  SceneObjectBase,
  VariableDependencyConfig,
  sceneGraph,
  type SceneComponentProps,
  type SceneObject,
  type SceneObjectState,
  type VizPanel,
} from '@grafana/scenes';
import { LoadingPlaceholder } from '@grafana/ui';
import type { Report } from '../../model/report';
import type { AppSettings } from '../../model/settings';
import { VAR_CLUSTER, VAR_DATASOURCE, VAR_NAMESPACE } from '../../shared/scenes/variables';
import { meshCharts } from './costScene';
import { viewOfReport } from './meshView';
import { OverviewContent } from './OverviewContent';
import type { OverviewScope } from './useReport';

interface MeshOverviewState extends SceneObjectState {
  settings: AppSettings;
  /** Set once the variables have loaded; undefined while they load. */
  uid?: string;
  scope?: OverviewScope;
  /** Chart panels of every mesh (costScene.chartsOf finds one mesh's), for the report they were built from. */
  charts?: VizPanel[];
  chartsFor?: string;
}

/** A variable's value as a regex (scenes escapes each value with :regex); All (.*) means "no filter". */
function regexOf(model: SceneObject, name: string): string | undefined {
  const v = sceneGraph.interpolate(model, `\${${name}:regex}`);
  return v === '' || v === '.*' || v === `$${name}` ? undefined : v;
}

/**
 * The overview inside a scene: it reads the data source, cluster and namespace variables and the time range, and
 * hands them to the report-driven content, so the page gets the time picker, refresh and URL state of every scene.
 * Its charts are scene panels (Grafana's own timeseries and bar gauge), built once the report says which meshes run
 * and what their cost queries are.
 */
export class MeshOverview extends SceneObjectBase<MeshOverviewState> {
  protected _variableDependency = new VariableDependencyConfig(this, {
    variableNames: [VAR_DATASOURCE, VAR_CLUSTER, VAR_NAMESPACE],
    onVariableUpdateCompleted: () => this.readVariables(),
  });

  constructor(state: MeshOverviewState) {
    super(state);
    this.addActivationHandler(() => {
      if (!this._variableDependency.hasDependencyInLoadingState()) {
        this.readVariables();
      }
    });
  }

  private readVariables() {
    const uid = String(sceneGraph.lookupVariable(VAR_DATASOURCE, this)?.getValue() ?? '') || undefined;
    const clusterRegex = regexOf(this, VAR_CLUSTER);
    const clusters = sceneGraph.lookupVariable(VAR_CLUSTER, this);
    const options = clusters instanceof QueryVariable ? clusters.state.options.length : 0;
    this.setState({
      uid,
      scope: {
        clusterRegex,
        namespaceInclude: regexOf(this, VAR_NAMESPACE),
        multiCluster: !clusterRegex && options > 1,
      },
    });
  }

  /** Builds the chart panels for a finished report, once per set of meshes and queries. */
  public showCharts = (report: Report) => {
    const key = JSON.stringify(report.meshes.map((m) => [m.id, m.queries]));
    if (key !== this.state.chartsFor && this.state.uid) {
      this.setState({
        chartsFor: key,
        charts: meshCharts(
          report.meshes.map((m) => viewOfReport(m)),
          this.state.uid
        ),
      });
    }
  };

  static Component = ({ model }: SceneComponentProps<MeshOverview>) => {
    const { settings, uid, scope, charts } = model.useState();
    const { value } = sceneGraph.getTimeRange(model).useState();
    if (!scope) {
      return <LoadingPlaceholder text="Loading variables…" />;
    }
    return (
      <OverviewContent
        settings={settings}
        uid={uid}
        time={value.to.unix()}
        from={value.from.unix()}
        scope={scope}
        charts={charts}
        onReport={model.showCharts}
      />
    );
  };
}
