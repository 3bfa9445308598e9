import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, LoadingPlaceholder, Sparkline, Stack, Text, useStyles2, useTheme2 } from '@grafana/ui';
import type { Unit } from '../../model/figures';
import { formatFigure } from '../../utils/utils.units';
import { sparklineOf } from '../../utils/utils.sparkline';
import type { Series } from '../../services/prometheus';
import type { PreviewState } from './usePreview';

interface Props {
  preview: PreviewState;
  unit: Unit;
  /** The metrics the query reads, for "no data: needs …". */
  metrics: string[];
  onRetry(): void;
}

const MAX_SERIES = 6;

const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ') || 'value';

export function Preview({ preview, unit, metrics, onRetry }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  if (preview.state === 'idle') {
    return <Text color="secondary">Choose a data source and valid inputs to run the query.</Text>;
  }
  if (preview.state === 'loading') {
    return <LoadingPlaceholder text="Running the query…" />;
  }
  if (preview.state === 'error') {
    return (
      <Alert severity="error" title="The query failed">
        <Stack direction="column" gap={1} alignItems="flex-start">
          {preview.message}
          <Button size="sm" variant="secondary" icon="sync" onClick={onRetry}>
            Retry
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (preview.samples.length === 0) {
    return (
      <Alert severity="warning" title="No data">
        no data: needs {metrics.join(', ')}
      </Alert>
    );
  }
  const current = [...preview.samples].sort((a, b) => b.value - a.value);
  const byKey = new Map(preview.series.map((s) => [labelText(s.labels), s] as [string, Series]));
  return (
    <div className={styles.list} data-testid="qb-preview">
      {current.length > MAX_SERIES && (
        <Text color="secondary" variant="bodySmall">
          {current.length} series; the {MAX_SERIES} largest now:
        </Text>
      )}
      {current.slice(0, MAX_SERIES).map((s) => {
        const key = labelText(s.metric);
        const trend = byKey.get(key);
        return (
          <div key={key} className={styles.row}>
            <div className={styles.label}>
              <Text variant="bodySmall" color="secondary">
                {key}
              </Text>
              <Text variant="h4">{formatFigure(s.value, unit)}</Text>
            </div>
            {trend && trend.values.length > 1 && (
              <Sparkline
                theme={theme}
                width={220}
                height={36}
                sparkline={sparklineOf(trend.times, trend.values)}
                config={{ custom: { fillOpacity: 10, lineWidth: 1 } as never }}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), minWidth: 0 }),
  row: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    paddingBottom: theme.spacing(1),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  label: css({ display: 'flex', flexDirection: 'column', minWidth: 0, flex: '1 1 160px', overflowWrap: 'anywhere' }),
});
