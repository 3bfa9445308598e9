import { formatFigure as raw } from './utils.units';
import type { Unit } from '../model/figures';

// Grafana's `suffix: x` unit adds its own space before " x"; HTML shows the two as one, so compare what is seen.
const formatFigure = (v: number | null, unit: Unit) => raw(v, unit).replace(/\s+/g, ' ');

test('whole counts show no decimals, and one of them is singular (the benchmark table printed "1.00 services")', () => {
  expect(formatFigure(1, 'services')).toBe('1 service');
  expect(formatFigure(3, 'services')).toBe('3 services');
  expect(formatFigure(0, 'services')).toBe('0 services');
  expect(formatFigure(20, 'pods')).toBe('20 pods');
  expect(formatFigure(1, 'pods')).toBe('1 pod');
});

test('a mean count over a range keeps its decimals; other units are unchanged; missing is unavailable', () => {
  expect(formatFigure(19.5, 'pods')).toBe('19.50 pods');
  expect(formatFigure(1, 'nodes')).toBe('1.00 nodes');
  expect(formatFigure(7.5, 'currencyUSD')).toBe('$7.50');
  expect(formatFigure(null, 'services')).toBe('unavailable');
});
