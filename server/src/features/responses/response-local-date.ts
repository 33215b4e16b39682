import { vietnamDate } from '../../local-date.ts';

let minuteSeen = Number.NaN;
let dateOfMinute = '';

/**
 * vietnamDate, worked out once a minute rather than per response (an Intl format costs about 1 µs):
 * Vietnam's offset is whole hours, so the date only ever changes on a whole minute.
 */
export function responseLocalDate(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== minuteSeen) {
    dateOfMinute = vietnamDate(now);
    minuteSeen = minute;
  }
  return dateOfMinute;
}
