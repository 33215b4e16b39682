import { describe, expect, it } from 'vitest';
import { formatDay, svgDataUrl } from './qr-card.ts';

describe('svgDataUrl', () => {
  it.each([
    ['<svg/>', 'data:image/svg+xml;charset=utf-8,%3Csvg%2F%3E'],
    // Quotes, hashes (colour values) and spaces must be escaped, or the address ends early.
    ['<path fill="#000" d="M0 0"/>', 'data:image/svg+xml;charset=utf-8,%3Cpath%20fill%3D%22%23000%22%20d%3D%22M0%200%22%2F%3E'],
  ])('%s', (svg, expected) => {
    expect(svgDataUrl(svg)).toBe(expected);
    expect(decodeURIComponent(expected.split(',')[1]!)).toBe(svg);
  });
});

describe('formatDay', () => {
  it.each([
    ['2025-09-13', '13/09/2025'],
    ['2026-01-01', '01/01/2026'],
    ['13/09/2025', '13/09/2025'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(formatDay(input)).toBe(expected);
  });
});
