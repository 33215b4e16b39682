/**
 * Reporting periods of the results API: a year "2025", a quarter "2025-Q2", a month "2025-06", or any date
 * range, and the period of the same length just before it (for changes). Pure; dates are local
 * (Asia/Ho_Chi_Minh) calendar dates YYYY-MM-DD.
 */
import { bucketStart, periodRange, type Bucket, type DateRange } from '../aggregates/period-slices.ts';

export interface Period extends DateRange {
  /** "2025", "2025-Q2", "2025-06", or "2025-01-15..2025-03-10" for a date range. */
  label: string;
}

/** What the query string accepts in `period`. */
export const PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** A named period; throws RangeError when `label` does not match PERIOD_PATTERN (the schema checks first). */
export function namedPeriod(label: string): Period {
  const match = PERIOD_PATTERN.exec(label);
  if (!match) throw new RangeError(`not a period (YYYY, YYYY-Qn or YYYY-MM): ${label}`);
  const year = Number(match[1]);
  const quarter = match[2] === undefined ? undefined : Number(match[2]);
  const month = match[3] === undefined ? undefined : Number(match[3]);
  return { label, ...periodRange({ year, ...(quarter ? { quarter } : {}), ...(month ? { month } : {}) }) };
}

export function rangePeriod(range: DateRange): Period {
  return { label: `${range.from}..${range.to}`, from: range.from, to: range.to };
}

/** The calendar year of `today`. */
export function currentYear(today: string): Period {
  return namedPeriod(today.slice(0, 4));
}

/** The period of the same kind and length just before: 2024 for 2025, 2025-Q1 for 2025-Q2, 2025-05 for 2025-06, n days before n days. */
export function previousPeriod(period: Period): Period {
  const match = PERIOD_PATTERN.exec(period.label);
  if (match) {
    const year = Number(match[1]);
    if (match[2] !== undefined) {
      const quarter = Number(match[2]);
      return namedPeriod(quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`);
    }
    if (match[3] !== undefined) {
      const month = Number(match[3]);
      return namedPeriod(month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`);
    }
    return namedPeriod(String(year - 1));
  }
  const days = daysBetween(period.from, period.to) + 1;
  const to = addDays(period.from, -1);
  return rangePeriod({ from: addDays(to, -(days - 1)), to });
}

/** The bucket that starts on `start` (a bucket start of bucketsOf) as a period: "2025", "2025-Q3", "2025-07". */
export function bucketPeriod(start: string, bucket: Bucket): Period {
  const year = start.slice(0, 4);
  if (bucket === 'year') return namedPeriod(year);
  if (bucket === 'month') return namedPeriod(start.slice(0, 7));
  return namedPeriod(`${year}-Q${(Number(start.slice(5, 7)) + 2) / 3}`);
}

/** The part of a bucket that lies inside the range (a trend's first and last buckets may be partial). */
export function clipToRange(period: Period, range: DateRange): DateRange {
  return { from: period.from < range.from ? range.from : period.from, to: period.to > range.to ? range.to : period.to };
}

export function overlaps(a: DateRange, b: DateRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** Days from `from` to `to` (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** How many buckets a trend over the range has. */
export function bucketCount(range: DateRange, bucket: Bucket): number {
  const months = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const span = months(bucketStart(range.to, bucket)) - months(bucketStart(range.from, bucket));
  return span / (bucket === 'month' ? 1 : bucket === 'quarter' ? 3 : 12) + 1;
}
