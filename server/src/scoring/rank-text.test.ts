import { describe, expect, it } from 'vitest';
import { describeGroupRank, describePointChange, describeRankChange, formatDecimal, formatRank, formatShare } from './rank-text.ts';

// Expected strings written by hand from domain.md, "Conventions": "48/63", "tăng/giảm N bậc", "giảm 0,52 điểm".
describe('formatRank', () => {
  it.each([
    [48, 63, '48/63'],
    [5, 63, '5/63'],
    [1, 34, '1/34'],
    [1, 1, '1/1'],
  ])('(%i, %i) -> %s', (rank, of, expected) => expect(formatRank(rank, of)).toBe(expected));

  it.each([
    [0, 63],
    [64, 63],
    [1.5, 63],
  ])('refuses (%s, %s)', (rank, of) => expect(() => formatRank(rank, of)).toThrow(RangeError));
});

describe('describeRankChange', () => {
  it.each([
    [6, 'vi', 'tăng 6 bậc'],
    [-10, 'vi', 'giảm 10 bậc'],
    [0, 'vi', 'giữ nguyên thứ hạng'],
    [1, 'vi', 'tăng 1 bậc'],
    [6, 'en', 'up 6 places'],
    [-10, 'en', 'down 10 places'],
    [-1, 'en', 'down 1 place'],
    [0, 'en', 'rank unchanged'],
  ] as const)('(%i, %s) -> %s', (change, locale, expected) => expect(describeRankChange(change, locale)).toBe(expected));

  it('refuses a fractional change', () => expect(() => describeRankChange(0.5, 'vi')).toThrow(RangeError));
});

describe('describePointChange', () => {
  it.each([
    [-0.52, 'vi', 'giảm 0,52 điểm'],
    [1.03, 'vi', 'tăng 1,03 điểm'],
    [2, 'vi', 'tăng 2,00 điểm'],
    [-0.519999999999996, 'vi', 'giảm 0,52 điểm'], // 85.54 − 86.06 in floating point
    [0, 'vi', 'không đổi'],
    [-0.004, 'vi', 'không đổi'], // prints 0,00
    [0.005, 'vi', 'tăng 0,01 điểm'],
    [-0.52, 'en', 'down 0.52 points'],
    [1.03, 'en', 'up 1.03 points'],
    [0, 'en', 'unchanged'],
  ] as const)('(%s, %s) -> %s', (change, locale, expected) => expect(describePointChange(change, locale)).toBe(expected));

  it('refuses NaN', () => expect(() => describePointChange(Number.NaN, 'vi')).toThrow(RangeError));
});

describe('numbers and group ranks', () => {
  it.each([
    [85.5432, 'vi', '85,54%'],
    [100, 'vi', '100,00%'],
    [85.5432, 'en', '85.54%'],
  ] as const)('formatShare(%s, %s) -> %s', (share, locale, expected) => expect(formatShare(share, locale)).toBe(expected));

  it.each([
    [0.52, 'vi', '0,52'],
    [-0.52, 'vi', '-0,52'],
    [0.52, 'en', '0.52'],
  ] as const)('formatDecimal(%s, %s) -> %s', (value, locale, expected) => expect(formatDecimal(value, locale)).toBe(expected));

  it.each([
    [1, 6, 'vùng', 'vi', 'thứ 1/6 trong vùng'],
    [1, 6, 'vùng Bắc Trung Bộ', 'vi', 'thứ 1/6 trong vùng Bắc Trung Bộ'],
    [3, 19, 'the departments', 'en', '3/19 in the departments'],
  ] as const)('describeGroupRank(%i, %i, %s, %s) -> %s', (rank, of, group, locale, expected) =>
    expect(describeGroupRank(rank, of, group, locale)).toBe(expected),
  );

  it('writes the published sentences (Hà Tĩnh 2021; a province in 2021)', () => {
    expect(`${formatShare(91.17, 'vi')}, hạng ${formatRank(5, 63)}, ${describeRankChange(6, 'vi')}`).toBe('91,17%, hạng 5/63, tăng 6 bậc');
    expect(`${formatShare(85.54, 'vi')}, hạng ${formatRank(48, 63)}, ${describeRankChange(-10, 'vi')}`).toBe('85,54%, hạng 48/63, giảm 10 bậc');
  });
});
