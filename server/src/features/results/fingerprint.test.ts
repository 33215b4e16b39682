import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, combineDigests, fingerprint, responseIdHash, responseIdsDigest, scoringSpecHash } from './fingerprint.ts';

const A = '0b4c1d1e-2f3a-4b5c-8d6e-7f8091a2b3c4';
const B = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const C = '9c858901-8a57-4791-81fe-4c455b099bc9';

describe('responseIdsDigest', () => {
  it('is the sum mod 2^60 of the first 15 hex digits of md5(id), as 15 hex digits', () => {
    const h = (id: string) => BigInt(`0x${createHash('md5').update(id).digest('hex').slice(0, 15)}`);
    const expected = ((h(A) + h(B)) % (1n << 60n)).toString(16).padStart(15, '0');
    expect(responseIdsDigest([A, B])).toBe(expected);
    expect(responseIdHash(A)).toBe(h(A));
  });

  it('does not depend on order, and the empty set is zero', () => {
    expect(responseIdsDigest([A, B, C])).toBe(responseIdsDigest([C, A, B]));
    expect(responseIdsDigest([])).toBe('000000000000000');
  });

  it('reads an upper-case UUID as the lower-case text the database prints', () => {
    expect(responseIdsDigest([A.toUpperCase()])).toBe(responseIdsDigest([A]));
  });

  it('changes when a response is added, and counts a repeated id twice', () => {
    expect(responseIdsDigest([A, B])).not.toBe(responseIdsDigest([A]));
    expect(responseIdsDigest([A, A])).not.toBe(responseIdsDigest([A]));
  });

  it('wraps around 2^60', () => {
    const many = Array.from({ length: 64 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const sum = many.reduce((s, id) => s + responseIdHash(id), 0n);
    expect(sum).toBeGreaterThan(1n << 60n);
    expect(BigInt(`0x${responseIdsDigest(many)}`)).toBe(sum % (1n << 60n));
  });
});

describe('combineDigests', () => {
  it('digests a union of disjoint sets from their digests', () => {
    expect(combineDigests([responseIdsDigest([A]), responseIdsDigest([B, C])])).toBe(responseIdsDigest([A, B, C]));
    expect(combineDigests([])).toBe('000000000000000');
  });

  it.each(['', '123', 'ABCDEF012345678', '0123456789abcdef'])('refuses %j', (digest) => {
    expect(() => combineDigests([digest])).toThrow(RangeError);
  });
});

describe('scoringSpecHash', () => {
  it('hashes the canonical JSON: keys sorted at every depth, arrays in order, no whitespace', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: 'x' }], a: null })).toBe('{"a":null,"b":[2,{"c":"x","d":1}]}');
    const spec = { satisfiedLevels: [4, 5], overallMethod: 'pooled-items' };
    expect(scoringSpecHash(spec)).toBe(createHash('sha256').update('{"overallMethod":"pooled-items","satisfiedLevels":[4,5]}').digest('hex'));
    expect(scoringSpecHash({ overallMethod: 'pooled-items', satisfiedLevels: [4, 5] })).toBe(scoringSpecHash(spec));
    expect(scoringSpecHash({ ...spec, satisfiedLevels: [5, 4] })).not.toBe(scoringSpecHash(spec));
  });
});

describe('fingerprint', () => {
  it('names the version, the spec hash, the count and the digest in one line', () => {
    const scoring = { overallMethod: 'pooled-items' };
    const result = fingerprint({ key: 'sipas-2017', version: 1, scoring }, 2, responseIdsDigest([A, B]));
    expect(result).toEqual({
      survey: 'sipas-2017@1',
      scoringSpecSha256: scoringSpecHash(scoring),
      responses: 2,
      responsesDigest: responseIdsDigest([A, B]),
      text: `sipas-2017@1 spec:${scoringSpecHash(scoring).slice(0, 12)} n:2 ids:${responseIdsDigest([A, B])}`,
    });
  });
});
