import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, PanelProps } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import { ComparisonTable } from '../../components/ComparisonTable/ComparisonTable';
import { WithFigureBasis } from '../../components/FigureBasis/FigureBasis';
import { comparisonRows } from './rows';
import type { ComparisonOptions } from '../../model/panelOptions';

/** The table, with the price source and time window its figures use under it. */
export function ComparisonPanel(props: PanelProps<ComparisonOptions>) {
  return (
    <WithFigureBasis basis={props.options.basis}>
      <ComparisonBody {...props} />
    </WithFigureBasis>
  );
}

function ComparisonBody({ data, options }: PanelProps<ComparisonOptions>) {
  const styles = useStyles2(getStyles);
  const rows = comparisonRows(data, options.hideAbsent);
  const noPods = options.showPodShare ? rows : rows.map((r) => ({ ...r, pods: null }));
  return (
    <div className={styles.wrapper} data-testid="data-testid meshtax-comparison-panel">
      {rows.length === 0 ? (
        <Alert severity="info" title="No service mesh in this data">
          None of the queries of this panel returned data. Its queries are named &lt;mesh&gt;.&lt;column&gt; (for
          example istio.monthlyCost); the &quot;Mesh Tax — overview&quot; dashboard has a ready-made one.
        </Alert>
      ) : (
        <ComparisonTable rows={noPods} />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ height: '100%', overflow: 'auto', padding: theme.spacing(0.5) }),
});
