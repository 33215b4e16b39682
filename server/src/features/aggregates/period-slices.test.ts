import { describe, expect, it } from 'vitest';
import { bucketStart, bucketsOf, coarsestGrain, periodRange, sliceRange, type GrainSlice } from './period-slices.ts';

const day = (from: string, to = from): GrainSlice => ({ grain: 'day', from, to });
const month = (from: string, to = from): GrainSlice => ({ grain: 'month', from, to });
const year = (from: string, to = from): GrainSlice => ({ grain: 'year', from, to });

/** Every day of the slices, in order, to check that they cover the range exactly once. */
function daysCovered(slices: GrainSlice[]): string[] {
  const days: string[] = [];
  for (const slice of slices) {
    const end = slice.grain === 'day' ? slice.to : slice.grain === 'month' ? endOfMonth(slice.to) : `${slice.to.slice(0, 4)}-12-31`;
    for (let t = Date.parse(`${slice.from}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) {
      days.push(new Date(t).toISOString().slice(0, 10));
    }
  }
  return days;
}
function endOfMonth(start: string): string {
  const [y, m] = start.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
}
function allDays(from: string, to: string): string[] {
  return daysCovered([day(from, to)]);
}

describe('sliceRange', () => {
  it.each<[string, string, string, GrainSlice[]]>([
    // A calendar year is one year row per unit: the case the 1,000-unit report needs fast.
    ['a calendar year', '2025-01-01', '2025-12-31', [year('2025-01-01')]],
    ['two whole years', '2024-01-01', '2025-12-31', [year('2024-01-01', '2025-01-01')]],
    ['a quarter: three month rows', '2025-04-01', '2025-06-30', [month('2025-04-01', '2025-06-01')]],
    ['a month', '2024-02-01', '2024-02-29', [month('2024-02-01')]],
    ['a single day', '2025-03-15', '2025-03-15', [day('2025-03-15')]],
    ['days within one month', '2025-03-10', '2025-03-20', [day('2025-03-10', '2025-03-20')]],
    ['across a month end, no whole month', '2025-03-10', '2025-04-20', [day('2025-03-10', '2025-04-20')]],
    [
      'ragged both ends inside a year',
      '2025-03-10',
      '2025-06-05',
      [day('2025-03-10', '2025-03-31'), month('2025-04-01', '2025-05-01'), day('2025-06-01', '2025-06-05')],
    ],
    [
      'the SIPAS mid-year reform: second half of 2025 to mid-March 2027',
      '2025-07-01',
      '2027-03-15',
      [month('2025-07-01', '2025-12-01'), year('2026-01-01'), month('2027-01-01', '2027-02-01'), day('2027-03-01', '2027-03-15')],
    ],
    [
      'five slices at most',
      '2024-12-30',
      '2026-02-02',
      [day('2024-12-30', '2024-12-31'), year('2025-01-01'), month('2026-01-01'), day('2026-02-01', '2026-02-02')],
    ],
    [
      'the longest pattern',
      '2024-11-15',
      '2026-02-10',
      [day('2024-11-15', '2024-11-30'), month('2024-12-01'), year('2025-01-01'), month('2026-01-01'), day('2026-02-01', '2026-02-10')],
    ],
  ])('%s', (_name, from, to, expected) => {
    const slices = sliceRange({ from, to });
    expect(slices).toEqual(expected);
    expect(daysCovered(slices)).toEqual(allDays(from, to));
  });

  it('uses no year rows when the coarsest grain is a month (monthly or quarterly trends)', () => {
    expect(sliceRange({ from: '2025-01-01', to: '2025-12-31' }, 'month')).toEqual([month('2025-01-01', '2025-12-01')]);
    expect(sliceRange({ from: '2024-12-31', to: '2025-01-01' }, 'month')).toEqual([day('2024-12-31', '2025-01-01')]);
  });

  it('reads day rows only when asked', () => {
    expect(sliceRange({ from: '2025-01-01', to: '2025-12-31' }, 'day')).toEqual([day('2025-01-01', '2025-12-31')]);
  });

  it.each([
    ['2025-12-31', '2025-01-01', /empty range/],
    ['2025-02-29', '2025-03-01', /not a calendar date/],
    ['2025-1-01', '2025-03-01', /not a calendar date/],
    ['2025-01-01', 'tomorrow', /not a calendar date/],
  ])('refuses %s to %s', (from, to, message) => {
    expect(() => sliceRange({ from, to })).toThrow(message);
  });
});

describe('bucketStart', () => {
  it.each([
    ['2025-05-17', 'month', '2025-05-01'],
    ['2025-05-17', 'quarter', '2025-04-01'],
    ['2025-03-31', 'quarter', '2025-01-01'],
    ['2025-10-01', 'quarter', '2025-10-01'],
    ['2025-12-31', 'quarter', '2025-10-01'],
    ['2025-05-17', 'year', '2025-01-01'],
  ] as const)('%s by %s starts %s', (date, bucket, expected) => {
    expect(bucketStart(date, bucket)).toBe(expected);
  });
});

describe('bucketsOf', () => {
  it.each([
    ['2025-11-15', '2026-02-01', 'month', ['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']],
    ['2025-02-10', '2025-12-31', 'quarter', ['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01']],
    ['2024-06-01', '2026-01-01', 'year', ['2024-01-01', '2025-01-01', '2026-01-01']],
    ['2025-05-05', '2025-05-06', 'quarter', ['2025-04-01']],
  ] as const)('%s to %s by %s', (from, to, bucket, expected) => {
    expect(bucketsOf({ from, to }, bucket)).toEqual(expected);
  });
});

describe('periodRange', () => {
  it.each([
    [{ year: 2025 }, { from: '2025-01-01', to: '2025-12-31' }],
    [{ year: 2025, quarter: 1 }, { from: '2025-01-01', to: '2025-03-31' }],
    [{ year: 2025, quarter: 4 }, { from: '2025-10-01', to: '2025-12-31' }],
    [{ year: 2024, month: 2 }, { from: '2024-02-01', to: '2024-02-29' }], // leap year
    [{ year: 2025, month: 2 }, { from: '2025-02-01', to: '2025-02-28' }],
    [{ year: 2025, month: 12 }, { from: '2025-12-01', to: '2025-12-31' }],
  ])('%o', (period, expected) => {
    expect(periodRange(period)).toEqual(expected);
  });

  it.each([
    [{ year: 2025, quarter: 5 }, /not a quarter/],
    [{ year: 2025, month: 0 }, /not a month/],
    [{ year: 2025, quarter: 1, month: 1 }, /not both/],
    [{ year: 25 }, /not a year/],
  ])('refuses %o', (period, message) => {
    expect(() => periodRange(period)).toThrow(message);
  });
});

describe('coarsestGrain', () => {
  it.each([
    [undefined, 'year'],
    ['year', 'year'],
    ['quarter', 'month'],
    ['month', 'month'],
  ] as const)('%s -> %s', (bucket, grain) => {
    expect(coarsestGrain(bucket)).toBe(grain);
  });
});
