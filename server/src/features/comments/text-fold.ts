import { foldForSearch } from '../procedures/procedures.search.ts';

// Vietnamese letters with diacritics (lower case); upper case is derived. Only these and A–Z are folded: SQL
// translate() scans its whole FROM list for every character, so a short list keeps search fast.
const VIETNAMESE_LETTERS =
  'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ';

/**
 * The two arguments of SQL translate() that fold text for search: translate(text, from, to) lower-cases and
 * strips Vietnamese diacritics in the database with no extension (unaccent is missing on PGlite) and no
 * dependence on the database's locale (lower() leaves "Đ" alone under the C locale). Stored text is NFC
 * (checkAnswers normalises it), so each letter is one code point. Pure.
 */
function buildFoldTable(): { from: string; to: string } {
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', ...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.toUpperCase()];
  return { from: letters.join(''), to: letters.map((letter) => foldForSearch(letter)).join('') };
}

export const SEARCH_FOLD = buildFoldTable();
