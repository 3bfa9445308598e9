import React from 'react';
import type { Panel } from '@grafana/schema';
import { Dropdown, IconButton, Menu } from '@grafana/ui';
import { variantOfFigure } from '../../model/alerts/variants';
import { alertUrl } from '../../utils/utils.routing';
import { canEditDashboards, usePanelModals } from '../../components/FigureActions/PanelModals';

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
 * own form, when this Grafana exposes it and the user may edit) and Export JSON, in the dialogs every panel uses.
 */
export function CardMenu({ title, buildPanel, alertFigureId, datasourceUid }: Props) {
  const { canAdd, show, modals } = usePanelModals(title, buildPanel);
  const alertable = !!alertFigureId && !!variantOfFigure(alertFigureId) && canEditDashboards();
  const menu = (
    <Menu>
      {alertable && <Menu.Item label="Create alert" icon="bell" url={alertUrl(alertFigureId!, datasourceUid)} />}
      {canAdd && <Menu.Item label="Add to dashboard" icon="apps" onClick={() => show('add')} />}
      <Menu.Item label="Export JSON" icon="brackets-curly" onClick={() => show('json')} />
    </Menu>
  );
  return (
    <>
      <Dropdown overlay={menu} placement="bottom-end">
        <IconButton name="ellipsis-v" aria-label={`${title} actions`} tooltip={`${title} actions`} />
      </Dropdown>
      {modals}
    </>
  );
}
