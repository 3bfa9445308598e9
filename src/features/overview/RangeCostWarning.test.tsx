import React from 'react';
import { render, screen } from '@testing-library/react';
import type { Report } from '../../model/report';
import { RangeCostWarning } from './RangeCostWarning';

const report = (likely: boolean) =>
  ({
    rangeCost: {
      figure: 'istio.cost.total',
      seriesTouched: 61234,
      points: 1000,
      estimatedPeakSamples: 61234000,
      maxSamples: 50000000,
      likelyOverMaxSamples: likely,
    },
  }) as unknown as Report;

test('a raw figure likely to pass query.max-samples warns, with numbers and a link to the rules', () => {
  render(<RangeCostWarning report={report(true)} />);
  expect(screen.getByText('Raw queries are heavy on this Prometheus')).toBeInTheDocument();
  expect(screen.getByText(/61,234 series/)).toBeInTheDocument();
  expect(screen.getByText(/61,234,000 samples/)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: /Get the rules/ })).toHaveAttribute(
    'href',
    '/a/meshtax-overhead-app/alerts#meshtax-alerts-export'
  );
});

test('no warning when the estimate is comfortable, or when recorded series were read (no estimate)', () => {
  const { container } = render(<RangeCostWarning report={report(false)} />);
  expect(container).toBeEmptyDOMElement();
  render(<RangeCostWarning report={{ rangeCost: null } as unknown as Report} />);
  expect(screen.queryByRole('alert')).toBeNull();
});
