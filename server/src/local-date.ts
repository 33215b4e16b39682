const VIETNAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in Vietnam at the given instant: what "today" means for a unit. */
export function vietnamDate(instant: Date): string {
  return VIETNAM_DATE.format(instant);
}
