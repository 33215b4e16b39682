import { describe, expect, it } from 'vitest';
import { vietnamDate } from '../../local-date.ts';
import { responseLocalDate } from './response-local-date.ts';

describe('responseLocalDate', () => {
  // In this order on purpose: each instant follows one in the same minute or crosses Vietnam's midnight
  // (17:00 UTC, UTC+7), and time may go backwards between callers.
  it.each<[string, string]>([
    ['2026-01-01T16:59:00.000Z', '2026-01-01'],
    ['2026-01-01T16:59:59.999Z', '2026-01-01'], // the same minute, the last millisecond of the day
    ['2026-01-01T17:00:00.000Z', '2026-01-02'], // the next minute: midnight in Hà Nội
    ['2026-01-01T17:00:30.000Z', '2026-01-02'],
    ['2026-01-01T16:59:30.000Z', '2026-01-01'], // an earlier instant again
    ['2025-06-30T16:59:59.000Z', '2025-06-30'],
    ['2025-06-30T17:00:00.000Z', '2025-07-01'],
  ])('%s is %s in Vietnam', (instant, expected) => {
    expect(responseLocalDate(new Date(instant))).toBe(expected);
    expect(responseLocalDate(new Date(instant))).toBe(vietnamDate(new Date(instant)));
  });
});
