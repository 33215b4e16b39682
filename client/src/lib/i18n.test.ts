import { describe, expect, it } from 'vitest';
import { interpolate, isLocale, localize, translate, unitName, type Dictionary } from './i18n.ts';

const strings: Dictionary<'next' | 'progress' | 'onlyVi'> = {
  vi: { next: 'Tiếp tục', progress: 'Phần {current}/{total}', onlyVi: 'Chỉ có tiếng Việt' },
  en: { next: 'Next', progress: 'Part {current} of {total}' },
};

describe('translate', () => {
  it.each([
    ['vi', 'next', undefined, 'Tiếp tục'],
    ['en', 'next', undefined, 'Next'],
    ['vi', 'progress', { current: 2, total: 7 }, 'Phần 2/7'],
    ['en', 'progress', { current: 2, total: 7 }, 'Part 2 of 7'],
    // Missing English falls back to Vietnamese rather than showing a key.
    ['en', 'onlyVi', undefined, 'Chỉ có tiếng Việt'],
  ] as const)('%s %s %j -> %s', (locale, key, params, expected) => {
    expect(translate(strings, locale, key, params)).toBe(expected);
  });
});

describe('interpolate', () => {
  it.each([
    ['Phần {current}/{total}', { current: 1, total: 3 }, 'Phần 1/3'],
    ['{a}{a}', { a: 'x' }, 'xx'],
    // An unknown placeholder stays visible.
    ['Chọn tối đa {max}', {}, 'Chọn tối đa {max}'],
    ['no params', undefined, 'no params'],
    // Inherited properties are not parameters.
    ['{toString}', {}, '{toString}'],
  ])('%s %j -> %s', (template, params, expected) => {
    expect(interpolate(template, params)).toBe(expected);
  });
});

describe('localize', () => {
  it.each([
    [{ vi: 'Xin chào', en: 'Hello' }, 'vi', 'Xin chào'],
    [{ vi: 'Xin chào', en: 'Hello' }, 'en', 'Hello'],
    [{ vi: 'Xin chào' }, 'en', 'Xin chào'],
    [{ vi: 'Xin chào', en: '  ' }, 'en', 'Xin chào'],
    [{ vi: 'Xin chào', en: undefined }, 'en', 'Xin chào'],
    [undefined, 'vi', ''],
    [null, 'en', ''],
  ] as const)('%j in %s -> %s', (text, locale, expected) => {
    expect(localize(text, locale)).toBe(expected);
  });
});

describe('unitName', () => {
  it.each([
    [{ nameVi: 'Cần Thơ', nameEn: 'Can Tho' }, 'vi', 'Cần Thơ'],
    [{ nameVi: 'Cần Thơ', nameEn: 'Can Tho' }, 'en', 'Can Tho'],
    [{ nameVi: 'Phường Ninh Kiều', nameEn: null }, 'en', 'Phường Ninh Kiều'],
  ] as const)('%j in %s -> %s', (unit, locale, expected) => {
    expect(unitName(unit, locale)).toBe(expected);
  });
});

describe('isLocale', () => {
  it.each([
    ['vi', true],
    ['en', true],
    ['fr', false],
    [null, false],
    ['', false],
  ])('%j -> %s', (value, expected) => {
    expect(isLocale(value)).toBe(expected);
  });
});
