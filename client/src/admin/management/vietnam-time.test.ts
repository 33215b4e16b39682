import { describe, expect, it } from 'vitest';
import { vietnamDateTime } from './vietnam-time.ts';

describe('vietnamDateTime', () => {
  it.each([
    // Vietnam is UTC+7 all year: 17:05 UTC is 00:05 the next day there.
    ['2026-11-26T17:05:00.000Z', '27/11/2026 00:05'],
    ['2025-07-01T02:30:59.000Z', '01/07/2025 09:30'],
    [null, '—'],
    ['not a date', '—'],
  ])('%s → %s', (value, text) => {
    expect(vietnamDateTime(value)).toBe(text);
  });
});
