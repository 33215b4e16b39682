// Reporting periods as the API names them: "2025" (year), "2025-Q2" (quarter), "2025-06" (month). Pure.
import type { Locale } from '../../lib/i18n.ts';

export type PeriodKind = 'year' | 'quarter' | 'month';
/** `index` is the quarter (1–4) or the month (1–12); 0 for a year. */
export type Period = { kind: PeriodKind; year: number; index: number };
export type TrendBucket = 'month' | 'quarter' | 'year';

const PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** "2025-Q2" -> {quarter, 2025, 2}; anything else -> null. */
export function parsePeriod(text: string): Period | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2]) return { kind: 'quarter', year, index: Number(match[2]) };
  if (match[3]) return { kind: 'month', year, index: Number(match[3]) };
  return { kind: 'year', year, index: 0 };
}

export function periodKey(period: Period): string {
  if (period.kind === 'quarter') return `${period.year}-Q${period.index}`;
  if (period.kind === 'month') return `${period.year}-${String(period.index).padStart(2, '0')}`;
  return String(period.year);
}

/** The period just before, of the same kind: 2025-Q1 -> 2024-Q4, 2025-01 -> 2024-12. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'year') return { ...period, year: period.year - 1 };
  const last = period.kind === 'quarter' ? 4 : 12;
  return period.index > 1 ? { ...period, index: period.index - 1 } : { ...period, year: period.year - 1, index: last };
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** As the report writes them (features/reports/analysis-text.ts): "Năm 2025", "Quý II/2025", "Tháng 6/2025"; "2025", "Q2 2025", "June 2025". */
export function periodLabel(period: Period, locale: Locale): string {
  if (locale === 'vi') {
    if (period.kind === 'quarter') return `Quý ${ROMAN[period.index - 1]}/${period.year}`;
    if (period.kind === 'month') return `Tháng ${period.index}/${period.year}`;
    return `Năm ${period.year}`;
  }
  if (period.kind === 'quarter') return `Q${period.index} ${period.year}`;
  if (period.kind === 'month') return `${MONTHS_EN[period.index - 1]} ${period.year}`;
  return String(period.year);
}

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** First and last day (YYYY-MM-DD) of a period. */
export function periodRange(period: Period): { from: string; to: string } {
  if (period.kind === 'year') return { from: iso(period.year, 1, 1), to: iso(period.year, 12, 31) };
  const firstMonth = period.kind === 'quarter' ? period.index * 3 - 2 : period.index;
  const lastMonth = period.kind === 'quarter' ? period.index * 3 : period.index;
  return { from: iso(period.year, firstMonth, 1), to: iso(period.year, lastMonth, daysInMonth(period.year, lastMonth)) };
}

/**
 * The trend shown beside a period: for a year, its quarters and those of the two years before; for a quarter,
 * the eight quarters ending with it; for a month, the twelve months ending with it.
 */
export function trendWindow(period: Period): { from: string; to: string; bucket: TrendBucket } {
  const { to } = periodRange(period);
  if (period.kind === 'year') return { from: iso(period.year - 2, 1, 1), to, bucket: 'quarter' };
  let first = period;
  const steps = period.kind === 'quarter' ? 7 : 11;
  for (let i = 0; i < steps; i++) first = previousPeriod(first);
  return { from: periodRange(first).from, to, bucket: period.kind };
}

/** The year that contains `today` (YYYY-MM-DD in Vietnam): the default period. */
export function currentYear(today: string): Period {
  return { kind: 'year', year: Number(today.slice(0, 4)), index: 0 };
}
