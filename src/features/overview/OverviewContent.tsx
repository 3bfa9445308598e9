import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, rangeUtil, type GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, LinkButton, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import type { Report } from '../../model/report';
import type { AppSettings } from '../../model/settings';
import { CONFIG_URL } from '../../utils/utils.routing';
import { formatFigure } from '../../utils/utils.units';
import { BenchmarkTable } from './BenchmarkTable';
import { ClusterTable } from './ClusterTable';
import { chartsOf } from './costScene';
import type { VizPanel } from '@grafana/scenes';
import { Headline } from './Headline';
import { KeepOrDrop } from './keepOrDrop/KeepOrDrop';
import { MeshCard } from './MeshCard';
import { viewOfProgress } from './meshView';
import { MissingKsm, missingKsm } from './MissingKsm';
import { NoMeshDetails, NotDetected } from './NoMeshDetails';
import { RangeCostWarning } from './RangeCostWarning';
import { useReport, type OverviewScope, type ReportSoFar } from './useReport';
import { useInstantCosts } from './useInstantCosts';
import { useTrends } from './useTrends';

export interface OverviewContentProps {
  settings: AppSettings;
  uid: string | undefined;
  /** Evaluation time and trend start, unix seconds, from the page's time range. */
  time: number;
  from: number;
  scope: OverviewScope;
  /** The scene's chart panels, once built for the report. */
  charts?: VizPanel[];
  /** Hears each finished report (the scene builds its charts from it). */
  onReport?: (report: Report) => void;
}

function pricingLine(report: Report): string {
  const p = report.pricing;
  return p.source === 'opencost'
    ? `Priced with OpenCost's node prices, ${p.hoursPerMonth} h/month, billed on ${p.basis}.`
    : `Priced at ${formatFigure(p.cpuHourUsd, 'currencyUSD', 4)} per vCPU-hour and ${formatFigure(p.gibHourUsd, 'currencyUSD', 4)} per GiB-hour, ${p.hoursPerMonth} h/month, billed on ${p.basis}.`;
}

/** When and over what a monthly figure is measured, in plain words. */
function windowLine(report: Report, time: number): string {
  const h = report.pricing.hoursPerMonth;
  return report.averageOver
    ? `the mean over the selected ${rangeUtil.secondsToHms(rangeUtil.intervalToSeconds(report.averageOver))} up to ${dateTimeFormat(time * 1000)}, × ${h} h`
    : `at ${dateTimeFormat(time * 1000)}: the last ${report.window}'s rate × ${h} h`;
}

/** The figures arriving: every detected mesh's card, each figure filling in as its answer comes. */
function Arriving({ soFar, settings, uid }: { soFar: ReportSoFar; settings: AppSettings; uid?: string }) {
  const q = settings.options.latency.quantile;
  return (
    <>
      {(soFar.meshes ?? []).map((m) => (
        <MeshCard key={m.id} view={viewOfProgress(m, soFar, q)} datasourceUid={uid} />
      ))}
    </>
  );
}

/** The overview's body: measures once per data source, time, scope and retry, and renders every state in place. */
export function OverviewContent({ settings, uid, time, from, scope, charts, onReport }: OverviewContentProps) {
  const styles = useStyles2(getStyles);
  const [attempt, setAttempt] = useState(0);
  const result = useReport(uid, time, settings, attempt, scope, from);
  const report = result.state === 'done' ? result.report : undefined;
  const trends = useTrends(report, uid, from, time);
  const instant = useInstantCosts(report, uid, time);
  useEffect(() => {
    if (report) {
      onReport?.(report);
    }
  }, [report, onReport]);
  return (
    <div className={styles.page} data-testid="meshtax-overview">
      {result.state === 'loading' && (
        <>
          <div data-meshtax-loading>
            <LoadingPlaceholder text="Measuring your mesh…" />
          </div>
          {result.soFar && <Arriving soFar={result.soFar} settings={settings} uid={uid} />}
        </>
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
      {report && result.state === 'done' && (
        <>
          {report.meshes.length > 0 && (
            <Headline report={report} window={windowLine(report, time)} instantTotal={instant?.total} />
          )}
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
          {missingKsm(report) && <MissingKsm />}
          <RangeCostWarning report={report} />
          {report.meshes.length === 0 ? (
            <Alert severity="info" title="No service mesh detected">
              <NoMeshDetails />
            </Alert>
          ) : (
            <>
              {uid && <BenchmarkTable report={report} datasourceUid={uid} timeSec={time} />}
              <div className={styles.cards}>
                {report.meshes.map((m) => (
                  <MeshCard
                    key={m.id}
                    mesh={m}
                    cluster={report.cluster}
                    datasourceUid={uid}
                    timeSec={time}
                    trends={trends}
                    instantCost={instant?.byMesh[m.id]}
                    composition={chartsOf(charts, m.id).composition}
                  />
                ))}
              </div>
              {charts && (
                <section aria-label="Cost over time" className={styles.charts}>
                  <Text element="h2" variant="h4">
                    Cost over time, per mesh
                  </Text>
                  <div className={styles.chartGrid}>
                    {report.meshes.map((m) => {
                      const panel = chartsOf(charts, m.id).overTime;
                      return panel ? (
                        <div key={m.id} className={styles.chart} data-testid={`meshtax-cost-over-time-${m.id}`}>
                          <panel.Component model={panel} />
                        </div>
                      ) : null;
                    })}
                  </div>
                </section>
              )}
              <ClusterTable report={report} />
              <KeepOrDrop report={report} />
            </>
          )}
          <Stack direction="row" alignItems="center" gap={2} wrap="wrap">
            <Text color="secondary">
              {pricingLine(report)} The cluster has {formatFigure(report.cluster.cpuCores, 'cores')} and{' '}
              {formatFigure(report.cluster.memoryBytes, 'bytes')} in use.
            </Text>
            <LinkButton href={CONFIG_URL} variant="secondary" size="sm" icon="cog">
              Change pricing
            </LinkButton>
          </Stack>
          {report.meshes.length > 0 && <NotDetected present={report.meshes.map((m) => m.id)} />}
        </>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), minWidth: 0 }),
  cards: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 460px), 1fr))',
    gap: theme.spacing(2),
  }),
  charts: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  chartGrid: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 460px), 1fr))',
    gap: theme.spacing(2),
  }),
  chart: css({ height: 260, minWidth: 0 }),
});
