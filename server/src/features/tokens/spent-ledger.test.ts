import { describe, expect, it } from 'vitest';
import { isoWeekStart, spentKey } from './spent-ledger.ts';

describe('isoWeekStart', () => {
  it.each([
    ['2025-07-14', '2025-07-14', 'a Monday is its own week start'],
    ['2025-07-15', '2025-07-14', 'Tuesday'],
    ['2025-07-20', '2025-07-14', 'Sunday ends the ISO week'],
    ['2025-07-21', '2025-07-21', 'the next Monday'],
    ['2025-01-01', '2024-12-30', 'across a year (ISO week 1 of 2025 starts 30/12/2024)'],
    ['2024-03-03', '2024-02-26', 'across a leap February'],
  ])('%s → %s (%s)', (date, monday) => {
    expect(isoWeekStart(date)).toBe(monday);
  });
});

describe('spentKey', () => {
  const secret = 'vW5nQ3hY8kLp2tR7sX0zB4mC6dF9gJ1aE3uI5oK7qN0';
  it('is a deterministic keyed hash: equal for one dossier tag, different otherwise', () => {
    const key = spentKey(secret, 's41roIROQrR4');
    expect(key).toBe(spentKey(secret, 's41roIROQrR4'));
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain('s41roIROQrR4');
    expect(spentKey(secret, 's41roIROQrR5')).not.toBe(key);
    expect(spentKey('another secret', 's41roIROQrR4')).not.toBe(key);
  });
});
