import React from 'react';
import type { Panel } from '@grafana/schema';
import { Button, LinkButton, Stack } from '@grafana/ui';
import { variantOfFigure } from '../../model/alerts/variants';
import { alertUrl as alertPageUrl } from '../../utils/utils.routing';
import { figurePanel, type FigureRef } from '../../model/dashboards';
import { canEditDashboards, usePanelModals } from './PanelModals';

export { canEditDashboards, type AddToDashboardFormProps } from './PanelModals';

/** "Add to dashboard" and "Export JSON" for one figure: the panel JSON comes from the model, never from the UI. */
export function FigureActions({ figure, datasourceUid }: { figure: FigureRef; datasourceUid: string }) {
  // Figures an alert kind watches get "Create alert", which opens the Alerts page prefilled (Editors and Admins).
  const alertable = !!variantOfFigure(figure.id) && canEditDashboards();
  const alertUrl = alertPageUrl(figure.id, datasourceUid);
  return (
    <Stack direction="row" gap={1} wrap="wrap">
      <PanelActions title={figure.title} buildPanel={() => figurePanel(figure, datasourceUid)} />
      {alertable && (
        <LinkButton size="sm" variant="secondary" icon="bell" href={alertUrl}>
          Create alert
        </LinkButton>
      )}
    </Stack>
  );
}

/** The same actions for any panel the app shows (scene panels build theirs from their queries when clicked). */
export function PanelActions({ title, buildPanel }: { title: string; buildPanel: () => Panel }) {
  const { canAdd, show, modals } = usePanelModals(title, buildPanel);
  return (
    <Stack direction="row" gap={1}>
      {canAdd && (
        <Button size="sm" variant="secondary" icon="apps" onClick={() => show('add')}>
          Add to dashboard
        </Button>
      )}
      <Button size="sm" variant="secondary" icon="brackets-curly" onClick={() => show('json')}>
        Export JSON
      </Button>
      {modals}
    </Stack>
  );
}
