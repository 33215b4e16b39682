/**
 * Reproducibility fingerprint of a published result (issue #5, point 7): which responses and which scoring
 * spec it was computed from. Pure (hashing only, no I/O, no clock): the results API, the `npm run score`
 * CLI and an analyst's script compute the same values. Recipe: server/docs/reproducibility.md.
 *
 * Responses digest: each response id (a UUID, in its canonical lowercase text form, as PostgreSQL prints
 * uuid::text and the raw export writes it) is hashed to a 60-bit number, the first 15 hex digits of
 * md5(id); the digest is the sum of those numbers modulo 2^60, written as 15 lowercase hex digits. A sum is
 * order-independent and can be kept per tally row by the database (migration 0007) and added up at report
 * time, so a report never reads raw responses. The empty set digests to 000000000000000.
 */
import { createHash } from 'node:crypto';

const BITS = 60n;
const MODULUS = 1n << BITS;
const HEX_DIGITS = 15;

/** The 60-bit hash of one response id, as a bigint: the first 15 hex digits of md5(lowercase id). */
export function responseIdHash(id: string): bigint {
  return BigInt(`0x${createHash('md5').update(id.toLowerCase(), 'utf8').digest('hex').slice(0, HEX_DIGITS)}`);
}

const toDigest = (value: bigint) => (((value % MODULUS) + MODULUS) % MODULUS).toString(16).padStart(HEX_DIGITS, '0');

function fromDigest(digest: string): bigint {
  if (!/^[0-9a-f]{15}$/.test(digest)) throw new RangeError(`not a responses digest (15 hex digits): ${digest}`);
  return BigInt(`0x${digest}`);
}

/** Order-independent digest of a set of response ids (15 hex digits). An id given twice counts twice. */
export function responseIdsDigest(ids: Iterable<string>): string {
  let sum = 0n;
  for (const id of ids) sum += responseIdHash(id);
  return toDigest(sum);
}

/** The digest of the union of disjoint sets of responses, from their digests (e.g. tally rows, units). */
export function combineDigests(digests: Iterable<string>): string {
  let sum = 0n;
  for (const digest of digests) sum += fromDigest(digest);
  return toDigest(sum);
}

/** JSON with object keys sorted at every depth and no whitespace; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * sha256 (hex) of the canonical JSON of a survey version's `scoring` object. The scoring spec has no
 * version number of its own: it is identified by this hash (and fixed by the survey version, which is immutable).
 */
export function scoringSpecHash(scoring: unknown): string {
  return createHash('sha256').update(canonicalJson(scoring), 'utf8').digest('hex');
}

export interface Fingerprint {
  /** "sipas-2017@1". */
  survey: string;
  scoringSpecSha256: string;
  /** Responses the result was computed from. */
  responses: number;
  responsesDigest: string;
  /** One line to print under a published figure: "sipas-2017@1 spec:3f2a9c1e0b7d n:120 ids:0a1b2c3d4e5f607". */
  text: string;
}

export function fingerprint(survey: { key: string; version: number; scoring: unknown }, responses: number, responsesDigest: string): Fingerprint {
  const id = `${survey.key}@${survey.version}`;
  const specHash = scoringSpecHash(survey.scoring);
  return {
    survey: id,
    scoringSpecSha256: specHash,
    responses,
    responsesDigest,
    text: `${id} spec:${specHash.slice(0, 12)} n:${responses} ids:${responsesDigest}`,
  };
}
