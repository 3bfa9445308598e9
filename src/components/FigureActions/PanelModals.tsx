import React, { useState, type ReactNode } from 'react';
import type { TimeRange } from '@grafana/data';
import { config, locationService, usePluginComponent } from '@grafana/runtime';
import type { Panel } from '@grafana/schema';
import { ClipboardButton, Modal } from '@grafana/ui';
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

export type PanelModal = 'add' | 'json';

/**
 * The Add-to-dashboard and panel-JSON dialogs of one panel, for whatever opens them (buttons, a card's menu). The
 * panel is built only when a dialog opens. `canAdd`: this Grafana exposes the form and the user may edit.
 */
export function usePanelModals(
  title: string,
  buildPanel: () => Panel
): { canAdd: boolean; show: (m: PanelModal) => void; modals: ReactNode } {
  const [open, setOpen] = useState<PanelModal | undefined>();
  const { component: AddToDashboardForm } = usePluginComponent<AddToDashboardFormProps>(ADD_TO_DASHBOARD);
  const close = () => setOpen(undefined);
  const json = open === 'json' ? JSON.stringify(buildPanel(), null, 2) : '';
  const modals = (
    <>
      {open === 'add' && AddToDashboardForm && (
        <Modal title="Add to dashboard" isOpen onDismiss={close}>
          <AddToDashboardForm
            buildPanel={buildPanel}
            onClose={close}
            options={FORM_OPTIONS}
            timeRange={timeRangeFromSearch(new URLSearchParams(locationService.getLocation().search))}
          />
        </Modal>
      )}
      {open === 'json' && (
        <Modal title={`Panel JSON: ${title}`} isOpen onDismiss={close}>
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
    </>
  );
  return { canAdd: !!AddToDashboardForm && canEditDashboards(), show: setOpen, modals };
}
