import { describe, expect, it } from 'vitest';
import { enrolmentCodeFromBytes, formatEnrolmentCode, normalizeEnrolmentCode } from './enrolment-code.ts';

describe('enrolment codes', () => {
  it.each([
    // byte & 31 indexes 0123456789ABCDEFGHJKMNPQRSTVWXYZ: 0→0, 10→A, 31→Z, 32→0 (wraps), 255→Z, 18→J (no I)
    [[0, 10, 31, 32, 255, 18, 1, 2, 3, 4, 5, 6], '0AZ0ZJ123456'],
    [[17, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29], 'HKMNPQRSTVWX'],
  ])('draws one symbol per byte: %j → %s', (bytes, code) => {
    expect(enrolmentCodeFromBytes(Uint8Array.from(bytes))).toBe(code);
  });

  it('refuses too few random bytes', () => {
    expect(() => enrolmentCodeFromBytes(new Uint8Array(11))).toThrow();
  });

  it('prints in groups of four', () => {
    expect(formatEnrolmentCode('0AZ0ZJ123456')).toBe('0AZ0-ZJ12-3456');
  });

  it.each([
    ['0AZ0-ZJ12-3456', '0AZ0ZJ123456'],
    ['0az0 zj12 3456', '0AZ0ZJ123456'],
    // Crockford look-alikes: O → 0, I and L → 1
    ['OAZO-ZJI2-3456', '0AZ0ZJ123456'],
    ['0AZ0-ZJl2-3456', '0AZ0ZJ123456'],
    ['0AZ0-ZJ12-345', undefined], // too short
    ['0AZ0-ZJ12-34567', undefined], // too long
    ['0AZ0-ZJ12-345U', undefined], // U is not a symbol
    ['0AZ0-ZJ12-345!', undefined],
  ])('reads %s as %s', (typed, code) => {
    expect(normalizeEnrolmentCode(typed)).toBe(code);
  });
});
