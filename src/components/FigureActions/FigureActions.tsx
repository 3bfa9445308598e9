import React, { useState } from 'react';
import type { TimeRange } from '@grafana/data';
import { config, locationService, usePluginComponent } from '@grafana/runtime';
import type { Panel } from '@grafana/schema';
import { Button, ClipboardButton, LinkButton, Modal, Stack } from '@grafana/ui';
import { variantOfFigure } from '../../model/alerts/variants';
import { alertUrl as alertPageUrl } from '../../utils/utils.routing';
import { figurePanel, type FigureRef } from '../../model/dashboards';
import { timeRangeFromSearch } from './timeRange';

/** Grafana's own add-to-dashboard form, exposed to plugins since Grafana 12 (declared in plugin.json). */
const ADD_TO_DASHBOARD = 'grafana/add-to-dashboard-form/v1';

/**
 * The exposed form's props (Grafana's AddToDashboardFormExposedComponent.tsx). From an app route the form must be
 * told `useAbsolutePath`, else it navigates to a relative `dashboard/new` under /a/<app>/ (addToDashboard.ts);
 * `timeRange` gives the new dashboard the page's range. Logs Drilldown and Grafana's extension examples pass both.
 */
export interface AddToDashboardFormProps {
  buildPanel(): Panel;
  onClose(): void;
  timeRange?: TimeRange;
  options?: { useAbsolutePath: boolean };
}

const FORM_OPTIONS = { useAbsolutePath: true };

export function canEditDashboards(): boolean {
  const role = config.bootData?.user?.orgRole;
  return role === 'Editor' || role === 'Admin' || !!config.bootData?.user?.isGrafanaAdmin;
}

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
  const [open, setOpen] = useState<'add' | 'json' | undefined>();
  const { component: AddToDashboardForm } = usePluginComponent<AddToDashboardFormProps>(ADD_TO_DASHBOARD);
  const json = open === 'json' ? JSON.stringify(buildPanel(), null, 2) : '';
  const canAdd = !!AddToDashboardForm && canEditDashboards();
  return (
    <Stack direction="row" gap={1}>
      {canAdd && (
        <Button size="sm" variant="secondary" icon="apps" onClick={() => setOpen('add')}>
          Add to dashboard
        </Button>
      )}
      <Button size="sm" variant="secondary" icon="brackets-curly" onClick={() => setOpen('json')}>
        Export JSON
      </Button>
      {open === 'add' && AddToDashboardForm && (
        <Modal title="Add to dashboard" isOpen onDismiss={() => setOpen(undefined)}>
          <AddToDashboardForm
            buildPanel={buildPanel}
            onClose={() => setOpen(undefined)}
            options={FORM_OPTIONS}
            timeRange={timeRangeFromSearch(new URLSearchParams(locationService.getLocation().search))}
          />
        </Modal>
      )}
      {open === 'json' && (
        <Modal title={`Panel JSON: ${title}`} isOpen onDismiss={() => setOpen(undefined)}>
          <pre style={{ maxHeight: 400, overflow: 'auto' }} aria-label="Panel JSON">
            {json}
          </pre>
          <Modal.ButtonRow>
            <ClipboardButton icon="copy" getText={() => json}>
              Copy JSON
            </ClipboardButton>
          </Modal.ButtonRow>
        </Modal>
      )}
    </Stack>
  );
}
