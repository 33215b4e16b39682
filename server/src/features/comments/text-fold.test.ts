import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../procedures/procedures.search.ts';
import { SEARCH_FOLD } from './text-fold.ts';

/** What SQL translate(text, from, to) does with the table. */
const translate = (text: string) => {
  const from = [...SEARCH_FOLD.from];
  const to = [...SEARCH_FOLD.to];
  return [...text].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)] : ch)).join('');
};

describe('SEARCH_FOLD', () => {
  it('maps each letter to exactly one letter', () => {
    expect([...SEARCH_FOLD.from]).toHaveLength([...SEARCH_FOLD.to].length);
    expect(new Set(SEARCH_FOLD.from).size).toBe([...SEARCH_FOLD.from].length);
  });

  it.each([
    'Cán bộ NHIỆT TÌNH, chu đáo',
    'ĐỀ NGHỊ GIẢM THỜI GIAN CHỜ ĐỢI',
    'Thủ tục rườm rà; phường Ninh Kiều',
    'Ổn, nhưng ghế ngồi chờ thiếu',
    'Ỹ ỵ Ữ ự Ẫ ậ',
  ])('folds %j as search folds a query', (text) => {
    expect(translate(text)).toBe(foldForSearch(text));
  });
});
