import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import type { VizPanel } from '@grafana/scenes';
import { Text, useStyles2 } from '@grafana/ui';
import { meshFigureId, type MeshFigureKey } from '../../model/figureKeys';
import { MESH_FIGURES } from '../../model/figureTable';
import type { Unit } from '../../model/figures';
import type { Report } from '../../model/report';
import type { ReportMesh } from '../../model/reportValue';
import type { Trend } from '../../services/prometheus';
import { CardMenu } from './CardMenu';
import { costOverTimePanel } from './costCharts';
import { FigureStat } from './FigureStat';
import { viewOfReport, type MeshView } from './meshView';
import { formatFigure } from '../../utils/utils.units';

interface Stat {
  key: MeshFigureKey;
  label: (m: MeshView) => string;
  /** Shown even when the mesh lacks the figure: "unavailable" with the reason says why. */
  always?: boolean;
}

const stat = (key: MeshFigureKey, label: string | ((m: MeshView) => string), always = false): Stat => ({
  key,
  label: typeof label === 'string' ? () => label : label,
  always,
});

const proxies = (m: MeshView) => (m.dataPlaneKind === 'waypoint' ? 'Waypoints' : 'Sidecars');

/** What the mesh costs per month, and its parts. Units and queries are the table's. */
const COSTS: Stat[] = [
  stat('cost.sidecars', proxies),
  stat('cost.controlPlane', 'Control plane'),
  stat('cost.nodeAgents', 'Node agents'),
];

/** What it takes and adds. Each share says what it counts: the proxies only. */
const SHARES: Stat[] = [
  stat('sidecars.cpuShare', (m) => `${proxies(m)}' share of cluster CPU`),
  stat('sidecars.memoryShare', (m) => `${proxies(m)}' share of cluster memory`),
  stat('sidecars.cpuRequestShare', (m) => `${proxies(m)}' share of requested CPU`),
  stat('sidecars.nodesReservedCpu', "Nodes' worth of CPU requested"),
  stat('latency.pNAdded', (m) => `p${Math.round(m.quantile * 100)} latency added`, true),
  // Exact (from _sum and _count), beside the p99 its buckets may not resolve (issue #18).
  stat('latency.meanAdded', 'Mean latency added'),
];

interface Props {
  /** A finished report's mesh, or `view` for one still arriving. */
  mesh?: ReportMesh;
  view?: MeshView;
  /** The report's cluster totals, for the whole mesh's shares. */
  cluster?: Report['cluster'];
  datasourceUid?: string;
  timeSec?: number;
  trends?: Record<string, Trend>;
  /** Grafana's bar gauge of the cost's parts (a scene panel), once the report is in. */
  composition?: VizPanel;
  /** The monthly cost at the range's end, when the card's figures are means over the range (useInstantCosts). */
  instantCost?: number | null;
}

export function MeshCard({
  mesh,
  view,
  cluster,
  datasourceUid,
  timeSec,
  trends = {},
  composition,
  instantCost,
}: Props) {
  const styles = useStyles2(getStyles);
  const m = view ?? viewOfReport(mesh!, cluster);
  // The number the dashboards, the Breakdown and the panels show for the same range: they are instant at its end.
  const instantNote =
    instantCost === undefined ? undefined : `${formatFigure(instantCost, 'currencyUSD')} at the range’s end (instant)`;
  const figure = (s: Stat, main = false) => (
    <FigureStat
      key={s.key}
      label={s.label(m)}
      value={m.value(s.key)}
      unit={MESH_FIGURES[s.key].unit}
      expr={m.expr(s.key)}
      trend={trends[meshFigureId(m.id, s.key, m.quantile)]}
      datasourceUid={datasourceUid}
      timeSec={timeSec}
      note={s.key === 'latency.pNAdded' ? m.latencyNote : s.key === 'cost.total' ? instantNote : undefined}
      detail={s.key === 'latency.pNAdded' ? m.latencyDetail : undefined}
      reason={m.reason(s.key)}
      main={main}
    />
  );
  const whole = (resource: 'cpuCores' | 'memoryBytes', label: string, unit: Unit = 'percentunit') => {
    const v = m.wholeShare(resource);
    return v === undefined ? null : (
      <FigureStat
        key={resource}
        label={label}
        value={v}
        unit={unit}
        reason="unavailable: a part of the mesh was not measured"
      />
    );
  };
  return (
    <section className={styles.card} aria-label={m.name} data-testid={`meshtax-mesh-${m.id}`}>
      <div className={styles.header}>
        <Text element="h2" variant="h4">
          {m.name}
        </Text>
        {datasourceUid && (
          <CardMenu
            title={m.name}
            datasourceUid={datasourceUid}
            alertFigureId={meshFigureId(m.id, 'cost.total')}
            buildPanel={() => costOverTimePanel(m, datasourceUid)}
          />
        )}
      </div>
      <div className={styles.costs}>
        {figure(stat('cost.total', 'Monthly cost, whole mesh', true), true)}
        {COSTS.filter((s) => m.has(s.key)).map((s) => figure(s))}
      </div>
      {composition && (
        <div className={styles.composition} data-testid="meshtax-composition">
          <composition.Component model={composition} />
        </div>
      )}
      <div className={styles.grid}>
        {whole('cpuCores', 'Whole mesh’s share of cluster CPU')}
        {whole('memoryBytes', 'Whole mesh’s share of cluster memory')}
        {SHARES.filter((s) => s.always || m.has(s.key)).map((s) => figure(s))}
      </div>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  card: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
    padding: theme.spacing(2),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.primary,
    minWidth: 0,
    [theme.breakpoints.down('sm')]: { padding: theme.spacing(1.5), gap: theme.spacing(1) },
  }),
  header: css({ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: theme.spacing(1) }),
  // Two columns at phone width, as many as fit above it: a card stays short.
  costs: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: theme.spacing(1.5),
    // The whole mesh's cost on a row of its own, its parts under it: its trend's scale and its value at the range's
    // end then take one line each at phone width instead of two (the card stays under the narrow check's height).
    '& > :first-child': { gridColumn: '1 / -1' },
  }),
  grid: css({ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: theme.spacing(1.5) }),
  composition: css({ height: 130, minWidth: 0, [theme.breakpoints.down('sm')]: { height: 100 } }),
});
