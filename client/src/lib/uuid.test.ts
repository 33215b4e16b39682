import { describe, expect, it } from 'vitest';
import { newUuid } from './uuid.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function fixedBytes(fill: number): Pick<Crypto, 'getRandomValues'> {
  return {
    getRandomValues: <T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array) array.fill(fill);
      return array;
    },
  };
}

describe('newUuid', () => {
  it('uses crypto.randomUUID when present', () => {
    expect(newUuid()).toMatch(V4);
  });

  // Bytes all 0x00 / 0xff: only the version and variant bits are forced (hand-set per RFC 9562).
  it.each([
    [0x00, '00000000-0000-4000-8000-000000000000'],
    [0xff, 'ffffffff-ffff-4fff-bfff-ffffffffffff'],
  ])('falls back to getRandomValues (fill 0x%s)', (fill, expected) => {
    expect(newUuid(fixedBytes(fill))).toBe(expected);
  });

  it('gives different ids', () => {
    const source = { getRandomValues: crypto.getRandomValues.bind(crypto) };
    const ids = new Set(Array.from({ length: 50 }, () => newUuid(source)));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(V4);
  });
});
