import React, { useState } from 'react';
import { Badge, Button, ConfirmModal, Stack, Text, type BadgeColor } from '@grafana/ui';
import { MESHTAX_LABEL, type ProvisionedAlertRule } from '../../model/alerts/payload';
import { readOnlyReason } from '../../model/alerts/provenance';
import { variantOf } from '../../model/alerts/variants';
import type { RuleState } from '../../services/alerting';
import { DataTable } from '../../components/DataTable/DataTable';

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
  const [confirm, setConfirm] = useState<ProvisionedAlertRule | undefined>();
  const actions = (r: ProvisionedAlertRule) => {
    const reason = readOnlyReason(r);
    if (reason) {
      return (
        <Stack direction="column" gap={0.5} alignItems="flex-start">
          <Badge color="darkgrey" icon="lock" text="Read-only" />
          <Text variant="bodySmall" color="secondary">
            {reason}
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
      <DataTable aria-label="Alert rules Mesh Tax created">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">State</th>
            <th scope="col">Kind</th>
            <th scope="col">Mesh</th>
            <th scope="col">For</th>
            <th scope="col">Folder / group</th>
            {canWrite && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => {
            const state = (r.uid && states[r.uid]) || 'unknown';
            return (
              <tr key={r.uid ?? r.title}>
                <th scope="row">{r.title}</th>
                <td>
                  <Badge color={STATE_COLOR[state]} text={state} />
                </td>
                <td>{variantOf(r.labels[MESHTAX_LABEL])?.label ?? r.labels[MESHTAX_LABEL]}</td>
                <td>{r.labels.mesh}</td>
                <td>{r.for}</td>
                <td>
                  {folderPath?.(r.folderUID) ?? r.folderUID} / {r.ruleGroup}
                </td>
                {canWrite && <td>{actions(r)}</td>}
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
