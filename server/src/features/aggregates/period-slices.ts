/**
 * Periods over the tallies (migration 0005): rows exist per day, month and year; a date range is read as
 * whole years + whole months + the remaining days, so its cost does not grow with its length. Pure.
 * Dates are local (Asia/Ho_Chi_Minh) calendar dates written YYYY-MM-DD.
 */

export type Grain = 'day' | 'month' | 'year';
/** How a trend is split. */
export type Bucket = 'month' | 'quarter' | 'year';

export interface DateRange {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** Tally rows of one grain whose period_start lies in [from, to]. */
export interface GrainSlice {
  grain: Grain;
  from: string;
  to: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toTime(date: string): number {
  const match = ISO_DATE.exec(date);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return time;
}

const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => fromTime(toTime(date) + days * DAY_MS);
const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
const yearStart = (date: string) => `${date.slice(0, 4)}-01-01`;

function nextMonthStart(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The first day of the month, quarter or year that contains `date`. */
export function bucketStart(date: string, bucket: Bucket): string {
  toTime(date);
  if (bucket === 'year') return yearStart(date);
  if (bucket === 'month') return monthStart(date);
  const quarterMonth = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(quarterMonth).padStart(2, '0')}-01`;
}

/** The coarsest grain whose rows never straddle two buckets (year rows cannot serve a monthly trend). */
export function coarsestGrain(bucket: Bucket | undefined): Grain {
  return bucket === 'month' || bucket === 'quarter' ? 'month' : 'year';
}

/** A calendar year, a quarter (1–4) of it, or a month (1–12) of it. */
export function periodRange(period: { year: number; quarter?: number; month?: number }): DateRange {
  const { year, quarter, month } = period;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a year: ${year}`);
  if (quarter !== undefined && month !== undefined) throw new RangeError('give a quarter or a month, not both');
  let first = 1;
  let last = 12;
  if (quarter !== undefined) {
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`not a quarter: ${quarter}`);
    first = 3 * quarter - 2;
    last = 3 * quarter;
  } else if (month !== undefined) {
    if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`not a month: ${month}`);
    first = month;
    last = month;
  }
  const start = `${year}-${String(first).padStart(2, '0')}-01`;
  const end = addDays(nextMonthStart(`${year}-${String(last).padStart(2, '0')}-01`), -1);
  return { from: start, to: end };
}

/**
 * Cuts [from, to] into at most five slices that cover each day exactly once: whole years (if `coarsest` is
 * 'year'), then whole months, then single days at the ragged ends.
 */
export function sliceRange(range: DateRange, coarsest: Grain = 'year'): GrainSlice[] {
  if (toTime(range.from) > toTime(range.to)) throw new RangeError(`empty range: ${range.from} to ${range.to}`);
  if (coarsest === 'day') return [{ grain: 'day', ...range }];
  if (coarsest === 'month') return sliceMonths(range);

  // Whole years: from the first 1 January on or after `from` to the last 31 December on or before `to`.
  const firstYear = range.from === yearStart(range.from) ? Number(range.from.slice(0, 4)) : Number(range.from.slice(0, 4)) + 1;
  const lastYear = range.to.slice(5) === '12-31' ? Number(range.to.slice(0, 4)) : Number(range.to.slice(0, 4)) - 1;
  if (firstYear > lastYear) return sliceMonths(range);
  const slices: GrainSlice[] = [];
  if (firstYear > Number(range.from.slice(0, 4))) slices.push(...sliceMonths({ from: range.from, to: `${firstYear - 1}-12-31` }));
  slices.push({ grain: 'year', from: `${firstYear}-01-01`, to: `${lastYear}-01-01` });
  if (lastYear < Number(range.to.slice(0, 4))) slices.push(...sliceMonths({ from: `${lastYear + 1}-01-01`, to: range.to }));
  return slices;
}

function sliceMonths(range: DateRange): GrainSlice[] {
  const firstMonth = range.from === monthStart(range.from) ? range.from : nextMonthStart(range.from);
  const endsOnMonthEnd = addDays(range.to, 1) === nextMonthStart(range.to);
  const lastMonth = endsOnMonthEnd ? monthStart(range.to) : addDays(monthStart(range.to), -1).slice(0, 7) + '-01';
  if (toTime(firstMonth) > toTime(lastMonth)) return [{ grain: 'day', ...range }];
  const slices: GrainSlice[] = [];
  if (firstMonth !== range.from) slices.push({ grain: 'day', from: range.from, to: addDays(firstMonth, -1) });
  slices.push({ grain: 'month', from: firstMonth, to: lastMonth });
  if (!endsOnMonthEnd) slices.push({ grain: 'day', from: monthStart(range.to), to: range.to });
  return slices;
}

/** Every bucket of the range, in order (a trend shows empty periods too). */
export function bucketsOf(range: DateRange, bucket: Bucket): string[] {
  const last = bucketStart(range.to, bucket);
  const step = bucket === 'month' ? 1 : bucket === 'quarter' ? 3 : 12;
  const starts: string[] = [];
  for (let start = bucketStart(range.from, bucket); start <= last; ) {
    starts.push(start);
    for (let i = 0; i < step; i++) start = nextMonthStart(start);
  }
  return starts;
}
