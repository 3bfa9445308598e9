import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, LinkButton, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import type { AppSettings } from '../../model/settings';
import { CONFIG_URL } from '../../utils/utils.routing';
import { formatFigure } from '../../utils/utils.units';
import { BenchmarkTable } from './BenchmarkTable';
import { ClusterTable } from './ClusterTable';
import { KeepOrDrop } from './keepOrDrop/KeepOrDrop';
import { MissingKsm, missingKsm } from './MissingKsm';
import { MeshCard } from './MeshCard';
import { NoMeshDetails } from './NoMeshDetails';
import { RangeCostWarning } from './RangeCostWarning';
import { useReport, type OverviewScope, type ReportState } from './useReport';
import { useTrends } from './useTrends';

export interface OverviewContentProps {
  settings: AppSettings;
  uid: string | undefined;
  /** Evaluation time and trend start, unix seconds, from the page's time range. */
  time: number;
  from: number;
  scope: OverviewScope;
}

function pricingLine(report: Extract<ReportState, { state: 'done' }>['report']): string {
  const p = report.pricing;
  return p.source === 'opencost'
    ? `Priced with OpenCost's node prices, ${p.hoursPerMonth} h/month, basis: ${p.basis}.`
    : `Priced at ${formatFigure(p.cpuHourUsd, 'currencyUSD', 4)} per vCPU-hour and ${formatFigure(p.gibHourUsd, 'currencyUSD', 4)} per GiB-hour, ${p.hoursPerMonth} h/month, basis: ${p.basis}.`;
}

/** The overview's body: measures once per data source, time, scope and retry, and renders every state in place. */
export function OverviewContent({ settings, uid, time, from, scope }: OverviewContentProps) {
  const styles = useStyles2(getStyles);
  const [attempt, setAttempt] = useState(0);
  const result = useReport(uid, time, settings, attempt, scope);
  const trends = useTrends(result.state === 'done' ? result.report : undefined, uid, from, time);
  return (
    <div className={styles.page} data-testid="meshtax-overview">
      <Text color="secondary">
        Measured at {new Date(time * 1000).toISOString()} over a 5m rate window; trends cover the selected range.
      </Text>
      {result.state === 'loading' && (
        <div data-meshtax-loading>
          <LoadingPlaceholder text="Measuring your mesh…" />
        </div>
      )}
      {result.state === 'error' && (
        <Alert severity="error" title="Mesh Tax could not measure">
          <Stack direction="column" gap={1} alignItems="flex-start">
            {result.message}
            <Button size="sm" variant="secondary" icon="sync" onClick={() => setAttempt(attempt + 1)}>
              Retry
            </Button>
          </Stack>
        </Alert>
      )}
      {result.state === 'done' && (
        <>
          <Stack direction="row" alignItems="center" gap={2} wrap="wrap">
            <Text color="secondary">
              {pricingLine(result.report)} Cluster: {formatFigure(result.report.cluster.cpuCores, 'cores')} and{' '}
              {formatFigure(result.report.cluster.memoryBytes, 'bytes')} in use.
            </Text>
            <LinkButton href={CONFIG_URL} variant="secondary" size="sm" icon="cog">
              Change pricing
            </LinkButton>
          </Stack>
          {result.warnings.length > 0 && (
            <Alert severity="warning" title="Prometheus warned while answering">
              <ul>
                {result.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
              The figures below are what it answered; a warning often means a partial answer.
            </Alert>
          )}
          {missingKsm(result.report) && <MissingKsm />}
          <RangeCostWarning report={result.report} />
          {result.report.meshes.length === 0 ? (
            <Alert severity="info" title="No service mesh detected">
              <NoMeshDetails />
            </Alert>
          ) : (
            <>
              {uid && <BenchmarkTable report={result.report} datasourceUid={uid} timeSec={time} />}
              <ClusterTable report={result.report} />
              <KeepOrDrop report={result.report} />
              {result.report.meshes.map((m) => (
                <MeshCard key={m.id} mesh={m} datasourceUid={uid} trends={trends} />
              ))}
            </>
          )}
        </>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), minWidth: 0 }),
});
