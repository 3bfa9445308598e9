import React, { useState } from 'react';
import { lastValueFrom } from 'rxjs';
import { css } from '@emotion/css';
import type { AppPluginMeta, GrafanaTheme2, PluginConfigPageProps } from '@grafana/data';
import { DataSourcePicker, getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { DEFAULT_OPTIONS } from '../../model/options/defaults';
import { resolveOptions } from '../../model/options/resolve';
import type { PricingSource, StoredSettings } from '../../model/options/types';
import { storedValues, toStoredSettings } from '../../model/settings';
import type { Basis } from '../../model/resources';
import { testIds } from '../../components/testIds';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<StoredSettings>> {}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** The form's inputs, named as the option fields they edit. */
type TextField = 'cpuHourUsd' | 'gibHourUsd' | 'hoursPerMonth' | 'idleRps' | 'namespaceExclude' | 'customContainer';

/**
 * Every text input as typed, so a half-typed price is never lost or silently coerced; the resolver parses the draft on
 * each change, exactly as it parses saved settings and CLI flags.
 */
type Draft = Record<TextField, string> & {
  defaultDatasourceUid?: string;
  pricingSource: PricingSource;
  basis: Basis;
};

/** The saved values as they are (an invalid one is shown with its error, not replaced), defaults for the rest. */
function toDraft(jsonData: StoredSettings | undefined): Draft {
  const saved = storedValues(jsonData);
  const d = DEFAULT_OPTIONS;
  const text = (v: unknown, fallback: unknown) => String(v ?? fallback ?? '');
  return {
    defaultDatasourceUid: jsonData?.defaultDatasourceUid,
    pricingSource: (saved.pricingSource as PricingSource | undefined) ?? d.pricingSource,
    basis: (saved.basis as Basis | undefined) ?? d.basis,
    cpuHourUsd: text(saved.cpuHourUsd, d.prices.cpuHourUsd),
    gibHourUsd: text(saved.gibHourUsd, d.prices.gibHourUsd),
    hoursPerMonth: text(saved.hoursPerMonth, d.prices.hoursPerMonth),
    idleRps: text(saved.idleRps, d.idleRps),
    namespaceExclude: text(saved.namespaceExclude, ''),
    customContainer: text(saved.customContainer, ''),
  };
}

const AppConfig = ({ plugin }: AppConfigProps) => {
  const styles = useStyles2(getStyles);
  const [draft, setDraft] = useState<Draft>(() => toDraft(plugin.meta.jsonData));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const { defaultDatasourceUid, ...values } = draft;
  // Errors are keyed by option field, and each input here is named after its field.
  const { options, errors } = resolveOptions(values);
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setStatus({ kind: 'idle' });
  };
  const text = (key: TextField) => ({
    id: `meshtax-${key}`,
    value: draft[key],
    invalid: !!errors[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set({ [key]: e.currentTarget.value }),
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
          data: {
            enabled: plugin.meta.enabled,
            pinned: plugin.meta.pinned,
            jsonData: toStoredSettings(options, defaultDatasourceUid),
          },
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
        <Field
          label="Price source"
          description="Auto uses OpenCost's node prices when its metrics are present"
          invalid={!!errors.pricingSource}
          error={errors.pricingSource}
        >
          <RadioButtonGroup<PricingSource>
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
        <Field
          label="Cost basis"
          description="Max is max(usage, requests) per container, as OpenCost allocates"
          invalid={!!errors.basis}
          error={errors.basis}
        >
          <RadioButtonGroup<Basis>
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
