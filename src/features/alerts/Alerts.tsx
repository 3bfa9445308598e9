import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { useSearchParams } from 'react-router-dom';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import { canEditDashboards } from '../../components/FigureActions/FigureActions';
import { formOfRule, type AlertRuleForm } from '../../model/alerts/payload';
import { ALERT_VARIANTS, variantOfFigure } from '../../model/alerts/variants';
import { figureOptions } from '../../model/options/figureOptions';
import type { AppSettings } from '../../model/settings';
import { createAlertRule, deleteAlertRule, updateAlertRule } from '../../services/alerting';
import { pickDatasourceUid } from '../../services/prometheus';
import { AlertForm } from './AlertForm';
import { RuleList } from './RuleList';
import { RulesExport } from './RulesExport';
import { useAlertRules } from './useAlertRules';

/** A new rule's form, prefilled from `?figure=<mesh>.<figure>&datasource=<uid>[&folder=<uid>]` (a figure's "Create alert"). */
export function initialForm(params: URLSearchParams, settings: AppSettings): AlertRuleForm {
  const fromFigure = variantOfFigure(params.get('figure') ?? '');
  const variant = fromFigure?.variant ?? ALERT_VARIANTS[0];
  return {
    variant: variant.id,
    meshId: fromFigure?.meshId ?? 'istio',
    datasourceUid: params.get('datasource') ?? pickDatasourceUid(settings.defaultDatasourceUid) ?? '',
    threshold: variant.defaultThreshold,
    for: '15m',
    folderUid: params.get('folder') ?? '',
    group: 'mesh-tax',
    labels: {},
    summary: '',
    runbookUrl: '',
  };
}

export function Alerts({ settings }: { settings: AppSettings }) {
  const styles = useStyles2(getStyles);
  const [params] = useSearchParams();
  const options = useMemo(() => figureOptions(settings.options), [settings]);
  const { rules, states, folders, error, reload } = useAlertRules();
  const [editing, setEditing] = useState<AlertRuleForm | undefined>();
  const [deleteError, setDeleteError] = useState<string | undefined>();
  // Viewers read the list; creating, editing and deleting need Editor or Admin (Grafana enforces it too).
  const canWrite = canEditDashboards();
  // Grafana's alerting lists rules first; the form opens on "New alert rule", on Edit, or from a figure's Create alert.
  const [composing, setComposing] = useState(params.has('figure'));
  const formOpen = canWrite && (composing || !!editing);
  // Built only when shown: picking the default data source needs Grafana's data source list.
  const form = formOpen ? (editing ?? initialForm(params, settings)) : undefined;
  const close = () => {
    setEditing(undefined);
    setComposing(false);
  };
  return (
    <>
      <div className={styles.page} data-testid="meshtax-alerts">
        <section aria-labelledby="meshtax-alerts-list" className={styles.section}>
          <Stack direction="row" alignItems="center" gap={2} wrap="wrap">
            <Text element="h3" id="meshtax-alerts-list">
              Rules Mesh Tax created
            </Text>
            <Stack direction="row" gap={1}>
              {canWrite && (
                <Button icon="plus" onClick={() => (setEditing(undefined), setComposing(true))} disabled={formOpen}>
                  New alert rule
                </Button>
              )}
              <Button variant="secondary" icon="sync" onClick={reload}>
                Reload
              </Button>
            </Stack>
          </Stack>
          {!canWrite && (
            <Alert severity="info" title="Creating alert rules needs the Editor or Admin role">
              You can see the rules Mesh Tax created and download the Prometheus rules below. To create, edit or delete
              Grafana alert rules, ask a Grafana admin for the Editor role (the alert.rules:write permission).
            </Alert>
          )}
          {form && (
            <section aria-labelledby="meshtax-alerts-create" className={styles.form}>
              <Text element="h4" id="meshtax-alerts-create">
                {editing ? 'Edit alert rule' : 'New alert rule'}
              </Text>
              <AlertForm
                key={editing?.uid ?? 'new'}
                initial={form}
                options={options}
                folders={folders}
                onSubmit={async (rule) => {
                  const saved = editing?.uid ? await updateAlertRule(editing.uid, rule) : await createAlertRule(rule);
                  setEditing(undefined);
                  reload();
                  return `"${saved?.title ?? rule.title}" is saved in Grafana Alerting; it is evaluated with its group.`;
                }}
                onCancel={close}
              />
            </section>
          )}
          {error && (
            <Alert severity="error" title="Could not list alert rules">
              {error}
            </Alert>
          )}
          {deleteError && (
            <Alert severity="error" title="Not deleted" onRemove={() => setDeleteError(undefined)}>
              {deleteError}
            </Alert>
          )}
          {!rules && !error && <LoadingPlaceholder text="Loading alert rules…" />}
          {rules && rules.length === 0 && <Text color="secondary">None yet: Mesh Tax has created no alert rules.</Text>}
          {rules && rules.length > 0 && (
            <RuleList
              rules={rules}
              states={states}
              canWrite={canWrite}
              folderPath={(uid) => (Array.isArray(folders) ? folders.find((f) => f.uid === uid)?.path : undefined)}
              onEdit={(r) => setEditing(formOfRule(r, options.meshes))}
              onDelete={async (r) => {
                try {
                  await deleteAlertRule(r.uid!);
                  setDeleteError(undefined);
                  reload();
                } catch (e) {
                  setDeleteError((e as Error).message);
                }
              }}
            />
          )}
        </section>
        <section id="meshtax-alerts-export" aria-labelledby="meshtax-alerts-export-title">
          <Text element="h3" id="meshtax-alerts-export-title">
            Prometheus rules, for Alertmanager
          </Text>
          <RulesExport options={options} />
        </section>
      </div>
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(3), minWidth: 0 }),
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1.5), minWidth: 0 }),
  form: css({
    padding: theme.spacing(2),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    minWidth: 0,
  }),
});
