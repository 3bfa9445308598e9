import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Badge, Button, ConfirmModal, Stack, Text, useStyles2, type BadgeColor } from '@grafana/ui';
import { CATALOGUE } from '../../model/catalogue';
import { MESHTAX_LABEL, type ProvisionedAlertRule } from '../../model/alerts/payload';
import { readOnlyReason, readOnlySource } from '../../model/alerts/provenance';
import { variantOf } from '../../model/alerts/variants';
import type { RuleState } from '../../services/alerting';
import { DataTable } from '../../components/DataTable/DataTable';
import { VISUALLY_HIDDEN } from '../../utils/utils.tableStyles';
import { ruleCheck } from './ruleText';

const meshName = (id: string) => CATALOGUE.find((m) => m.id === id)?.name ?? id;

const STATE_COLOR: Record<RuleState, BadgeColor> = {
  firing: 'red',
  pending: 'orange',
  inactive: 'green',
  nodata: 'blue',
  error: 'red',
  unknown: 'darkgrey',
};

export interface RuleListProps {
  rules: ProvisionedAlertRule[];
  states: Record<string, RuleState>;
  canWrite: boolean;
  /** The folder's path for its uid (nested folders), when the folders could be listed. */
  folderPath?(uid: string): string | undefined;
  onEdit(rule: ProvisionedAlertRule): void;
  onDelete(rule: ProvisionedAlertRule): Promise<void>;
}

/**
 * The rules Mesh Tax created, with their state; Editors and Admins may edit or delete them, except rules Grafana
 * marks as provisioned, which say why they are read-only.
 */
export function RuleList({ rules, states, canWrite, folderPath, onEdit, onDelete }: RuleListProps) {
  const styles = useStyles2(getStyles);
  const [confirm, setConfirm] = useState<ProvisionedAlertRule | undefined>();
  // Each reason once above the list, each row only where its rule is managed: with many provisioned rules, the
  // full sentence under every one filled a narrow screen (stop 22, Alerts at 420 px).
  const reasons = [...new Set(rules.map(readOnlyReason).filter((x): x is string => !!x))];
  const actions = (r: ProvisionedAlertRule) => {
    const source = readOnlySource(r);
    if (source) {
      return (
        <Stack direction="column" gap={0.5} alignItems="flex-start">
          <Badge color="darkgrey" icon="lock" text="Read-only" tooltip={readOnlyReason(r)} />
          <Text variant="bodySmall" color="secondary">
            {source}
          </Text>
        </Stack>
      );
    }
    return (
      <Stack direction="row" gap={1}>
        <Button size="sm" variant="secondary" icon="pen" onClick={() => onEdit(r)} aria-label={`Edit ${r.title}`}>
          Edit
        </Button>
        <Button
          size="sm"
          variant="destructive"
          icon="trash-alt"
          onClick={() => setConfirm(r)}
          aria-label={`Delete ${r.title}`}
        >
          Delete
        </Button>
      </Stack>
    );
  };
  return (
    <>
      {canWrite && reasons.length > 0 && (
        <Alert severity="info" title="Some rules are read-only here">
          <ul className={styles.reasons}>
            {reasons.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </Alert>
      )}
      {/* Below Grafana’s sm breakpoint (544 px) each rule is a card (labels beside values), so Edit and Delete stay on screen. */}
      <DataTable aria-label="Alert rules Mesh Tax created" className={styles.cards}>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            {canWrite && <th scope="col">Actions</th>}
            <th scope="col">Checks</th>
            <th scope="col">State</th>
            <th scope="col">Mesh</th>
            <th scope="col">For</th>
            <th scope="col">Folder / group</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => {
            const state = (r.uid && states[r.uid]) || 'unknown';
            const variant = variantOf(r.labels[MESHTAX_LABEL]);
            return (
              <tr key={r.uid ?? r.title}>
                <th scope="row">{r.title}</th>
                {canWrite && <td data-label="Actions">{actions(r)}</td>}
                <td data-label="Checks">
                  {variant ? ruleCheck(variant, Number(r.annotations?.meshtax_threshold)) : r.labels[MESHTAX_LABEL]}
                </td>
                <td data-label="State">
                  <Badge color={STATE_COLOR[state]} text={state} />
                </td>
                <td data-label="Mesh">{meshName(r.labels.mesh)}</td>
                <td data-label="For">{r.for}</td>
                <td data-label="Folder / group">
                  {folderPath?.(r.folderUID) ?? r.folderUID} / {r.ruleGroup}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      {confirm && (
        <ConfirmModal
          isOpen
          title="Delete alert rule"
          body={`Delete "${confirm.title}"? Grafana stops evaluating it at once.`}
          confirmText="Delete"
          onConfirm={() => onDelete(confirm).finally(() => setConfirm(undefined))}
          onDismiss={() => setConfirm(undefined)}
        />
      )}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  reasons: css({ margin: 0, paddingLeft: theme.spacing(2) }),
  cards: css({
    // Words, not figures: left-aligned like the rule's name.
    td: { textAlign: 'left' },
    [theme.breakpoints.down('sm')]: {
      'thead, tbody, tr, th, td': { display: 'block' },
      thead: VISUALLY_HIDDEN,
      tr: { padding: theme.spacing(1, 0), borderBottom: `1px solid ${theme.colors.border.weak}` },
      'th, td': { border: 'none', padding: theme.spacing(0.25, 0), textAlign: 'left' },
      'td[data-label]::before': {
        content: 'attr(data-label) ": "',
        color: theme.colors.text.secondary,
      },
    },
  }),
});
