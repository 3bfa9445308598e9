/** The SceneApp, plugin.json and ROUTES describe the same pages: a page added to one and not the others fails here. */
import pluginJson from '../../plugin.json';
import { ROUTES, WORKLOAD_DRILLDOWN } from '../../constants';
import { DEFAULT_SETTINGS } from '../../model/settings';
import { legacyWorkloadRedirect, prefixRoute, workloadUrl } from '../../utils/utils.routing';
import { buildMeshTaxApp } from './meshTaxApp';

const appPages = pluginJson.includes
  .filter((i) => i.type === 'page' && i.path?.startsWith('/a/%PLUGIN_ID%/'))
  .map((i) => ({ name: i.name, route: i.path!.replace('/a/%PLUGIN_ID%/', ''), nav: Boolean(i.addToNav) }));

test('every nav page of plugin.json is a SceneApp page with the same title and URL, in nav order', () => {
  const pages = buildMeshTaxApp(DEFAULT_SETTINGS).state.pages;
  expect(pages.map((p) => ({ title: p.state.title, url: p.state.url }))).toEqual(
    appPages.filter((p) => p.nav).map((p) => ({ title: p.name, url: prefixRoute(p.route) }))
  );
});

test('the one page out of the nav is Workload, a drill-down of Breakdown', () => {
  expect(appPages.filter((p) => !p.nav)).toEqual([{ name: 'Workload', route: ROUTES.Workload, nav: false }]);
  expect(ROUTES.Workload).toBe(`${ROUTES.Breakdown}/${WORKLOAD_DRILLDOWN}`);
  const breakdown = buildMeshTaxApp(DEFAULT_SETTINGS).state.pages.find((p) => p.state.title === 'Breakdown')!;
  expect(breakdown.state.routePath).toBe(`${ROUTES.Breakdown}/*`);
  expect(breakdown.state.drilldowns?.map((d) => d.routePath)).toEqual([`${WORKLOAD_DRILLDOWN}/*`]);
  const page = breakdown.state.drilldowns![0].getPage({ params: {}, isExact: true, path: '', url: '' }, breakdown);
  expect(page.state.url).toBe(prefixRoute(ROUTES.Workload));
  expect(page.state.getParentPage?.()).toBe(breakdown);
});

test('every route is declared in plugin.json', () => {
  expect(Object.values(ROUTES).sort()).toEqual(appPages.map((p) => p.route).sort());
});

test('workload links open the drill-down; old /workload links keep their parameters', () => {
  const url = workloadUrl('shop', 'cart api', { 'var-mesh': 'linkerd', from: '$__from' });
  expect(url).toBe(`/a/${pluginJson.id}/breakdown/workload?var-namespace=shop&var-workload=cart+api&var-mesh=linkerd`);
  expect(legacyWorkloadRedirect('?var-namespace=shop&var-workload=cart')).toBe(
    `/a/${pluginJson.id}/breakdown/workload?var-namespace=shop&var-workload=cart`
  );
});
