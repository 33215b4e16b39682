import { describe, expect, it } from 'vitest';
import { foldForSearch, searchPatterns } from './procedures.search.ts';

describe('foldForSearch', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['ĐĂNG KÝ   Thường trú', 'dang ky thuong tru'],
    ['Ủy ban nhân dân cấp xã', 'uy ban nhan dan cap xa'],
    // Composed and decomposed forms of the same text fold alike.
    ['Hộ tịch'.normalize('NFD'), 'ho tich'],
    ['1.001193', '1.001193'],
  ])('%j → %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });
});

describe('searchPatterns', () => {
  it.each([
    ['khai sinh', ['%khai%', '%sinh%']],
    ['  Khai   SINH ', ['%khai%', '%sinh%']],
    ['100%_x\\', ['%100\\%\\_x\\\\%']],
    ['   ', []],
  ])('%j → %j', (query, patterns) => {
    expect(searchPatterns(query)).toEqual(patterns);
  });
});
