import React from 'react';
import { css } from '@emotion/css';
import {
  formattedValueToString,
  getValueFormat,
  type GrafanaTheme2,
  type PanelData,
  type PanelProps,
} from '@grafana/data';
import { BigValue, BigValueColorMode, BigValueGraphMode, Stack, Text, useStyles2, useTheme2 } from '@grafana/ui';
import { FIGURE_BASIS_HEIGHT_PX, WithFigureBasis } from '../../components/FigureBasis/FigureBasis';
import { testIds } from '../../components/testIds';
import { sparklineOf } from '../../utils/utils.sparkline';
import { formatInterval } from '../../utils/utils.latency';
import { costColor, readFigure, type FrameFigure } from './figures';
import { DEFAULT_SUMMARY_VALUE_REFIDS, SUMMARY_LATENCY_REFS, type SummaryOptions } from '../../model/panelOptions';
import { COUNT_UNIT_SINGULAR, GRAFANA_UNIT } from '../../model/units';

/** A whole count of one reads "1 service", as the app writes it (COUNT_UNIT_SINGULAR), not "1 services". */
const SINGULAR_OF: Record<string, string> = Object.fromEntries(
  Object.entries(COUNT_UNIT_SINGULAR).map(([u, one]) => [GRAFANA_UNIT[u as keyof typeof GRAFANA_UNIT], one])
);

function formatted(f: FrameFigure, unit: string, decimals: number): string {
  if (f.value === null) {
    return 'unavailable';
  }
  const one = f.value === 1 ? SINGULAR_OF[unit] : undefined;
  return formattedValueToString(getValueFormat(one ?? unit)(f.value, decimals));
}

function Stat({
  label,
  figure,
  unit,
  decimals = 2,
  note,
}: {
  label: string;
  figure: FrameFigure;
  unit: string;
  decimals?: number;
  note?: string;
}) {
  return (
    <div title={figure.reason}>
      <Text variant="bodySmall" color="secondary">
        {label}
      </Text>
      <div>
        <Text variant="h5" color={figure.value === null ? 'secondary' : 'primary'}>
          {formatted(figure, unit, decimals)}
        </Text>
      </div>
      {note && (
        <Text variant="bodySmall" color="secondary">
          {note}
        </Text>
      )}
    </div>
  );
}

/** The interval that holds the true p99 added (issue #18), when the panel has both of its ends. */
function p99Interval(read: (refId: string) => FrameFigure, o: SummaryOptions): string | undefined {
  const refs = [o.latencyLowRefId ?? SUMMARY_LATENCY_REFS.low, o.latencyHighRefId ?? SUMMARY_LATENCY_REFS.high];
  const [low, high] = refs.map((r) => read(r).value);
  return low !== null && high !== null ? formatInterval([low, high]) : undefined;
}

/** What the mesh does, next to what it costs (issue #17); units as the figure table gives them. */
const VALUE_STATS = [
  { label: 'mTLS coverage', option: 'mtlsShareRefId', unit: GRAFANA_UNIT.percentunit, decimals: 2 },
  { label: 'Split services', option: 'splitServicesRefId', unit: GRAFANA_UNIT.services, decimals: 0 },
  { label: 'Resilience events', option: 'resilienceEventsRefId', unit: GRAFANA_UNIT.eventsps, decimals: 3 },
] as const;

type ValueOption = keyof typeof DEFAULT_SUMMARY_VALUE_REFIDS;
/** A value figure's refId: the panel's option (interpolated, like the others), else the default. */
type RefIdOf = (option: ValueOption) => string;

/** The value figures this panel has a query for: one it was never given is left out, not "unavailable". */
function valueStatsShown(data: PanelData, refIdOf: RefIdOf) {
  const asked = new Set((data.request?.targets ?? []).map((t) => t.refId));
  return VALUE_STATS.filter((v) => asked.has(refIdOf(v.option)));
}

function ValueStats({ data, refIdOf }: { data: PanelData; refIdOf: RefIdOf }) {
  const shown = valueStatsShown(data, refIdOf);
  if (shown.length === 0) {
    return null;
  }
  return (
    <Stack direction="row" gap={3} justifyContent="space-around">
      {shown.map((v) => (
        <Stat
          key={v.option}
          label={v.label}
          figure={readFigure(data, refIdOf(v.option))}
          unit={v.unit}
          decimals={v.decimals}
        />
      ))}
    </Stack>
  );
}

/** The figures, with the price source and time window they use under them. */
export function SummaryPanel(props: PanelProps<SummaryOptions>) {
  return (
    <WithFigureBasis basis={props.options.basis}>
      <SummaryBody {...props} height={props.height - FIGURE_BASIS_HEIGHT_PX} />
    </WithFigureBasis>
  );
}

function SummaryBody({ data, options, width, height, replaceVariables }: PanelProps<SummaryOptions>) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  // A refId may name a variable: in a row repeated over `mesh`, `${mesh}.cost` is this row's mesh's query.
  const refOf = (refId: string) => (replaceVariables ? replaceVariables(refId) : refId);
  const read = (refId: string) => readFigure(data, refOf(refId));
  const cost = read(options.costRefId);
  const cpu = read(options.cpuShareRefId);
  const mem = read(options.memoryShareRefId);
  const p99 = read(options.latencyRefId);
  // Optional: a dashboard made before the mean added existed has no such query, and shows no empty figure for it.
  const meanRef = refOf(options.meanAddedRefId ?? SUMMARY_LATENCY_REFS.mean);
  const mean = data.request?.targets?.some((t) => t.refId === meanRef) ? readFigure(data, meanRef) : undefined;
  const valueRefId: RefIdOf = (o) => {
    const refId = options[o] || DEFAULT_SUMMARY_VALUE_REFIDS[o];
    return replaceVariables ? replaceVariables(refId) : refId;
  };
  const hasValues = valueStatsShown(data, valueRefId).length > 0;
  const color = theme.visualization.getColorByName(costColor(cost.value, options.costWarnUsd, options.costCriticalUsd));
  const costText = cost.value === null ? { text: 'unavailable' } : getValueFormat('currencyUSD')(cost.value, 2);
  const sparkline = cost.times.length > 1 ? sparklineOf(cost.times, cost.values) : undefined;
  return (
    <div className={styles.wrapper} data-testid={testIds.summaryPanel.container}>
      <div className={styles.cost} title={cost.reason}>
        <BigValue
          theme={theme}
          width={width}
          height={Math.max(60, height - (hasValues ? 112 : 64))}
          colorMode={BigValueColorMode.Value}
          graphMode={sparkline ? BigValueGraphMode.Area : BigValueGraphMode.None}
          sparkline={sparkline}
          value={{ ...costText, numeric: cost.value ?? NaN, color, title: 'Mesh cost per month' }}
        />
      </div>
      <Stack direction="row" gap={3} justifyContent="space-around">
        <Stat label="CPU share" figure={cpu} unit="percentunit" />
        <Stat label="Memory share" figure={mem} unit="percentunit" />
        <Stat label="p99 added" figure={p99} unit="ms" note={p99Interval(read, options)} />
        {mean && <Stat label="Mean added" figure={mean} unit="ms" />}
      </Stack>
      <ValueStats data={data} refIdOf={valueRefId} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ display: 'flex', flexDirection: 'column', height: '100%', gap: theme.spacing(1) }),
  cost: css({ flex: 1, minHeight: 0 }),
});
