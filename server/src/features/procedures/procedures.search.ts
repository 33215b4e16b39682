/**
 * Pure: text folded for accent-insensitive search: lower case, Vietnamese diacritics removed (đ → d),
 * spaces collapsed. "Đăng ký khai sinh" → "dang ky khai sinh".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** LIKE patterns, one per word of the query (all must match); %, _ and \ are matched literally. */
export function searchPatterns(query: string): string[] {
  return foldForSearch(query)
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
}
