import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Text, useStyles2 } from '@grafana/ui';
import type { Unit } from '../../../model/figures';
import type { Report } from '../../../model/report';
import {
  clusterNodeFact,
  keepOrDropFacts,
  moveProjections,
  type KeepOrDropFacts,
  type NodeFact,
} from '../../../model/value/keepOrDrop';
import { formatFigure } from '../../../utils/utils.units';

/** One fact: a label and a value in its unit; null reads "unavailable" with its reason, never 0. */
function Fact({ label, value, unit, reason }: { label: string; value: number | null; unit: Unit; reason?: string }) {
  const styles = useStyles2(getStyles);
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {formatFigure(value, unit, unit === 'services' ? 0 : 2)}
        {value === null && reason && (
          <Text element="p" variant="bodySmall" color="secondary">
            <span className={styles.reason}>{reason.replace(/^unavailable:\s*/, '')}</span>
          </Text>
        )}
      </dd>
    </>
  );
}

/** The cluster's nodes against the article's line, once for all meshes: "12 nodes (article's line: 100)". */
function NodeLine({ fact }: { fact: NodeFact }) {
  const line = `article's line: ${formatFigure(fact.line, 'nodes', 0)}`;
  return (
    <Text element="p" data-testid="meshtax-keep-or-drop-nodes">
      This cluster: {fact.nodes === null ? 'unavailable' : formatFigure(fact.nodes, 'nodes', 0)} ({line})
      {fact.nodes === null && fact.reason ? ` — ${fact.reason.replace(/^unavailable:\s*/, '')}` : ''}
    </Text>
  );
}

function MeshFacts({ f }: { f: KeepOrDropFacts }) {
  const styles = useStyles2(getStyles);
  const why = f.reasons;
  return (
    <section aria-label={`Keep or drop: ${f.meshName}`} className={styles.mesh}>
      <Text element="h4">{f.meshName}</Text>
      <dl className={styles.facts}>
        <Fact label="Costs per month" value={f.monthlyUsd} unit="currencyUSD" reason={why.monthlyUsd} />
        <Fact label="Adds at p99" value={f.p99AddedMs} unit="ms" reason={why.p99AddedMs} />
        <Fact label="Requests served" value={f.requestsPerSecond} unit="reqps" reason={why.requestsPerSecond} />
        <Fact label="mTLS coverage" value={f.mtlsShare} unit="percentunit" reason={why.mtlsShare} />
        <Fact label="Services splitting traffic" value={f.splitServices} unit="services" reason={why.splitServices} />
        <Fact label="Resilience events" value={f.resilienceEvents} unit="eventsps" reason={why.resilienceEvents} />
        <Fact label="Removing it frees, per month" value={f.frees.monthlyUsd} unit="currencyUSD" />
        <Fact label="… CPU" value={f.frees.cores} unit="cores" />
        <Fact label="… memory" value={f.frees.memoryBytes} unit="bytes" />
        <Fact label="… nodes' worth of proxy requests" value={f.frees.nodes} unit="nodes" />
      </dl>
    </section>
  );
}

/** Facts only, side by side, per mesh; with two meshes, a labelled projection of moving pods with its inputs. */
export function KeepOrDrop({ report }: { report: Report }) {
  const styles = useStyles2(getStyles);
  const moves = moveProjections(report.meshes);
  return (
    <section aria-label="Keep or drop" data-testid="meshtax-keep-or-drop">
      <Text element="h3">Keep or drop</Text>
      <Text color="secondary">What each mesh costs next to what it does here, at the measured time.</Text>
      <NodeLine fact={clusterNodeFact(report)} />
      <div className={styles.row}>
        {report.meshes.map((m) => (
          <MeshFacts key={m.id} f={keepOrDropFacts(m)} />
        ))}
      </div>
      {moves.length > 0 && (
        <section aria-label="Projection: moving pods between meshes">
          <Text element="h4">Projection: moving the remaining pods</Text>
          <ul>
            {moves.map((mv) => (
              <li key={`${mv.from.id}-${mv.to.id}`}>
                Projection, not a measurement: moving {mv.pods} pods from {mv.from.name} to {mv.to.name} changes the
                proxies&apos; monthly cost by {formatFigure(mv.monthlyChangeUsd, 'currencyUSD')} (inputs: {mv.pods} pods
                × ({formatFigure(mv.toPerPodUsd, 'currencyUSD')} − {formatFigure(mv.fromPerPodUsd, 'currencyUSD')}) per
                pod per month, each mesh&apos;s proxy cost per pod measured in this cluster; control planes not
                included).
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2) }),
  mesh: css({ flex: '1 1 280px', minWidth: 0 }),
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    gap: theme.spacing(0.5, 2),
    dd: { margin: 0, textAlign: 'right' },
  }),
  // A reason is prose: it wraps under the value instead of widening the column.
  reason: css({ display: 'block', textAlign: 'left', overflowWrap: 'anywhere' }),
});
