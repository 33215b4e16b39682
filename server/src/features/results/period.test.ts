import { describe, expect, it } from 'vitest';
import { bucketCount, bucketPeriod, clipToRange, currentYear, namedPeriod, previousPeriod, rangePeriod } from './period.ts';

describe('namedPeriod', () => {
  it.each([
    ['2025', '2025-01-01', '2025-12-31'],
    ['2025-Q1', '2025-01-01', '2025-03-31'],
    ['2025-Q4', '2025-10-01', '2025-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025-02', '2025-02-01', '2025-02-28'],
    ['2025-12', '2025-12-01', '2025-12-31'],
  ])('%s is %s to %s', (label, from, to) => {
    expect(namedPeriod(label)).toEqual({ label, from, to });
  });

  it.each(['2025-Q5', '2025-Q0', '2025-13', '2025-00', '25', '2025-6', '2025Q2', ''])('refuses %j', (label) => {
    expect(() => namedPeriod(label)).toThrow(RangeError);
  });
});

describe('previousPeriod', () => {
  it.each([
    ['2025', '2024'],
    ['2025-Q2', '2025-Q1'],
    ['2025-Q1', '2024-Q4'],
    ['2025-06', '2025-05'],
    ['2025-01', '2024-12'],
  ])('before %s comes %s', (label, previous) => {
    expect(previousPeriod(namedPeriod(label))).toEqual(namedPeriod(previous));
  });

  it('gives a date range the same number of days just before it', () => {
    expect(previousPeriod(rangePeriod({ from: '2025-03-01', to: '2025-03-10' }))).toEqual({
      label: '2025-02-19..2025-02-28',
      from: '2025-02-19',
      to: '2025-02-28',
    });
    expect(previousPeriod(rangePeriod({ from: '2025-01-01', to: '2025-01-01' }))).toMatchObject({ from: '2024-12-31', to: '2024-12-31' });
  });
});

describe('buckets', () => {
  it('names a bucket by its start', () => {
    expect(bucketPeriod('2025-07-01', 'quarter')).toEqual(namedPeriod('2025-Q3'));
    expect(bucketPeriod('2025-07-01', 'month')).toEqual(namedPeriod('2025-07'));
    expect(bucketPeriod('2025-01-01', 'year')).toEqual(namedPeriod('2025'));
  });

  it('cuts a bucket to the range', () => {
    expect(clipToRange(namedPeriod('2025'), { from: '2025-03-05', to: '2026-01-01' })).toEqual({ from: '2025-03-05', to: '2025-12-31' });
  });

  it('counts the buckets of a range, partial ones included', () => {
    expect(bucketCount({ from: '2025-01-15', to: '2025-12-01' }, 'month')).toBe(12);
    expect(bucketCount({ from: '2024-12-31', to: '2025-01-01' }, 'quarter')).toBe(2);
    expect(bucketCount({ from: '2000-01-01', to: '2025-12-31' }, 'year')).toBe(26);
  });

  it('takes the current year from the Vietnamese date', () => {
    expect(currentYear('2026-01-01')).toEqual(namedPeriod('2026'));
  });
});
