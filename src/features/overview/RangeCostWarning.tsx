import React from 'react';
import { formattedValueToString, getValueFormat } from '@grafana/data';
import { Alert, LinkButton } from '@grafana/ui';
import { ROUTES } from '../../constants';
import type { Report } from '../../model/report';
import { prefixRoute } from '../../utils/utils.routing';

/**
 * Warns before a dashboard panel of a raw figure hits Prometheus's query.max-samples: the report counted the series
 * the widest figure reads; series × 1000 points is the panel's peak (see `npm run bench`).
 */
export function RangeCostWarning({ report }: { report: Report }) {
  const c = report.rangeCost;
  if (!c?.likelyOverMaxSamples) {
    return null;
  }
  const n = (v: number) => formattedValueToString(getValueFormat('locale')(Math.round(v)));
  return (
    <Alert severity="warning" title="Raw queries are heavy on this Prometheus">
      {c.figure} reads {n(c.seriesTouched)} series. A dashboard panel of it at {c.points} points would hold about{' '}
      {n(c.estimatedPeakSamples)} samples, near or past Prometheus&apos;s default query.max-samples ({n(c.maxSamples)}),
      so long ranges may fail. Load Mesh Tax&apos;s recording rules: the overview and panels then read one series per
      figure.{' '}
      <LinkButton
        href={`${prefixRoute(ROUTES.Alerts)}#meshtax-alerts-export`}
        size="sm"
        variant="secondary"
        icon="download-alt"
      >
        Get the rules
      </LinkButton>
    </Alert>
  );
}
