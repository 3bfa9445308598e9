import React from 'react';
import { Alert } from '@grafana/ui';
import type { ClusterFigureKey } from '../../model/figureKeys';
import { KSM_REQUESTS_METRIC } from '../../model/resources';
import type { Report } from '../../model/report';

const REQUESTED_CPU: ClusterFigureKey = 'cluster.cpuRequestCores';

/** kube-state-metrics is missing when the cluster's requested CPU could not be measured for want of its series. */
export function missingKsm(report: Report): boolean {
  return (
    report.cluster.cpuRequestCores === null && !!report.cluster.reasons[REQUESTED_CPU]?.includes(KSM_REQUESTS_METRIC)
  );
}

export function MissingKsm() {
  return (
    <Alert severity="warning" title="kube-state-metrics not found">
      Request-based figures (requested CPU and memory, their shares, and cost on the requests or max basis) need{' '}
      <code>{KSM_REQUESTS_METRIC}</code> from kube-state-metrics. They show as unavailable, not as zero. Usage-based
      figures are unaffected. Install kube-state-metrics, or check that Prometheus scrapes it.
    </Alert>
  );
}
