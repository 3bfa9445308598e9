import React, { useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { DataSourcePicker, PluginPage } from '@grafana/runtime';
import { Alert, Button, LinkButton, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import type { AppSettings } from '../../model/settings';
import { pickDatasourceUid } from '../../services/prometheus';
import { CONFIG_URL } from '../../utils/utils.routing';
import { formatFigure } from '../../utils/utils.units';
import { BenchmarkTable } from './BenchmarkTable';
import { NoMeshDetails } from './NoMeshDetails';
import { MeshCard } from './MeshCard';
import { useReport } from './useReport';
import { useTrends } from './useTrends';

/** Evaluation time from Grafana's `to` URL parameter (ms, or "now"), so a shared link shows the same numbers. */
function evalTime(search: string): number {
  const to = new URLSearchParams(search).get('to');
  const ms = to && /^\d+$/.test(to) ? Number(to) : Date.now();
  return Math.floor(ms / 1000);
}

/** Start of the trend range from `from` (ms); six hours before the evaluation time otherwise. */
function trendStart(search: string, time: number): number {
  const from = new URLSearchParams(search).get('from');
  return from && /^\d+$/.test(from) ? Math.floor(Number(from) / 1000) : time - 6 * 3600;
}

export function Overview({ settings }: { settings: AppSettings }) {
  const styles = useStyles2(getStyles);
  const location = useLocation();
  const [uid, setUid] = useState(() => pickDatasourceUid(settings.defaultDatasourceUid));
  const time = useMemo(() => evalTime(location.search), [location.search]);
  const [attempt, setAttempt] = useState(0);
  const result = useReport(uid, time, settings, attempt);
  const from = useMemo(() => trendStart(location.search, time), [location.search, time]);
  const trends = useTrends(result.state === 'done' ? result.report : undefined, uid, from, time);
  return (
    <PluginPage>
      <div className={styles.page} data-testid="meshtax-overview">
        <Stack direction="row" alignItems="center" gap={2} wrap="wrap">
          <div className={styles.picker}>
            <DataSourcePicker current={uid} pluginId="prometheus" onChange={(ds) => setUid(ds.uid)} noDefault />
          </div>
          <Text color="secondary">at {new Date(time * 1000).toISOString()}, rate window 5m</Text>
        </Stack>
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
                {result.report.pricing.source === 'opencost'
                  ? `Priced with OpenCost's node prices, ${result.report.pricing.hoursPerMonth} h/month, basis: ${result.report.pricing.basis}.`
                  : `Priced at $${result.report.pricing.cpuHourUsd} per vCPU-hour and $${result.report.pricing.gibHourUsd} per GiB-hour, ${result.report.pricing.hoursPerMonth} h/month, basis: ${result.report.pricing.basis}.`}{' '}
                Cluster: {formatFigure(result.report.cluster.cpuCores, 'cores')} and{' '}
                {formatFigure(result.report.cluster.memoryBytes, 'bytes')} in use.
              </Text>
              <LinkButton href={CONFIG_URL} variant="secondary" size="sm" icon="cog">
                Change pricing
              </LinkButton>
            </Stack>
            {result.report.meshes.length === 0 ? (
              <Alert severity="info" title="No service mesh detected">
                <NoMeshDetails />
              </Alert>
            ) : (
              <>
                {uid && <BenchmarkTable report={result.report} datasourceUid={uid} timeSec={time} />}
                {result.report.meshes.map((m) => (
                  <MeshCard key={m.id} mesh={m} datasourceUid={uid} trends={trends} />
                ))}
              </>
            )}
          </>
        )}
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  picker: css({ minWidth: 280 }),
});
