import React from 'react';
import { render, screen } from '@testing-library/react';
import { testIds } from '../testIds';
import { FigureSource } from './FigureSource';

test.each([
  ['mixin', 'kubernetes-mixin'],
  ['recorded', 'recorded'],
  ['raw', 'raw series'],
] as const)('%s reads "%s"', (source, text) => {
  render(<FigureSource source={source} note="why" />);
  expect(screen.getByTestId(testIds.figureSource.container).textContent).toBe(text);
});

test('a figure the report has no source for shows nothing rather than a guess', () => {
  const { container } = render(<FigureSource />);
  expect(container.textContent).toBe('');
});
