import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Sparkline, Text, useStyles2, useTheme2 } from '@grafana/ui';
import type { Unit } from '../../model/figures';
import type { Trend } from '../../services/prometheus';
import { exploreUrl } from '../../utils/utils.explore';
import { sparklineOf } from '../../utils/utils.sparkline';
import { formatFigure } from '../../utils/utils.units';

interface Props {
  label: string;
  /** undefined: the figure is still on its way. */
  value: number | null | undefined;
  unit: Unit;
  /** The PromQL that produced the value: every figure shows its query and opens it in Explore. */
  expr?: string;
  /** The figure over the page's time range. */
  trend?: Trend;
  datasourceUid?: string;
  timeSec?: number;
  note?: string;
  /**
   * A longer explanation behind a disclosure (why the buckets cannot resolve the p99 added, issue #18): written out
   * under the figure it made a mesh card ~900 px tall at phone width (issue #16 §7).
   */
  detail?: string;
  reason?: string;
  /** The card's main figure: larger. */
  main?: boolean;
}

/** The sparkline's scale in words: its lowest and highest value over the range, in the figure's unit. */
function scaleOf(trend: Trend, unit: Unit): string {
  const finite = trend.values.filter((v) => Number.isFinite(v));
  return `${formatFigure(Math.min(...finite), unit)} – ${formatFigure(Math.max(...finite), unit)} over the range`;
}

export function FigureStat({
  label,
  value,
  unit,
  expr,
  note,
  detail,
  reason,
  datasourceUid,
  timeSec,
  trend,
  main,
}: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const failed = value === null && reason?.startsWith('error:');
  return (
    <div
      className={styles.stat}
      data-testid="meshtax-figure"
      data-figure-state={value === undefined ? 'arriving' : failed ? 'error' : 'settled'}
    >
      <Text variant="bodySmall" color="secondary">
        {label}
      </Text>
      {value === undefined ? (
        <Text variant={main ? 'h3' : 'h5'} color="secondary">
          measuring…
        </Text>
      ) : (
        <Text variant={main ? 'h3' : 'h5'} color={value === null ? 'secondary' : 'primary'}>
          {formatFigure(value, unit)}
        </Text>
      )}
      {trend && (
        <div className={main ? undefined : styles.secondaryTrend}>
          <Sparkline
            theme={theme}
            width={140}
            height={24}
            sparkline={sparklineOf(trend.times, trend.values, true)}
            config={{ custom: { fillOpacity: 10, lineWidth: 1 } as never }}
          />
          <div className={styles.scale}>{scaleOf(trend, unit)}</div>
        </div>
      )}
      {value === null && reason && (
        <Text variant="bodySmall" color={failed ? 'error' : 'warning'}>
          {reason}
        </Text>
      )}
      {note && (
        <Text variant="bodySmall" color="secondary">
          {note}
        </Text>
      )}
      {detail && (
        <details className={styles.query}>
          <summary>How measured, how precise</summary>
          <Text variant="bodySmall" color="secondary">
            {detail}
          </Text>
        </details>
      )}
      {expr && (
        <details className={styles.query}>
          <summary>PromQL</summary>
          <pre>{expr}</pre>
          {datasourceUid && timeSec !== undefined && (
            <a href={exploreUrl(datasourceUid, expr, timeSec)}>Open in Explore</a>
          )}
        </details>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  stat: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.25), minWidth: 0 }),
  // At phone width only the main figure keeps its trend: the card stays short (issue #16 §7).
  secondaryTrend: css({ [theme.breakpoints.down('sm')]: { display: 'none' } }),
  scale: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  query: css({
    summary: { cursor: 'pointer', color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize },
    a: { color: theme.colors.text.link, fontSize: theme.typography.bodySmall.fontSize },
    pre: {
      maxWidth: 520,
      whiteSpace: 'pre-wrap',
      wordBreak: 'break-all',
      fontSize: theme.typography.bodySmall.fontSize,
    },
  }),
});
