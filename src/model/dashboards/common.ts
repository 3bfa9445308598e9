/**
 * What both shipped dashboards share: the data source reference, the selection their figures are built with, targets,
 * the dashboard frame, and the words that say which prices and window a panel's queries use.
 */
import type { Dashboard, Panel, VariableModel } from '@grafana/schema';
import type { MeshDef } from '../catalogue';
import { describeBasis, basisOf } from '../figureBasis';
import { meshFigureId, type MeshFigureKey } from '../figureKeys';
import { DEFAULT_FIGURE_OPTIONS } from '../figureSet';
import type { Figure } from '../figures';
import { DEFAULT_OPTIONS } from '../options/defaults';
import type { Selection } from '../scope';
import { USAGE_GATE } from '../source/gate';

export const DS = { type: 'prometheus', uid: '${datasource}' };
export const DASHBOARD_UIDS = { overview: 'meshtax-overview', workload: 'meshtax-workload' } as const;
export const OPTS = DEFAULT_FIGURE_OPTIONS;

/**
 * The settings' rate window, not `$__rate_interval`: Grafana sizes that from the time range (about 1m for 6h at a 15s
 * scrape), and a 1m rate of a swinging CPU differs from the report's 5m rate by several percent. With the same window
 * a panel's last value is the report's figure (src/__int__/agreement.int.test.ts).
 */
export function selection(groupBy: Selection['groupBy']): Selection {
  return {
    window: DEFAULT_OPTIONS.window,
    groupBy,
    clusterRegex: '$cluster',
    namespaceInclude: '$namespace',
    usageGate: USAGE_GATE,
  };
}

/** What the Mesh Tax panels say under their figures: the defaults' prices (`auto`, decided in the query) and window. */
export const BASIS = basisOf(DEFAULT_OPTIONS, { window: selection('none').window });

/**
 * The same, as one sentence for core panels' descriptions (they have no basis line of their own). The flat rates are
 * named by the option they come from: a description is plain text that Grafana's unit formatters never see.
 */
export function basisSentence(): string {
  const w = describeBasis(BASIS);
  const p = BASIS.prices;
  const flat = w.showsFlatRates
    ? ` (flat rates: cpuHourUsd ${p.cpuHourUsd} per vCPU-hour, gibHourUsd ${p.gibHourUsd} per GiB-hour)`
    : '';
  return `Prices: ${w.source}${flat}, ${p.hoursPerMonth} hours a month. Time: ${w.time}.`;
}

export function target(f: Figure | undefined, refId: string, legendFormat = '__auto') {
  return f ? [{ refId, expr: f.expr, datasource: DS, legendFormat, range: true }] : [];
}

export function instantTarget(f: Figure | undefined, refId: string) {
  return f ? [{ refId, expr: f.expr, datasource: DS, instant: true, range: false }] : [];
}

/** The dashboards show the default options' figures: latency at p99. */
export function figure(figs: Figure[], mesh: MeshDef, key: MeshFigureKey): Figure | undefined {
  return figs.find((f) => f.id === meshFigureId(mesh.id, key, OPTS.latency.quantile));
}

export function dashboard(
  uid: string,
  title: string,
  description: string,
  panels: Panel[],
  vars: VariableModel[]
): Dashboard {
  return {
    uid,
    title,
    description,
    id: null,
    editable: true,
    schemaVersion: 41,
    tags: ['mesh-tax', 'service-mesh', 'cost'],
    time: { from: 'now-6h', to: 'now' },
    refresh: '',
    templating: { list: vars },
    panels,
    links: [
      {
        title: 'Mesh Tax app',
        type: 'link',
        url: '/a/meshtax-overhead-app/overview',
        icon: 'external link',
        tags: [],
        asDropdown: false,
        includeVars: false,
        keepTime: true,
        targetBlank: false,
        tooltip: '',
      },
    ],
  } as unknown as Dashboard;
}
