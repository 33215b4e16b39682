// vi-VN formatting used everywhere, whatever the UI language: results are pasted into official reports.

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const NO_VALUE = '—';

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

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(value: Date | string | number): Record<string, string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const out: Record<string, string> = {};
  for (const part of dateParts.formatToParts(date)) out[part.type] = part.value;
  return out;
}

/** dd/mm/yyyy in Vietnam's time zone. */
export function formatDate(value: Date | string | number): string {
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : NO_VALUE;
}

/** "hh:mm dd/mm/yyyy" in Vietnam's time zone. */
export function formatDateTime(value: Date | string | number): string {
  const p = parts(value);
  return p ? `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}` : NO_VALUE;
}
