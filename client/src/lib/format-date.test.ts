import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format-date.ts';

describe('formatDate / formatDateTime (Asia/Ho_Chi_Minh, UTC+7)', () => {
  it.each([
    ['2025-07-01T00:00:00+07:00', '01/07/2025', '00:00 01/07/2025'],
    // 18:00 UTC on 31/12 is already 01:00 on 01/01 in Vietnam.
    ['2024-12-31T18:00:00Z', '01/01/2025', '01:00 01/01/2025'],
    ['2023-12-11T09:30:00+07:00', '11/12/2023', '09:30 11/12/2023'],
  ])('%s -> %s', (iso, date, dateTime) => {
    expect(formatDate(iso)).toBe(date);
    expect(formatDate(new Date(iso))).toBe(date);
    expect(formatDateTime(iso)).toBe(dateTime);
  });

  it('invalid date -> dash', () => {
    expect(formatDate('not a date')).toBe('—');
    expect(formatDateTime(Number.NaN)).toBe('—');
  });
});
