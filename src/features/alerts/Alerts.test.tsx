import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { config } from '@grafana/runtime';
import { DEFAULT_SETTINGS } from '../../model/settings';
import { AlertingError } from '../../services/alerting';
import { Alerts } from './Alerts';

const api = {
  listMeshTaxRules: jest.fn(),
  ruleStates: jest.fn(),
  listFolders: jest.fn(),
  createAlertRule: jest.fn(),
  updateAlertRule: jest.fn(),
  deleteAlertRule: jest.fn(),
};
jest.mock('../../services/alerting', () => ({
  ...jest.requireActual('../../services/alerting'),
  listMeshTaxRules: () => api.listMeshTaxRules(),
  ruleStates: () => api.ruleStates(),
  listFolders: () => api.listFolders(),
  createAlertRule: (r: unknown) => api.createAlertRule(r),
  deleteAlertRule: (u: string) => api.deleteAlertRule(u),
}));
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
  DataSourcePicker: () => <div>data source picker</div>,
}));

// Combobox measures option text on a canvas, which jsdom lacks.
HTMLCanvasElement.prototype.getContext = (() => ({ measureText: (t: string) => ({ width: t.length * 7 }) })) as never;

function setRole(orgRole: string) {
  (config as any).bootData = { ...(config as any).bootData, user: { orgRole, isGrafanaAdmin: false } };
}

const renderPage = (url = '/alerts?figure=linkerd.cost.total&datasource=prom') =>
  render(
    <MemoryRouter initialEntries={[url]}>
      <Alerts settings={DEFAULT_SETTINGS} />
    </MemoryRouter>
  );

beforeEach(() => {
  Object.values(api).forEach((f) => f.mockReset());
  api.listMeshTaxRules.mockResolvedValue([]);
  api.ruleStates.mockResolvedValue({});
  api.listFolders.mockResolvedValue([{ uid: 'f1', title: 'Platform' }]);
});

