// vi-VN dates in Vietnam's time zone, whatever the device's. Apart from format.ts because only the admin shows dates.
import { NO_VALUE } from './format.ts';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

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
