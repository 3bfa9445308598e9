import React, { useState } from 'react';
import { DataSourcePicker } from '@grafana/runtime';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Combobox, Field, Input, Stack, Text, TextArea, useStyles2 } from '@grafana/ui';
import {
  AlertFormError,
  alertRulePayload,
  defaultSummary,
  parseLabels,
  type AlertRuleForm,
  type ProvisionedAlertRule,
} from '../../model/alerts/payload';
import { ALERT_VARIANTS, variantOf } from '../../model/alerts/variants';
import type { FigureOptions } from '../../model/figures';
import type { Folder } from '../../services/alerting';
import { summaryPreview } from './ruleText';

export interface AlertFormProps {
  initial: AlertRuleForm;
  options: FigureOptions;
  folders: Folder[] | string;
  /** Sends the rule; resolves with a message to show, rejects with an error to show in place. */
  onSubmit(rule: ProvisionedAlertRule): Promise<string>;
  /** Closes the form (new or edit) without saving. */
  onCancel?(): void;
}

/**
 * Field hands its child `invalid` (and `disabled`, `loading`) props; on a plain div React warns about a non-boolean
 * DOM attribute, so the picker's sizing box takes and drops them.
 */
function PickerBox({ children }: { children: React.ReactNode }) {
  return <div style={{ minWidth: 220 }}>{children}</div>;
}

const labelsText = (l: Record<string, string>) =>
  Object.entries(l)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');

/**
 * Create or edit one Mesh Tax alert rule. Values stay as typed (text) until submit, so a bad value is reported at
 * its field and nothing the user typed is lost.
 */
