// vi-VN formatting used everywhere, whatever the UI language: results are pasted into official reports.
// Dates are in format-date.ts, so that the public questionnaire does not carry them.

export const NO_VALUE = '—';

const numberFormats = new Map<number | undefined, Intl.NumberFormat>();

/** A fixed number of fraction digits, or (undefined) as many as needed up to 6. */
function numberFormat(fractionDigits: number | undefined): Intl.NumberFormat {
  let format = numberFormats.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', {
      minimumFractionDigits: fractionDigits ?? 0,
      maximumFractionDigits: fractionDigits ?? 6,
    });
    numberFormats.set(fractionDigits, format);
  }
  return format;
}

/** 85.5432 -> "85,54%". Shares arrive unrounded in percent (0–100); null means "no valid answer". */
export function formatPercent(value: number | null | undefined, fractionDigits = 2): string {
  if (value == null || !Number.isFinite(value)) return NO_VALUE;
  return `${numberFormat(fractionDigits).format(value)}%`;
}

/** 12345 -> "12.345"; 0.5 -> "0,5"; 0.5 with 2 digits -> "0,50". */
export function formatNumber(value: number | null | undefined, fractionDigits?: number): string {
  if (value == null || !Number.isFinite(value)) return NO_VALUE;
  return numberFormat(fractionDigits).format(value);
}
