import { PanelPlugin } from '@grafana/data';
import { SummaryPanel } from './SummaryPanel';
import {
  DEFAULT_SUMMARY_OPTIONS,
  DEFAULT_SUMMARY_VALUE_REFIDS,
  SUMMARY_LATENCY_REFS,
  type SummaryOptions,
} from '../../model/panelOptions';

const d = DEFAULT_SUMMARY_OPTIONS;
const v = DEFAULT_SUMMARY_VALUE_REFIDS;

export const plugin = new PanelPlugin<SummaryOptions>(SummaryPanel).setPanelOptions((builder) =>
  builder
    .addTextInput({
      path: 'costRefId',
      name: 'Monthly cost query',
      description: 'refId of the query that returns the monthly cost in USD',
      defaultValue: d.costRefId,
      category: ['Figures'],
    })
    .addTextInput({
      path: 'cpuShareRefId',
      name: 'CPU share query',
      description: 'refId of the CPU share (0-1)',
      defaultValue: d.cpuShareRefId,
      category: ['Figures'],
    })
    .addTextInput({
      path: 'memoryShareRefId',
      name: 'Memory share query',
      description: 'refId of the memory share (0-1)',
      defaultValue: d.memoryShareRefId,
      category: ['Figures'],
    })
    .addTextInput({
      path: 'latencyRefId',
      name: 'p99 added query',
      description: 'refId of the p99 latency added, in ms',
      defaultValue: d.latencyRefId,
      category: ['Figures'],
    })
    .addTextInput({
      path: 'latencyLowRefId',
      name: 'p99 added, lower end',
      description: 'refId of the lower end of the interval that holds the true p99 added, in ms',
      defaultValue: SUMMARY_LATENCY_REFS.low,
      category: ['Figures'],
    })
    .addTextInput({
      path: 'latencyHighRefId',
      name: 'p99 added, upper end',
      description: 'refId of the upper end of that interval, in ms',
      defaultValue: SUMMARY_LATENCY_REFS.high,
      category: ['Figures'],
    })
    .addTextInput({
      path: 'meanAddedRefId',
      name: 'Mean added query',
      description: 'refId of the exact mean latency added, in ms (shown when the panel has this query)',
      defaultValue: SUMMARY_LATENCY_REFS.mean,
      category: ['Figures'],
    })
    .addTextInput({
      path: 'mtlsShareRefId',
      name: 'mTLS coverage query',
      description: 'refId of the share of requests served over mutual TLS (0-1); shown when the panel has it',
      defaultValue: v.mtlsShareRefId,
      category: ['What the mesh does'],
    })
    .addTextInput({
      path: 'splitServicesRefId',
      name: 'Split services query',
      description: 'refId of the number of services splitting traffic over 2+ versions',
      defaultValue: v.splitServicesRefId,
      category: ['What the mesh does'],
    })
    .addTextInput({
      path: 'resilienceEventsRefId',
      name: 'Resilience events query',
      description:
        'refId of the requests per second ended by circuit breaking, retries exhausted, timeouts or rate limits',
      defaultValue: v.resilienceEventsRefId,
      category: ['What the mesh does'],
    })
    .addNumberInput({
      path: 'costWarnUsd',
      name: 'Warn above (USD/month)',
      defaultValue: d.costWarnUsd,
      category: ['Thresholds'],
    })
    .addNumberInput({
      path: 'costCriticalUsd',
      name: 'Critical above (USD/month)',
      defaultValue: d.costCriticalUsd,
      category: ['Thresholds'],
    })
);
