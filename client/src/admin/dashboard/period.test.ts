import { describe, expect, it } from 'vitest';
import { parsePeriod, periodKey, periodLabel, periodRange, previousPeriod, trendWindow, type Period } from './period.ts';

const year = (y: number): Period => ({ kind: 'year', year: y, index: 0 });
const quarter = (y: number, q: number): Period => ({ kind: 'quarter', year: y, index: q });
const month = (y: number, m: number): Period => ({ kind: 'month', year: y, index: m });

describe('parsePeriod and periodKey', () => {
  it.each([
    ['2025', year(2025)],
    ['2025-Q2', quarter(2025, 2)],
    ['2025-06', month(2025, 6)],
    ['2025-12', month(2025, 12)],
  ])('%s', (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
    expect(periodKey(period)).toBe(text);
  });

  it.each(['', '25', '2025-Q5', '2025-13', '2025-6', '2025-q2', '2025-00', '2025-06-01'])('refuses %j', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('previousPeriod', () => {
  it.each([
    [year(2025), year(2024)],
    [quarter(2025, 2), quarter(2025, 1)],
    [quarter(2025, 1), quarter(2024, 4)],
    [month(2025, 6), month(2025, 5)],
    [month(2025, 1), month(2024, 12)],
  ])('%j -> %j', (period, previous) => {
    expect(previousPeriod(period)).toEqual(previous);
  });
});

describe('periodLabel', () => {
  it.each([
    [year(2025), 'vi', 'Năm 2025'],
    [quarter(2025, 2), 'vi', 'Quý II/2025'],
    [month(2025, 6), 'vi', 'Tháng 6/2025'],
    [quarter(2025, 4), 'vi', 'Quý IV/2025'],
    [year(2025), 'en', '2025'],
    [quarter(2025, 2), 'en', 'Q2 2025'],
    [month(2025, 6), 'en', 'June 2025'],
  ] as const)('%j in %s -> %s', (period, locale, label) => {
    expect(periodLabel(period, locale)).toBe(label);
  });
});

describe('periodRange', () => {
  it.each([
    [year(2025), '2025-01-01', '2025-12-31'],
    [quarter(2025, 2), '2025-04-01', '2025-06-30'],
    [quarter(2024, 1), '2024-01-01', '2024-03-31'],
    [month(2024, 2), '2024-02-01', '2024-02-29'], // leap year
    [month(2025, 2), '2025-02-01', '2025-02-28'],
  ])('%j', (period, from, to) => {
    expect(periodRange(period)).toEqual({ from, to });
  });
});

describe('trendWindow', () => {
  it.each([
    [year(2025), { from: '2023-01-01', to: '2025-12-31', bucket: 'quarter' }],
    [quarter(2025, 2), { from: '2023-07-01', to: '2025-06-30', bucket: 'quarter' }],
    [month(2025, 6), { from: '2024-07-01', to: '2025-06-30', bucket: 'month' }],
  ])('%j', (period, window) => {
    expect(trendWindow(period)).toEqual(window);
  });
});