export function AlertForm({ initial, options, folders, onSubmit, onCancel }: AlertFormProps) {
  const [f, setF] = useState({
    ...initial,
    threshold: String(initial.threshold),
    labels: labelsText(initial.labels),
  });
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | undefined>();
  const [result, setResult] = useState<{ ok: boolean; message: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const err = (field: string) => (fieldError?.field === field ? fieldError.message : undefined);
  const variant = variantOf(f.variant) ?? ALERT_VARIANTS[0];
  const mesh = options.meshes.find((m) => m.id === f.meshId);
  const defaultTemplate = mesh ? defaultSummary(variant, mesh.name, Number(f.threshold) || 0) : '';
  // Empty means the default, which follows the variant, mesh and threshold as they change.
  const summaryTemplate = f.summary.trim() ? f.summary : defaultTemplate;
  // The template is there on demand; a rule saved with its own summary opens with it shown.
  const [showTemplate, setShowTemplate] = useState(initial.summary.trim() !== '');
  const styles = useStyles2(getStyles);

  const submit = async () => {
    setResult(undefined);
    let rule: ProvisionedAlertRule;
    try {
      const threshold = f.threshold.trim() === '' ? NaN : Number(f.threshold);
      rule = alertRulePayload({ ...f, threshold, labels: parseLabels(f.labels) }, options);
      setFieldError(undefined);
    } catch (e) {
      if (e instanceof AlertFormError) {
        setFieldError({ field: e.field, message: e.message });
        return;
      }
      throw e;
    }
    setBusy(true);
    try {
      setResult({ ok: true, message: await onSubmit(rule) });
    } catch (e) {
      setResult({ ok: false, message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  // Nested folders show their path ("Platform / Mesh"), so two folders with one title stay apart; typing filters.
  const folderOptions = Array.isArray(folders) ? folders.map((x) => ({ value: x.uid, label: x.path })) : [];
  return (
    <form
      aria-label={f.uid ? 'Edit alert rule' : 'Create alert rule'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack direction="row" gap={2} wrap="wrap">
        <Field label="Alert when" invalid={!!err('variant')} error={err('variant')}>
          <Combobox
            id="meshtax-alert-variant"
            width={36}
            options={ALERT_VARIANTS.map((v) => ({ value: v.id, label: v.label }))}
            value={f.variant}
            onChange={(o) =>
              setF({ ...f, variant: o.value!, threshold: String(variantOf(o.value!)!.defaultThreshold) })
            }
          />
        </Field>
        <Field label="Mesh" invalid={!!err('mesh')} error={err('mesh')}>
          <Combobox
            id="meshtax-alert-mesh"
            width={24}
            options={options.meshes.map((m) => ({ value: m.id, label: m.name }))}
            value={f.meshId}
            onChange={(o) => set('meshId')(o.value)}
          />
        </Field>
        <Field label="Data source" invalid={!!err('datasource')} error={err('datasource')}>
          <PickerBox>
            <DataSourcePicker
              pluginId="prometheus"
              current={f.datasourceUid || null}
              onChange={(ds) => set('datasourceUid')(ds.uid)}
              noDefault
            />
          </PickerBox>
        </Field>
      </Stack>
      <Stack direction="row" gap={2} wrap="wrap">
        <Field label={variant.thresholdLabel} invalid={!!err('threshold')} error={err('threshold')}>
          <Input
            id="meshtax-alert-threshold"
            width={20}
            inputMode="decimal"
            value={f.threshold}
            onChange={(e) => set('threshold')(e.currentTarget.value)}
          />
        </Field>
        <Field label="For" description="How long it must stay above" invalid={!!err('for')} error={err('for')}>
          <Input id="meshtax-alert-for" width={12} value={f.for} onChange={(e) => set('for')(e.currentTarget.value)} />
        </Field>
        <Field
          label="Folder"
          invalid={!!err('folder') || typeof folders === 'string'}
          error={err('folder') ?? (typeof folders === 'string' ? folders : undefined)}
        >
          <Combobox
            id="meshtax-alert-folder"
            width={36}
            options={folderOptions}
            value={f.folderUid || null}
            onChange={(o) => set('folderUid')(o.value)}
            placeholder="Choose a folder"
          />
        </Field>
        <Field label="Evaluation group" invalid={!!err('group')} error={err('group')}>
          <Input
            id="meshtax-alert-group"
            width={24}
            value={f.group}
            onChange={(e) => set('group')(e.currentTarget.value)}
          />
        </Field>
      </Stack>
      <Stack direction="row" gap={2} wrap="wrap">
        <Field
          label="Labels"
          description="key=value, one per line, for notification routing"
          invalid={!!err('labels')}
          error={err('labels')}
        >
          <TextArea
            id="meshtax-alert-labels"
            style={{ width: 'min(260px, 85vw)' }}
            rows={3}
            value={f.labels}
            onChange={(e) => set('labels')(e.currentTarget.value)}
          />
        </Field>
        <Field label="Summary" description="What a notification says; ‹…› is filled in by Grafana when the rule fires">
          <div className={styles.summary}>
            <Text element="p" data-testid="meshtax-alert-summary-preview">
              {summaryPreview(summaryTemplate)}
            </Text>
            <Button
              size="sm"
              variant="secondary"
              fill="text"
              icon={showTemplate ? 'angle-up' : 'angle-down'}
              aria-expanded={showTemplate}
              aria-controls="meshtax-alert-summary"
              onClick={() => setShowTemplate(!showTemplate)}
            >
              {showTemplate ? 'Hide template' : 'Edit template'}
            </Button>
            {showTemplate && (
              <TextArea
                id="meshtax-alert-summary"
                aria-label="Summary template"
                style={{ width: 'min(480px, 85vw)' }}
                rows={3}
                value={f.summary}
                placeholder={defaultTemplate}
                onChange={(e) => set('summary')(e.currentTarget.value)}
              />
            )}
          </div>
        </Field>
        <Field label="Runbook URL" invalid={!!err('runbookUrl')} error={err('runbookUrl')}>
          <Input
            id="meshtax-alert-runbook"
            width={36}
            value={f.runbookUrl}
            placeholder="https://"
            onChange={(e) => set('runbookUrl')(e.currentTarget.value)}
          />
        </Field>
      </Stack>
      {result && (
        <Alert severity={result.ok ? 'success' : 'error'} title={result.ok ? 'Saved' : 'Not saved'}>
          {result.message}
        </Alert>
      )}
      <Stack direction="row" gap={1}>
        <Button type="submit" icon="bell" disabled={busy}>
          {f.uid ? 'Save alert rule' : 'Create alert rule'}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </Stack>
    </form>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  summary: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
    maxWidth: 'min(480px, 85vw)',
  }),
});
