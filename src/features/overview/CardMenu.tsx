import React, { useState } from 'react';
import { locationService, usePluginComponent } from '@grafana/runtime';
import type { Panel } from '@grafana/schema';
import { ClipboardButton, Dropdown, IconButton, Menu, Modal } from '@grafana/ui';
import { variantOfFigure } from '../../model/alerts/variants';
import { alertUrl } from '../../utils/utils.routing';
import { canEditDashboards, type AddToDashboardFormProps } from '../../components/FigureActions/FigureActions';
import { timeRangeFromSearch } from '../../components/FigureActions/timeRange';

const ADD_TO_DASHBOARD = 'grafana/add-to-dashboard-form/v1';
const FORM_OPTIONS = { useAbsolutePath: true };

interface Props {
  /** Names the menu for screen readers: "<mesh> actions". */
  title: string;
  /** The card's panel (its cost over time), built when asked for. */
  buildPanel: () => Panel;
  /** The figure an alert would watch (the mesh's monthly cost), when one can. */
  alertFigureId?: string;
  datasourceUid: string;
}

/**
 * A card's actions where Grafana puts a panel's: a menu in its header with Create alert, Add to dashboard (Grafana's
 * own form, when this Grafana exposes it and the user may edit) and Export JSON.
 */
export function CardMenu({ title, buildPanel, alertFigureId, datasourceUid }: Props) {
  const [open, setOpen] = useState<'add' | 'json' | undefined>();
  const { component: AddToDashboardForm } = usePluginComponent<AddToDashboardFormProps>(ADD_TO_DASHBOARD);
  const canAdd = !!AddToDashboardForm && canEditDashboards();
  const alertable = !!alertFigureId && !!variantOfFigure(alertFigureId) && canEditDashboards();
  const json = open === 'json' ? JSON.stringify(buildPanel(), null, 2) : '';
  const menu = (
    <Menu>
      {alertable && <Menu.Item label="Create alert" icon="bell" url={alertUrl(alertFigureId!, datasourceUid)} />}
      {canAdd && <Menu.Item label="Add to dashboard" icon="apps" onClick={() => setOpen('add')} />}
      <Menu.Item label="Export JSON" icon="brackets-curly" onClick={() => setOpen('json')} />
    </Menu>
  );
  return (
    <>
      <Dropdown overlay={menu} placement="bottom-end">
        <IconButton name="ellipsis-v" aria-label={`${title} actions`} tooltip={`${title} actions`} />
      </Dropdown>
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
    </>
  );
}
