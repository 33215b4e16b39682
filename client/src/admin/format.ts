// Numbers, ranks and changes on the admin pages, written as officials write them (domain.md, "Conventions"):
// "85,54%", "48/63", "giảm 10 bậc", "tăng 0,52 điểm"; in English "85.54%", "down 10 places". Dates stay
// dd/mm/yyyy in both languages (format-date.ts). The wording matches the server's report (scoring/rank-text.ts).
import { formatDate } from '../lib/format-date.ts';
import { NO_VALUE } from '../lib/format.ts';
import type { Locale } from '../lib/i18n.ts';

const TAGS: Record<Locale, string> = { vi: 'vi-VN', en: 'en-US' };
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}:${fractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(TAGS[locale], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    formats.set(key, format);
  }
  return format;
}

/** 1234 -> "1.234" (vi) or "1,234" (en). */
export function formatCount(value: number | null | undefined, locale: Locale): string {
  if (value == null || !Number.isFinite(value)) return NO_VALUE;
  return numberFormat(locale, 0).format(value);
}

/** 85.5432 -> "85,54%" (vi) or "85.54%" (en); null -> "—". */
export function formatShare(value: number | null | undefined, locale: Locale, fractionDigits = 2): string {
  if (value == null || !Number.isFinite(value)) return NO_VALUE;
  return `${numberFormat(locale, fractionDigits).format(value)}%`;
}

/** {low: 82.1, high: 88.95} -> "82,10–88,95%". */
export function formatInterval(interval: { low: number; high: number } | null | undefined, locale: Locale): string {
  if (!interval) return NO_VALUE;
  const format = numberFormat(locale, 2);
  return `${format.format(interval.low)}–${format.format(interval.high)}%`;
}

/** (48, 63) -> "48/63". */
export function formatRank(rank: number, of: number): string {
  return `${rank}/${of}`;
}

export type Direction = 'up' | 'down' | 'same';

/** The direction of a change as printed: a change that rounds to 0,00 is no change. */
export function pointDirection(change: number): Direction {
  if (Math.abs(change) < 0.005) return 'same';
  return change > 0 ? 'up' : 'down';
}

/** −0.52 -> "giảm 0,52 điểm" / "down 0.52 points"; rounding to 0,00 -> "không đổi" / "unchanged". */
export function describePointChange(change: number, locale: Locale): string {
  const direction = pointDirection(change);
  const magnitude = numberFormat(locale, 2).format(Math.abs(change));
  if (locale === 'vi') return direction === 'same' ? 'không đổi' : `${direction === 'up' ? 'tăng' : 'giảm'} ${magnitude} điểm`;
  return direction === 'same' ? 'unchanged' : `${direction} ${magnitude} points`;
}

/** previous − current rank: +6 -> "tăng 6 bậc" / "up 6 places"; −10 -> "giảm 10 bậc"; 0 -> "giữ nguyên thứ hạng". */
export function describeRankChange(change: number, locale: Locale): string {
  const places = Math.abs(change);
  if (locale === 'vi') return change === 0 ? 'giữ nguyên thứ hạng' : `${change > 0 ? 'tăng' : 'giảm'} ${places} bậc`;
  if (change === 0) return 'rank unchanged';
  return `${change > 0 ? 'up' : 'down'} ${places} ${places === 1 ? 'place' : 'places'}`;
}

/** The arrow beside a change; always paired with words, never the only sign of direction. */
export function directionSymbol(direction: Direction): string {
  return direction === 'up' ? '▲' : direction === 'down' ? '▼' : '▬';
}

/** "2025-06-30" or a Date -> "30/06/2025" in Vietnam's time zone, whatever the UI language. */
export function formatDay(value: string | Date): string {
  // A bare calendar date is a day in Vietnam: read it at noon there so no time zone moves it.
  return formatDate(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00+07:00` : value);
}
