import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { LinkButton, Text, useStyles2 } from '@grafana/ui';
import { headlineOf, type Saving } from '../../model/headline';
import type { Report } from '../../model/report';
import { breakdownUrl } from '../../utils/utils.routing';
import { formatFigure } from '../../utils/utils.units';

const usd = (v: number | null) => formatFigure(v, 'currencyUSD');

const SAVING_TEXT: Record<Saving['kind'], (s: Saving) => string> = {
  idleSidecars: (s) => `idle sidecars in ${s.meshName} (proxies beside workloads that serve almost no traffic)`,
  overRequested: (s) => `${s.meshName}'s proxies request more CPU and memory than they use`,
};

/**
 * The answer at a glance: what all meshes cost per month, what share of the cluster's own cost that is, and the
 * biggest single saving with a link to the list behind it.
 */
interface Props {
  report: Report;
  /** How the monthly figures are measured, in words. */
  window: string;
  /** All meshes' monthly cost at the range's end, when the figures are means over the range. */
  instantTotal?: number | null;
}

export function Headline({ report, window, instantTotal }: Props) {
  const styles = useStyles2(getStyles);
  const h = headlineOf(report);
  const meshes = report.meshes.length === 1 ? report.meshes[0].name : `all ${report.meshes.length} meshes together`;
  return (
    <section className={styles.headline} aria-label="Headline" data-testid="meshtax-headline">
      <div>
        <Text variant="bodySmall" color="secondary">
          What {meshes} cost per month
        </Text>
        <div className={styles.big} data-testid="meshtax-headline-total">
          {h.totalMonthlyUsd === null ? 'unavailable' : usd(h.totalMonthlyUsd)}
        </div>
        <Text variant="bodySmall" color="secondary">
          {h.totalMonthlyUsd === null ? `${h.missing.join(', ')}: cost not measured (see below)` : window}
        </Text>
        {instantTotal !== undefined && (
          <Text variant="bodySmall" color="secondary">
            <span data-testid="meshtax-headline-instant">Instant value at the range’s end: {usd(instantTotal)}</span>
          </Text>
        )}
      </div>
      <div>
        <Text variant="bodySmall" color="secondary">
          Share of what the cluster itself costs
        </Text>
        <div className={styles.big} data-testid="meshtax-headline-share">
          {h.share === null ? 'unavailable' : formatFigure(h.share, 'percentunit')}
        </div>
        <Text variant="bodySmall" color="secondary">
          {h.clusterMonthlyUsd !== null
            ? `of ${usd(h.clusterMonthlyUsd)} per month for every container, on the same prices`
            : (h.clusterReason ?? '')}
        </Text>
      </div>
      <div>
        <Text variant="bodySmall" color="secondary">
          Biggest single saving
        </Text>
        {h.saving ? (
          <>
            <div className={styles.big} data-testid="meshtax-headline-saving">
              {usd(h.saving.monthlyUsd)}
              <span className={styles.unit}> / month</span>
            </div>
            <Text variant="bodySmall" color="secondary">
              {SAVING_TEXT[h.saving.kind](h.saving)}
            </Text>
            <div>
              <LinkButton size="sm" variant="secondary" icon="list-ul" href={breakdownUrl(h.saving.meshId)}>
                See the list in Breakdown
              </LinkButton>
            </div>
          </>
        ) : (
          <Text color="secondary">
            {h.savingMeasured
              ? 'None found: no idle sidecars, and no proxy requests more than it uses.'
              : 'unavailable: neither idle sidecars nor proxy requests above use were measured.'}
          </Text>
        )}
      </div>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  headline: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: theme.spacing(2),
    padding: theme.spacing(2),
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
    '> div': { display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) },
  }),
  big: css({ fontSize: theme.typography.h2.fontSize, fontWeight: theme.typography.fontWeightMedium, lineHeight: 1.2 }),
  unit: css({ fontSize: theme.typography.body.fontSize, color: theme.colors.text.secondary }),
});
