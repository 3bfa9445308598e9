import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { sparklineOf } from '../../utils/utils.sparkline';
import type { Trend } from '../../services/prometheus';
import { Sparkline, Text, useStyles2, useTheme2 } from '@grafana/ui';
import { FigureActions } from '../../components/FigureActions/FigureActions';
import type { FigureRef } from '../../model/dashboards';
import type { Unit } from '../../model/figures';
import { formatFigure } from '../../utils/utils.units';

interface Props {
  label: string;
  value: number | null;
  unit: Unit;
  /** The PromQL that produced the value: every figure links to its query. */
  expr?: string;
  /** The model's figure, for "Add to dashboard" and "Export JSON". */
  figure?: FigureRef;
  /** The figure over the page's time range. */
  trend?: Trend;
  datasourceUid?: string;
  note?: string;
  reason?: string;
  /** Right under the value, e.g. the interval a quantile added may lie in. */
  detail?: string;
}

export function FigureStat({ label, value, unit, expr, note, reason, figure, datasourceUid, trend, detail }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  return (
    <div className={styles.stat}>
      <Text variant="bodySmall" color="secondary">
        {label}
      </Text>
      <Text variant="h4" color={value === null ? 'secondary' : 'primary'}>
        {formatFigure(value, unit)}
      </Text>
      {value !== null && detail && <Text variant="bodySmall">{detail}</Text>}
      {trend && (
        <Sparkline
          theme={theme}
          width={160}
          height={28}
          sparkline={sparklineOf(trend.times, trend.values)}
          config={{ custom: { fillOpacity: 10, lineWidth: 1 } as never }}
        />
      )}
      {value === null && reason && (
        <Text variant="bodySmall" color="warning">
          {reason}
        </Text>
      )}
      {note && (
        <Text variant="bodySmall" color="secondary">
          {note}
        </Text>
      )}
      {expr && (
        <details className={styles.query}>
          <summary>PromQL</summary>
          <pre>{expr}</pre>
          {figure && datasourceUid && <FigureActions figure={figure} datasourceUid={datasourceUid} />}
        </details>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  stat: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), minWidth: 180 }),
  query: css({
    summary: { cursor: 'pointer', color: theme.colors.text.link, fontSize: theme.typography.bodySmall.fontSize },
    pre: {
      maxWidth: 520,
      whiteSpace: 'pre-wrap',
      wordBreak: 'break-all',
      fontSize: theme.typography.bodySmall.fontSize,
    },
  }),
});
