// Instants on the management pages: dd/mm/yyyy HH:mm in Vietnam's time zone, whatever the device's.
import { NO_VALUE } from '../../lib/format.ts';

const FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "26/11/2026 09:05"; "—" for null or an unreadable value. */
export function vietnamDateTime(value: string | null): string {
  if (value === null) return NO_VALUE;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return NO_VALUE;
  const p = Object.fromEntries(FORMAT.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
