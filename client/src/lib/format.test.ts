import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from './format.ts';

describe('formatPercent', () => {
  // Expected strings written by hand from the vi-VN convention: comma decimal, dot thousands, no space before %.
  it.each([
    [85.5432, undefined, '85,54%'],
    [85.48, undefined, '85,48%'],
    [100, undefined, '100,00%'],
    [0, undefined, '0,00%'],
    [83.94, 1, '83,9%'],
    [2 / 3 * 100, undefined, '66,67%'],
    [91.175, 0, '91%'],
  ])('formatPercent(%s, %s) -> %s', (value, digits, expected) => {
    expect(formatPercent(value, digits)).toBe(expected);
  });

  it.each([[null], [undefined], [Number.NaN], [Number.POSITIVE_INFINITY]])('%s -> dash', (value) => {
    expect(formatPercent(value)).toBe('—');
  });
});

describe('formatNumber', () => {
  it.each([
    [12345, 0, '12.345'],
    [1234567, 0, '1.234.567'],
    [0.5, 2, '0,50'],
    [-0.52, 2, '-0,52'],
    [42, 0, '42'],
    [42, undefined, '42'],
    [0.5, undefined, '0,5'],
    [2.25, undefined, '2,25'],
    [12345.5, undefined, '12.345,5'],
    [0.4, 0, '0'],
  ])('formatNumber(%s, %s) -> %s', (value, digits, expected) => {
    expect(formatNumber(value, digits)).toBe(expected);
  });

  it('null -> dash', () => expect(formatNumber(null)).toBe('—'));
});
