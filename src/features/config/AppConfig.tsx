import React, { useState } from 'react';
import { lastValueFrom } from 'rxjs';
import { css } from '@emotion/css';
import type { AppPluginMeta, GrafanaTheme2, PluginConfigPageProps } from '@grafana/data';
import { DataSourcePicker, getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { settingsErrors, withDefaults, type AppSettings } from '../../model/settings';
import { testIds } from '../../components/testIds';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<Partial<AppSettings>>> {}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** Numbers stay as typed text until saved, so a half-typed price is never lost or silently coerced. */
type Draft = Omit<AppSettings, 'cpuHourUsd' | 'gibHourUsd' | 'hoursPerMonth' | 'idleRps'> &
  Record<'cpuHourUsd' | 'gibHourUsd' | 'hoursPerMonth' | 'idleRps', string>;

function toDraft(s: AppSettings): Draft {
  return {
    ...s,
    cpuHourUsd: String(s.cpuHourUsd),
    gibHourUsd: String(s.gibHourUsd),
    hoursPerMonth: String(s.hoursPerMonth),
    idleRps: String(s.idleRps),
  };
}

function fromDraft(d: Draft): AppSettings {
  const n = (v: string) => (v.trim() === '' ? NaN : Number(v));
  return {
    ...d,
    cpuHourUsd: n(d.cpuHourUsd),
    gibHourUsd: n(d.gibHourUsd),
    hoursPerMonth: n(d.hoursPerMonth),
    idleRps: n(d.idleRps),
  };
}

const AppConfig = ({ plugin }: AppConfigProps) => {
  const styles = useStyles2(getStyles);
  const [draft, setDraft] = useState<Draft>(() => toDraft(withDefaults(plugin.meta.jsonData)));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const errors = settingsErrors(fromDraft(draft));
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setStatus({ kind: 'idle' });
  };
  const text = (key: keyof Draft) => ({
    id: `meshtax-${key}`,
    value: String(draft[key] ?? ''),
    invalid: !!errors[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set({ [key]: e.currentTarget.value } as Partial<Draft>),
  });

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (Object.keys(errors).length) {
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      await lastValueFrom(
        getBackendSrv().fetch({
          url: `/api/plugins/${plugin.meta.id}/settings`,
          method: 'POST',
          data: { enabled: plugin.meta.enabled, pinned: plugin.meta.pinned, jsonData: fromDraft(draft) },
          showErrorAlert: false,
        })
      );
      setStatus({ kind: 'saved' });
    } catch (err) {
      const x = err as { status?: number; data?: { message?: string } };
      const why =
        x.status === 403
          ? 'you need the Admin role (or plugins:write) to change these settings'
          : (x.data?.message ?? `HTTP ${x.status ?? '?'}`);
      setStatus({ kind: 'error', message: `Not saved: ${why}. Your entries are still here.` });
    }
  };

  return (
    <form onSubmit={onSubmit} className={styles.form} data-testid={testIds.appConfig.form}>
      <FieldSet label="Data">
        <Field
          label="Default Prometheus data source"
          description="Any Prometheus-compatible data source; the app lets viewers switch."
        >
          <DataSourcePicker
            current={draft.defaultDatasourceUid}
            pluginId="prometheus"
            noDefault
            onChange={(ds) => set({ defaultDatasourceUid: ds.uid })}
          />
        </Field>
        <Field
          label="Namespaces to leave out"
          description="A regular expression (RE2), e.g. kube-system|monitoring"
          invalid={!!errors.namespaceExclude}
          error={errors.namespaceExclude}
        >
          <Input {...text('namespaceExclude')} placeholder="kube-system|monitoring" />
        </Field>
        <Field
          label="Custom proxy container"
          description="Name or regex of a proxy container the catalogue does not know"
          invalid={!!errors.customContainer}
          error={errors.customContainer}
        >
          <Input {...text('customContainer')} placeholder="my-envoy" />
        </Field>
        <Field
          label="Idle threshold (requests per second)"
          description="Workloads below this rate count as idle sidecars"
          invalid={!!errors.idleRps}
          error={errors.idleRps}
        >
          <Input {...text('idleRps')} type="number" min={0} step="any" />
        </Field>
      </FieldSet>
      <FieldSet label="Pricing">
        <Field label="Price source" description="Auto uses OpenCost's node prices when its metrics are present">
          <RadioButtonGroup<AppSettings['pricingSource']>
            options={[
              { label: 'Auto', value: 'auto' },
              { label: 'Flat rates', value: 'flat' },
              { label: 'OpenCost', value: 'opencost' },
            ]}
            value={draft.pricingSource}
            onChange={(v) => set({ pricingSource: v })}
          />
        </Field>
        <Field label="USD per vCPU-hour" invalid={!!errors.cpuHourUsd} error={errors.cpuHourUsd}>
          <Input {...text('cpuHourUsd')} type="number" step="any" />
        </Field>
        <Field
          label="USD per GiB-hour of memory"
          description="GiB = 2^30 bytes"
          invalid={!!errors.gibHourUsd}
          error={errors.gibHourUsd}
        >
          <Input {...text('gibHourUsd')} type="number" step="any" />
        </Field>
        <Field label="Hours per month" invalid={!!errors.hoursPerMonth} error={errors.hoursPerMonth}>
          <Input {...text('hoursPerMonth')} type="number" step="any" />
        </Field>
        <Field label="Cost basis" description="Max is max(usage, requests) per container, as OpenCost allocates">
          <RadioButtonGroup<AppSettings['basis']>
            options={[
              { label: 'Usage', value: 'usage' },
              { label: 'Requests', value: 'requests' },
              { label: 'Max', value: 'max' },
            ]}
            value={draft.basis}
            onChange={(v) => set({ basis: v })}
          />
        </Field>
      </FieldSet>
      {status.kind === 'saved' && <Alert severity="success" title="Saved" />}
      {status.kind === 'error' && <Alert severity="error" title={status.message} />}
      <Button
        type="submit"
        disabled={Object.keys(errors).length > 0 || status.kind === 'saving'}
        data-testid={testIds.appConfig.submit}
      >
        {status.kind === 'saving' ? 'Saving…' : 'Save settings'}
      </Button>
    </form>
  );
};

export default AppConfig;

const getStyles = (theme: GrafanaTheme2) => ({
  form: css({ maxWidth: 640, display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
});
