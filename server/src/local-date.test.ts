import { describe, expect, it } from 'vitest';
import { vietnamDate } from './local-date.ts';

describe('vietnamDate', () => {
  // Vietnam is UTC+7 all year (no daylight saving).
  it.each([
    ['2026-01-01T00:00:00Z', '2026-01-01'],
    ['2026-01-01T16:59:59Z', '2026-01-01'],
    ['2026-01-01T17:00:00Z', '2026-01-02'],
    ['2025-06-30T17:30:00Z', '2025-07-01'],
    ['2024-02-28T18:00:00Z', '2024-02-29'],
  ])('%s is %s in Vietnam', (utc, expected) => {
    expect(vietnamDate(new Date(utc))).toBe(expected);
  });
});
