import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Stack, Text, useStyles2 } from '@grafana/ui';
import type { MeshFigureKey } from '../../model/figureKeys';
import { MESH_FIGURES } from '../../model/figureTable';
import { hasFigure, reportFigureId, reportValue, type ReportMesh as Mesh } from '../../model/reportValue';
import { unresolvedText } from '../../model/latencyText';
import type { Trend } from '../../services/prometheus';
import { formatInterval } from '../../utils/utils.latency';
import { FigureStat } from './FigureStat';

function bucket(m: Mesh): string | undefined {
  const b = m.latency.clientBucketMs;
  const base = b ? `${m.latency.method}; client p99 between ${b.lowerMs} and ${b.upperMs} ms` : m.latency.method;
  const unresolved = unresolvedText(m.id, m.latency.addedMs, m.latency.addedRangeMs);
  return [base, m.latency.partial, unresolved].filter((x) => !!x).join('; ');
}

interface Stat {
  key: MeshFigureKey;
  label: (m: Mesh) => string;
  /** Shown even when the mesh lacks the figure: "unavailable" with the reason says why. */
  always?: boolean;
}

const stat = (key: MeshFigureKey, label: string | ((m: Mesh) => string), always = false): Stat => ({
  key,
  label: typeof label === 'string' ? () => label : label,
  always,
});

/** The card's two rows: what the mesh costs, then what it takes and adds. Units and queries are the table's. */
const ROWS: Stat[][] = [
  [
    stat('cost.total', 'Monthly cost', true),
    stat('cost.sidecars', (m) => (m.dataPlaneKind === 'waypoint' ? 'Waypoints' : 'Sidecars')),
    stat('cost.controlPlane', 'Control plane'),
    stat('cost.nodeAgents', 'Node agents'),
  ],
  [
    stat('sidecars.cpuShare', 'Share of cluster CPU'),
    stat('sidecars.memoryShare', 'Share of cluster memory'),
    stat('sidecars.cpuRequestShare', 'Share of requested CPU'),
    stat('sidecars.nodesReservedCpu', "Nodes' worth of CPU requested"),
    stat('latency.pNAdded', (m) => `p${Math.round(m.latency.quantile * 100)} latency added`, true),
    // Exact (from _sum and _count), beside the p99 its buckets may not resolve.
    stat('latency.meanAdded', 'Mean latency added'),
  ],
];

export function MeshCard({
  mesh,
  datasourceUid,
  trends = {},
}: {
  mesh: Mesh;
  datasourceUid?: string;
  trends?: Record<string, Trend>;
}) {
  const styles = useStyles2(getStyles);
  const latencyKey = (k: MeshFigureKey) => k === 'latency.pNAdded';
  return (
    <section className={styles.card} aria-label={mesh.name} data-testid={`meshtax-mesh-${mesh.id}`}>
      <Text element="h2" variant="h3">
        {mesh.name}
      </Text>
      {ROWS.map((row, i) => (
        <Stack key={i} direction="row" wrap="wrap" gap={4}>
          {row
            .filter((s) => s.always || hasFigure(mesh, s.key))
            .map(({ key, label }) => {
              const id = reportFigureId(mesh, key);
              const value = reportValue(mesh, key);
              return (
                <FigureStat
                  key={key}
                  label={label(mesh)}
                  value={value}
                  unit={MESH_FIGURES[key].unit}
                  expr={mesh.queries[id]}
                  figure={mesh.figures.find((f) => f.id === id)}
                  trend={trends[id]}
                  datasourceUid={datasourceUid}
                  note={latencyKey(key) && value !== null ? bucket(mesh) : undefined}
                  detail={latencyKey(key) ? formatInterval(mesh.latency.addedRangeMs) : undefined}
                  // The latency's reason also covers a mesh with no histogram at all (no figure, so no reason by id).
                  reason={latencyKey(key) ? mesh.latency.reason : mesh.reasons[id]}
                />
              );
            })}
        </Stack>
      ))}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  card: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    padding: theme.spacing(2),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.primary,
  }),
});
