/**
 * One line under a figure saying how it was priced and which time it covers (issue #16 §1), from the resolved
 * options: `<FigureBasis basis={basisOf(options, { found })} />`. Pages and panels mount the same component, so the
 * wording is the same everywhere (src/model/figureBasis.ts). Prices go through Grafana's currency formatter.
 */
import React from 'react';
import { css } from '@emotion/css';
import { formattedValueToString, getValueFormat } from '@grafana/data';
import { Text, useStyles2 } from '@grafana/ui';
import { describeBasis, type FigureBasisInfo } from '../../model/figureBasis';
import { testIds } from '../testIds';

const usd = (v: number) => formattedValueToString(getValueFormat('currencyUSD')(v, 3));

export function FigureBasis({ basis }: { basis?: FigureBasisInfo }) {
  if (!basis) {
    // A panel whose dashboard does not say (made before this existed, or by hand): the queries decide.
    return (
      <div data-testid={testIds.figureBasis.container}>
        <Text variant="bodySmall" color="secondary">
          Prices and time window: as the panel&apos;s queries set them.
        </Text>
      </div>
    );
  }
  const w = describeBasis(basis);
  const p = basis.prices;
  const rates = w.showsFlatRates ? ` (${usd(p.cpuHourUsd)} per vCPU-hour, ${usd(p.gibHourUsd)} per GiB-hour)` : '';
  return (
    <div data-testid={testIds.figureBasis.container}>
      <Text variant="bodySmall" color="secondary">
        {`Priced with ${w.source}${rates}, ${p.hoursPerMonth} h a month · ${w.time}`}
      </Text>
    </div>
  );
}

/** The height a panel gives up for the line, so a body sized from the panel's height still fits. */
export const FIGURE_BASIS_HEIGHT_PX = 22;

/** A panel body with the basis line under it; the body scrolls if it does not fit. */
export function WithFigureBasis({ basis, children }: { basis?: FigureBasisInfo; children: React.ReactNode }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.frame}>
      <div className={styles.body}>{children}</div>
      <FigureBasis basis={basis} />
    </div>
  );
}

const getStyles = () => ({
  frame: css({ display: 'flex', flexDirection: 'column', height: '100%' }),
  body: css({ flex: 1, minHeight: 0, overflow: 'auto' }),
});
