/**
 * Ranks and changes as officials write them (domain.md, "Conventions"): "48/63", "tăng 6 bậc", "giảm 0,52 điểm",
 * numbers in vi-VN (comma decimal) or en-US. Pure: no I/O, no clock.
 */
import type { Locale } from '@sipas/survey-definitions/schema';

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** 0.52 -> "0,52" (vi) or "0.52" (en); always 2 decimals, rounded half away from zero. */
export function formatDecimal(value: number, locale: Locale): string {
  return numberFormats[locale].format(value);
}

/** 85.5432 -> "85,54%" (vi) or "85.54%" (en). */
export function formatShare(share: number, locale: Locale): string {
  return `${formatDecimal(share, locale)}%`;
}

/** (48, 63) -> "48/63". */
export function formatRank(rank: number, of: number): string {
  if (!Number.isInteger(rank) || !Number.isInteger(of) || rank < 1 || rank > of) {
    throw new RangeError(`A rank needs whole numbers 1 ≤ rank ≤ of, got ${rank}/${of}`);
  }
  return `${rank}/${of}`;
}

/** (1, 6, "vùng Bắc Trung Bộ") -> "thứ 1/6 trong vùng Bắc Trung Bộ" (vi), "1/6 in …" (en). */
export function describeGroupRank(rank: number, of: number, group: string, locale: Locale): string {
  return locale === 'vi' ? `thứ ${formatRank(rank, of)} trong ${group}` : `${formatRank(rank, of)} in ${group}`;
}

/** previous − current rank: +6 -> "tăng 6 bậc" / "up 6 places"; −10 -> "giảm 10 bậc"; 0 -> "giữ nguyên thứ hạng". */
export function describeRankChange(change: number, locale: Locale): string {
  if (!Number.isInteger(change)) throw new RangeError(`A rank change is a whole number, got ${change}`);
  const places = Math.abs(change);
  if (locale === 'vi') return change === 0 ? 'giữ nguyên thứ hạng' : `${change > 0 ? 'tăng' : 'giảm'} ${places} bậc`;
  return change === 0 ? 'rank unchanged' : `${change > 0 ? 'up' : 'down'} ${places} ${places === 1 ? 'place' : 'places'}`;
}

/**
 * Change in percentage points, at the 2 decimals it is printed with: −0.52 -> "giảm 0,52 điểm" / "down 0.52 points";
 * a change that rounds to 0,00 -> "không đổi" / "unchanged".
 */
export function describePointChange(change: number, locale: Locale): string {
  if (!Number.isFinite(change)) throw new RangeError(`A point change is a finite number, got ${change}`);
  const magnitude = formatDecimal(Math.abs(change), locale);
  const unchanged = magnitude === formatDecimal(0, locale);
  if (locale === 'vi') return unchanged ? 'không đổi' : `${change > 0 ? 'tăng' : 'giảm'} ${magnitude} điểm`;
  return unchanged ? 'unchanged' : `${change > 0 ? 'up' : 'down'} ${magnitude} points`;
}
