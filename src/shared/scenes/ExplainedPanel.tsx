/**
 * A scene panel whose body tells the truth (issue #16 §5). Grafana's core panels put a failed query's message in a
 * header tooltip and say "No data" for an empty answer; here a failure is also written in the body (which query, and
 * the data source's message), and an empty answer is replaced by what was looked for and why it may be absent.
 */
import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  SceneObjectBase,
  sceneGraph,
  type SceneComponentProps,
  type SceneObjectState,
  type VizPanel,
} from '@grafana/scenes';
import { Alert, useStyles2 } from '@grafana/ui';

export interface ExplainedPanelState extends SceneObjectState {
  panel: VizPanel;
  /** What the queries look for, said when they find nothing ("No proxy of … served requests …"). */
  empty: string;
  /** Only this query's answer counts (the idle table: its cost query lists the rows, the others fill them in). */
  emptyRefId?: string;
}

export class ExplainedPanel extends SceneObjectBase<ExplainedPanelState> {
  static Component = ExplainedPanelRenderer;
}

/** The failed queries' messages, each with its refId so the reader knows which figure failed. */
export function failureText(errors: Array<{ message?: string; refId?: string }> | undefined): string | undefined {
  const lines = (errors ?? []).map((e) => `${e.refId ? `${e.refId}: ` : ''}${e.message ?? 'unknown error'}`);
  return lines.length ? lines.join('; ') : undefined;
}

function ExplainedPanelRenderer({ model }: SceneComponentProps<ExplainedPanel>) {
  const { panel, empty, emptyRefId } = model.useState();
  const styles = useStyles2(getStyles);
  const data = sceneGraph.getData(panel).useState().data;
  const failed = failureText(data?.errors ?? (data?.error ? [data.error] : undefined));
  const { title } = panel.useState();
  const counted = (data?.series ?? []).filter((f) => !emptyRefId || f.refId === emptyRefId);
  const isEmpty = !failed && data?.state === 'Done' && !counted.some((f) => f.fields.some((x) => x.values.length > 0));
  if (isEmpty) {
    return (
      <div className={styles.box} data-testid="meshtax-panel-empty">
        <Alert severity="info" title={`${title}: nothing to show`}>
          {empty}
        </Alert>
      </div>
    );
  }
  return (
    <div className={styles.box}>
      {failed && (
        <Alert severity="error" title={`${title}: the query failed`} data-testid="meshtax-panel-failed">
          {failed}
        </Alert>
      )}
      <div className={styles.panel}>
        <panel.Component model={panel} />
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    height: '100%',
    width: '100%',
    minWidth: 0,
  }),
  panel: css({ flex: '1 1 auto', minHeight: 200, minWidth: 0, position: 'relative' }),
});
