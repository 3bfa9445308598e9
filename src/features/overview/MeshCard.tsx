import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Stack, Text, useStyles2 } from '@grafana/ui';
import type { Report } from '../../model/report';
import type { Trend } from '../../services/prometheus';
import { FigureStat } from './FigureStat';

type Mesh = Report['meshes'][number];

function bucket(m: Mesh): string | undefined {
  const b = m.latency.clientBucketMs;
  const base = b ? `${m.latency.method}; client p99 between ${b.lowerMs} and ${b.upperMs} ms` : m.latency.method;
  return m.latency.partial ? `${base}; ${m.latency.partial}` : base;
}

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
  const fig = (k: string) => mesh.figures.find((f) => f.id === `${mesh.id}.${k}`);
  const q = (k: string) => mesh.queries[`${mesh.id}.${k}`];
  const r = (k: string) => mesh.reasons[`${mesh.id}.${k}`];
  const has = (k: string) => `${mesh.id}.${k}` in mesh.queries;
  const cost = mesh.monthlyCostUsd;
  return (
    <section className={styles.card} aria-label={mesh.name} data-testid={`meshtax-mesh-${mesh.id}`}>
      <Text element="h2" variant="h3">
        {mesh.name}
      </Text>
      <Stack direction="row" wrap="wrap" gap={4}>
        <FigureStat
          label="Monthly cost"
          value={cost.total}
          unit="currencyUSD"
          expr={q('cost.total')}
          figure={fig('cost.total')}
          trend={trends[`${mesh.id}.cost.total`]}
          datasourceUid={datasourceUid}
          reason={r('cost.total')}
        />
        {has('cost.sidecars') && (
          <FigureStat
            label={mesh.dataPlaneKind === 'waypoint' ? 'Waypoints' : 'Sidecars'}
            value={cost.sidecars}
            unit="currencyUSD"
            expr={q('cost.sidecars')}
            figure={fig('cost.sidecars')}
            trend={trends[`${mesh.id}.cost.sidecars`]}
            datasourceUid={datasourceUid}
            reason={r('cost.sidecars')}
          />
        )}
        {has('cost.controlPlane') && (
          <FigureStat
            label="Control plane"
            value={cost.controlPlane}
            unit="currencyUSD"
            expr={q('cost.controlPlane')}
            figure={fig('cost.controlPlane')}
            trend={trends[`${mesh.id}.cost.controlPlane`]}
            datasourceUid={datasourceUid}
            reason={r('cost.controlPlane')}
          />
        )}
        {has('cost.nodeAgents') && (
          <FigureStat
            label="Node agents"
            value={cost.nodeAgents}
            unit="currencyUSD"
            expr={q('cost.nodeAgents')}
            figure={fig('cost.nodeAgents')}
            trend={trends[`${mesh.id}.cost.nodeAgents`]}
            datasourceUid={datasourceUid}
            reason={r('cost.nodeAgents')}
          />
        )}
      </Stack>
      <Stack direction="row" wrap="wrap" gap={4}>
        {has('sidecars.cpuShare') && (
          <FigureStat
            label="Share of cluster CPU"
            value={mesh.sidecars.cpuShare}
            unit="percentunit"
            expr={q('sidecars.cpuShare')}
            figure={fig('sidecars.cpuShare')}
            trend={trends[`${mesh.id}.sidecars.cpuShare`]}
            datasourceUid={datasourceUid}
            reason={r('sidecars.cpuShare')}
          />
        )}
        {has('sidecars.memoryShare') && (
          <FigureStat
            label="Share of cluster memory"
            value={mesh.sidecars.memoryShare}
            unit="percentunit"
            expr={q('sidecars.memoryShare')}
            figure={fig('sidecars.memoryShare')}
            trend={trends[`${mesh.id}.sidecars.memoryShare`]}
            datasourceUid={datasourceUid}
            reason={r('sidecars.memoryShare')}
          />
        )}
        {has('sidecars.cpuRequestShare') && (
          <FigureStat
            label="Share of requested CPU"
            value={mesh.sidecars.cpuRequestShare}
            unit="percentunit"
            expr={q('sidecars.cpuRequestShare')}
            figure={fig('sidecars.cpuRequestShare')}
            trend={trends[`${mesh.id}.sidecars.cpuRequestShare`]}
            datasourceUid={datasourceUid}
          />
        )}
        {has('sidecars.nodesReservedCpu') && (
          <FigureStat
            label="Nodes' worth of CPU requested"
            value={mesh.sidecars.nodesReservedCpu}
            unit="nodes"
            expr={q('sidecars.nodesReservedCpu')}
            figure={fig('sidecars.nodesReservedCpu')}
            trend={trends[`${mesh.id}.sidecars.nodesReservedCpu`]}
            datasourceUid={datasourceUid}
          />
        )}
        <FigureStat
          label="p99 latency added"
          value={mesh.latency.addedMs}
          unit="ms"
          expr={q('latency.p99Added')}
          figure={fig('latency.p99Added')}
          trend={trends[`${mesh.id}.latency.p99Added`]}
          datasourceUid={datasourceUid}
          note={mesh.latency.addedMs === null ? undefined : bucket(mesh)}
          reason={mesh.latency.reason}
        />
      </Stack>
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
