import { describe, expect, it } from 'vitest';
import { describePointChange, describeRankChange, formatCount, formatDay, formatInterval, formatShare, pointDirection } from './format.ts';

describe('formatShare', () => {
  it.each([
    [85.5432, 'vi', '85,54%'],
    [85.5432, 'en', '85.54%'],
    [100, 'vi', '100,00%'],
    [0.005, 'vi', '0,01%'],
    [null, 'vi', '—'],
    [Number.NaN, 'en', '—'],
  ] as const)('%s in %s -> %s', (value, locale, text) => {
    expect(formatShare(value, locale)).toBe(text);
  });
});

describe('formatCount and formatInterval', () => {
  it('groups thousands as each language does', () => {
    expect(formatCount(12345, 'vi')).toBe('12.345');
    expect(formatCount(12345, 'en')).toBe('12,345');
  });
  it('writes an interval with two decimals and one percent sign', () => {
    expect(formatInterval({ low: 82.1, high: 88.954 }, 'vi')).toBe('82,10–88,95%');
    expect(formatInterval({ low: 82.1, high: 88.954 }, 'en')).toBe('82.10–88.95%');
    expect(formatInterval(null, 'vi')).toBe('—');
  });
});

describe('changes in words', () => {
  // The issue's own examples: "giảm 10 bậc", "giảm 0,52 điểm".
  it.each([
    [-10, 'vi', 'giảm 10 bậc'],
    [6, 'vi', 'tăng 6 bậc'],
    [0, 'vi', 'giữ nguyên thứ hạng'],
    [1, 'en', 'up 1 place'],
    [-3, 'en', 'down 3 places'],
    [0, 'en', 'rank unchanged'],
  ] as const)('rank change %s in %s -> %s', (change, locale, text) => {
    expect(describeRankChange(change, locale)).toBe(text);
  });

  it.each([
    [-0.52, 'vi', 'giảm 0,52 điểm', 'down'],
    [1.234, 'vi', 'tăng 1,23 điểm', 'up'],
    [0.004, 'vi', 'không đổi', 'same'],
    [-0.52, 'en', 'down 0.52 points', 'down'],
    [-0.001, 'en', 'unchanged', 'same'],
  ] as const)('point change %s in %s -> %s', (change, locale, text, direction) => {
    expect(describePointChange(change, locale)).toBe(text);
    expect(pointDirection(change)).toBe(direction);
  });
});

describe('formatDay', () => {
  it.each([
    ['2025-06-30', '30/06/2025'],
    ['2025-01-01', '01/01/2025'],
    // 20:00 UTC on 31/12 is already 01/01 in Vietnam.
    ['2024-12-31T20:00:00Z', '01/01/2025'],
  ])('%s -> %s', (value, text) => {
    expect(formatDay(value)).toBe(text);
  });
});