test('a viewer reads the list and is told which role creating rules needs', async () => {
  setRole('Viewer');
  renderPage();
  expect(await screen.findByText('Creating alert rules needs the Editor or Admin role')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Create alert rule' })).not.toBeInTheDocument();
  expect(await screen.findByText(/Mesh Tax has created no alert rules/)).toBeInTheDocument();
});

test('an editor gets the form prefilled from the figure link; a bad value is reported at its field', async () => {
  setRole('Editor');
  renderPage();
  const threshold = await screen.findByLabelText('Monthly cost threshold (USD)');
  expect(screen.getByDisplayValue('Linkerd')).toBeInTheDocument(); // mesh from ?figure=linkerd.cost.total
  fireEvent.change(threshold, { target: { value: 'lots' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create alert rule' }));
  expect(await screen.findByText(/threshold: NaN must be a number/)).toBeInTheDocument();
  expect(threshold).toHaveValue('lots'); // nothing typed is lost
  expect(api.createAlertRule).not.toHaveBeenCalled();
});

test('a 403 from Grafana shows in place and keeps the form', async () => {
  setRole('Editor');
  api.createAlertRule.mockRejectedValue(
    new AlertingError('You may not create the alert rule: it needs the Editor or Admin role', 403)
  );
  renderPage('/alerts?figure=istio.cost.total&datasource=prom&folder=f1');
  const threshold = await screen.findByLabelText('Monthly cost threshold (USD)');
  fireEvent.change(threshold, { target: { value: '250' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create alert rule' }));
  expect(await screen.findByText(/You may not create the alert rule/)).toBeInTheDocument();
  expect(threshold).toHaveValue('250');
  expect(api.createAlertRule).toHaveBeenCalledWith(
    expect.objectContaining({
      folderUID: 'f1',
      labels: expect.objectContaining({ mesh: 'istio', meshtax: 'monthlyCost' }),
    })
  );
});

test('a list failure shows in place with Reload, and the rest of the page still works', async () => {
  setRole('Admin');
  api.listMeshTaxRules.mockRejectedValueOnce(
    new AlertingError('Grafana failed (HTTP 503) when trying to list alert rules', 503)
  );
  renderPage();
  expect(await screen.findByText(/HTTP 503/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Prometheus rules' })).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
  await waitFor(() => expect(api.listMeshTaxRules).toHaveBeenCalledTimes(2));
  expect(await screen.findByText(/Mesh Tax has created no alert rules/)).toBeInTheDocument();
});

const storedRule = (uid: string, provenance?: string) => ({
  uid,
  title: `Mesh Tax: rule ${uid}`,
  ruleGroup: 'mesh-tax',
  folderUID: 'pm',
  condition: 'B',
  for: '15m',
  noDataState: 'NoData',
  execErrState: 'Error',
  labels: { mesh: 'istio', meshtax: 'monthlyCost' },
  annotations: { meshtax_threshold: '20' },
  data: [],
  ...(provenance === undefined ? {} : { provenance }),
});

test('a rule Grafana marks as provisioned is read-only and says why; the others keep Edit and Delete', async () => {
  // Grafana answers PUT with 500 and DELETE with 409 for a rule whose provenance is not ours (none): offer neither.
  setRole('Editor');
  api.listMeshTaxRules.mockResolvedValue([
    storedRule('mine'),
    storedRule('filed', 'file'),
    storedRule('filed2', 'file'),
    storedRule('tf', 'api'),
  ]);
  api.listFolders.mockResolvedValue([{ uid: 'pm', title: 'Mesh', path: 'Platform / Mesh' }]);
  renderPage();
  const table = await screen.findByRole('table', { name: 'Alert rules Mesh Tax created' });
  const row = (uid: string) => screen.getByRole('rowheader', { name: `Mesh Tax: rule ${uid}` }).closest('tr')!;
  expect(table).toBeInTheDocument();
  expect(row('mine')).toHaveTextContent('Edit');
  expect(row('mine')).toHaveTextContent('Delete');
  for (const uid of ['filed', 'filed2', 'tf']) {
    expect(row(uid)).toHaveTextContent('Read-only');
    expect(row(uid).querySelectorAll('button')).toHaveLength(0);
  }
  expect(row('filed')).toHaveTextContent('provisioned from a file');
  expect(row('tf')).toHaveTextContent('managed by another tool');
  // The full reasons are said once each, above the table, not under every read-only rule.
  expect(screen.getAllByText(/Provisioned from a file.*change it in that file/)).toHaveLength(1);
  expect(screen.getAllByText(/another tool \(for example Terraform\)/)).toHaveLength(1);
  expect(table).not.toHaveTextContent(/change it in that file/);
  // The folder column shows the nested folder's path, not its uid.
  expect(row('mine')).toHaveTextContent('Platform / Mesh / mesh-tax');
});

test('the folder picker lists nested folders by path and is usable from the keyboard', async () => {
  setRole('Editor');
  api.listFolders.mockResolvedValue([
    { uid: 'p', title: 'Platform', path: 'Platform' },
    { uid: 'pm', title: 'Mesh', path: 'Platform / Mesh' },
    { uid: 'tm', title: 'Mesh', path: 'Teams / Mesh' },
  ]);
  api.createAlertRule.mockImplementation(async (r: { title: string }) => r);
  renderPage();
  const picker = await screen.findByRole('combobox', { name: 'Folder' });
  picker.focus();
  fireEvent.change(picker, { target: { value: 'teams' } });
  fireEvent.keyDown(picker, { key: 'ArrowDown' });
  fireEvent.keyDown(picker, { key: 'Enter' });
  await waitFor(() => expect(picker).toHaveValue('Teams / Mesh'));
  fireEvent.click(screen.getByRole('button', { name: 'Create alert rule' }));
  await waitFor(() => expect(api.createAlertRule).toHaveBeenCalledWith(expect.objectContaining({ folderUID: 'tm' })));
});

test('the rules come first, under a New alert rule button that opens the form (issue #16 §6)', async () => {
  setRole('Editor');
  api.listMeshTaxRules.mockResolvedValue([storedRule('mine')]);
  renderPage('/alerts?datasource=prom');
  const table = await screen.findByRole('table', { name: 'Alert rules Mesh Tax created' });
  const button = screen.getByRole('button', { name: 'New alert rule' });
  // Button, then the list; no form until asked for.
  expect(button.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(screen.queryByRole('form', { name: 'Create alert rule' })).not.toBeInTheDocument();
  fireEvent.click(button);
  expect(await screen.findByRole('form', { name: 'Create alert rule' })).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('form', { name: 'Create alert rule' })).not.toBeInTheDocument();
});

test('the list says what each rule checks, with its own threshold, not the template text', async () => {
  setRole('Viewer');
  api.listMeshTaxRules.mockResolvedValue([storedRule('mine')]);
  renderPage('/alerts');
  const row = (await screen.findByRole('rowheader', { name: 'Mesh Tax: rule mine' })).closest('tr')!;
  expect(row).toHaveTextContent('Monthly cost above $20');
  expect(row).not.toHaveTextContent('$X');
  expect(row).toHaveTextContent('Istio (sidecar)');
});

test('the Summary field shows the rendered summary; the template is there on demand', async () => {
  setRole('Editor');
  renderPage();
  const preview = await screen.findByTestId('meshtax-alert-summary-preview');
  expect(preview).toHaveTextContent(
    'Linkerd in cluster ‹cluster› costs ‹value› per month (sidecars, control plane and node agents), above the $1000 threshold.'
  );
  expect(screen.queryByLabelText('Summary template')).not.toBeInTheDocument();
  fireEvent.change(screen.getByLabelText('Monthly cost threshold (USD)'), { target: { value: '250' } });
  expect(preview).toHaveTextContent('above the $250 threshold');
  fireEvent.click(screen.getByRole('button', { name: 'Edit template' }));
  const template = screen.getByLabelText('Summary template');
  expect(template.getAttribute('placeholder')).toContain('{{ $labels.cluster }}');
  fireEvent.change(template, { target: { value: 'Mesh bill for {{ $labels.cluster }}: {{ $values.A.Value }}' } });
  expect(preview).toHaveTextContent('Mesh bill for ‹cluster›: ‹value›');
});
