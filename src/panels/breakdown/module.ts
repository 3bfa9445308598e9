import { PanelPlugin } from '@grafana/data';
import { BreakdownPanel } from './BreakdownPanel';
import { DEFAULT_BREAKDOWN_OPTIONS as d, type BreakdownOptions } from '../../model/panelOptions';

export const plugin = new PanelPlugin<BreakdownOptions>(BreakdownPanel).setPanelOptions((builder) =>
  builder
    .addRadio({
      path: 'groupBy',
      name: 'Rows',
      description: 'The label your queries are grouped by',
      defaultValue: d.groupBy,
      settings: {
        options: [
          { value: 'namespace', label: 'Namespace' },
          { value: 'workload', label: 'Workload' },
        ],
      },
    })
    .addRadio({
      path: 'sortBy',
      name: 'Sort by',
      defaultValue: d.sortBy,
      settings: {
        options: [
          { value: 'cost', label: 'Cost' },
          { value: 'cpu', label: 'CPU' },
          { value: 'request', label: 'CPU requested' },
          { value: 'memory', label: 'Memory' },
          { value: 'share', label: 'Share' },
        ],
      },
    })
    .addNumberInput({
      path: 'topN',
      name: 'Top N',
      description: 'How many rows to show, largest first',
      defaultValue: d.topN,
      settings: { min: 1, integer: true },
    })
    .addRadio({
      path: 'rowsFrom',
      name: 'Rows from',
      description: 'Every key any query returns, or only those the cost query returns (for example idle sidecars)',
      defaultValue: d.rowsFrom,
      settings: {
        options: [
          { value: 'any', label: 'Any query' },
          { value: 'cost', label: 'Cost query' },
        ],
      },
    })
    .addRadio({
      path: 'display',
      name: 'Display',
      defaultValue: d.display,
      settings: {
        options: [
          { value: 'bars', label: 'Bars' },
          { value: 'table', label: 'Table' },
        ],
      },
    })
    .addBooleanSwitch({
      path: 'drilldown',
      name: 'Link workloads',
      description: "Workload rows open Mesh Tax's workload page with this dashboard's mesh and time range",
      defaultValue: d.drilldown,
    })
    .addTextInput({
      path: 'drilldownMesh',
      name: 'Mesh for workload links',
      description: "A mesh id such as istio or linkerd; empty uses the dashboard's $mesh variable",
      defaultValue: d.drilldownMesh,
      showIf: (o) => o.drilldown,
    })
    .addTextInput({
      path: 'costRefId',
      name: 'Cost query',
      description: 'refId of the monthly cost (USD)',
      defaultValue: d.costRefId,
      category: ['Queries'],
    })
    .addTextInput({
      path: 'cpuRefId',
      name: 'CPU query',
      description: 'refId of proxy CPU (cores)',
      defaultValue: d.cpuRefId,
      category: ['Queries'],
    })
    .addTextInput({
      path: 'requestRefId',
      name: 'CPU requested query',
      description: "refId of the proxies' requested CPU (cores); the column is hidden when it returns nothing",
      defaultValue: d.requestRefId,
      category: ['Queries'],
    })
    .addTextInput({
      path: 'memoryRefId',
      name: 'Memory query',
      description: 'refId of proxy memory (bytes)',
      defaultValue: d.memoryRefId,
      category: ['Queries'],
    })
    .addTextInput({
      path: 'shareRefId',
      name: 'Share query',
      description: 'refId of the proxy share (0-1)',
      defaultValue: d.shareRefId,
      category: ['Queries'],
    })
);
