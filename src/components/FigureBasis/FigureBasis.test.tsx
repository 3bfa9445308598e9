import React from 'react';
import { render, screen } from '@testing-library/react';
import { basisOf } from '../../model/figureBasis';
import { DEFAULT_OPTIONS } from '../../model/options/defaults';
import { resolveOrThrow } from '../../model/options/resolve';
import { testIds } from '../testIds';
import { FigureBasis } from './FigureBasis';

const line = () => screen.getByTestId(testIds.figureBasis.container).textContent;

test('auto: both sources, the flat rates through the currency formatter, the hours and the window', () => {
  render(<FigureBasis basis={basisOf(DEFAULT_OPTIONS)} />);
  expect(line()).toBe(
    "Priced with OpenCost's node prices where present, else flat rates ($0.040 per vCPU-hour, $0.005 per GiB-hour), " +
      '730 h a month · instant, rates over 5m'
  );
});

test('OpenCost found: no flat rates shown; a mean over a span says so', () => {
  render(<FigureBasis basis={basisOf(resolveOrThrow({ averageOver: '7d' }), { found: 'opencost' })} />);
  expect(line()).toBe("Priced with OpenCost's node prices, 730 h a month · mean over the 7d before the figure's time");
});

test('no basis (a hand-made dashboard): says the queries decide, never guesses', () => {
  render(<FigureBasis />);
  expect(line()).toMatch(/as the panel's queries set them/);
});
