import { createHmac, timingSafeEqual } from 'node:crypto';
import { TokenChannel } from '../../api/tokens.schemas.ts';
import { vietnamDate } from '../../local-date.ts';

/**
 * Receipt tokens, format 1 (see server/docs/receipt-tokens.md; pure: no I/O, no clock).
 *
 *   payload = "1|<keyId>|<unit>|<procedure or empty>|<channel>|<issuedOn YYYY-MM-DD>|<validDays>|<dossierTag>|<nonce>"
 *   token   = base64url( payload bytes ‖ first 16 bytes of HMAC-SHA256(secret, payload bytes) ), no padding
 *   dossierTag = base64url( first 9 bytes of HMAC-SHA256(secret, "dossier:" + dossierRef) )
 *
 * The secret is the key's text as printed by the CLI, used as ASCII bytes. A token is accepted from its
 * issue date through issuedOn + validDays (Vietnam local dates, inclusive).
 */
export const TOKEN_FORMAT_VERSION = '1';
export const SIGNATURE_BYTES = 16;
export const DOSSIER_TAG_BYTES = 9;
/** Longest token accepted: real ones are about 120 characters. */
export const MAX_TOKEN_LENGTH = 400;

export interface ReceiptClaims {
  unit: string;
  procedure: string | null;
  channel: TokenChannel;
  /** Vietnam local date (YYYY-MM-DD) on which the one-stop system issued the receipt. */
  issuedOn: string;
  validDays: number;
  /** Keyed hash of the dossier reference: equal for every token of the same dossier and key. */
  dossierTag: string;
  /** Makes each token distinct; any base64url text of 1–22 characters. */
  nonce: string;
}

export type TokenError = 'malformed' | 'unknown-key' | 'bad-signature' | 'expired' | 'not-yet-valid';

export type VerifyResult =
  | { ok: true; keyId: string; claims: ReceiptClaims; expiresOn: string }
  | { ok: false; error: TokenError };

const B64URL = /^[A-Za-z0-9_-]+$/;
const FIELD_RULES = {
  keyId: /^[A-Za-z0-9_-]{1,32}$/,
  unit: /^[0-9A-Za-z._-]{1,32}$/,
  procedure: /^[0-9A-Za-z._-]{0,32}$/,
  issuedOn: /^\d{4}-\d{2}-\d{2}$/,
  validDays: /^[1-9][0-9]{0,2}$/,
  dossierTag: new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((DOSSIER_TAG_BYTES * 4) / 3)}}$`),
  nonce: /^[A-Za-z0-9_-]{1,22}$/,
};
const MAX_VALID_DAYS = 366;

/** HMAC-SHA256(secret, "dossier:" + dossierRef), first 9 bytes, base64url: the dossier reference never leaves in the clear. */
export function dossierTag(secret: string, dossierRef: string): string {
  return hmac(secret, Buffer.from(`dossier:${dossierRef}`, 'utf8')).subarray(0, DOSSIER_TAG_BYTES).toString('base64url');
}

/** Signs the claims; throws a RangeError for claims that `verifyToken` would refuse (a programming error). */
export function mintToken(secret: string, keyId: string, claims: ReceiptClaims): string {
  const problem = checkFields(keyId, claims);
  if (problem) throw new RangeError(`cannot mint a receipt token: ${problem}`);
  const payload = Buffer.from(
    [
      TOKEN_FORMAT_VERSION,
      keyId,
      claims.unit,
      claims.procedure ?? '',
      claims.channel,
      claims.issuedOn,
      String(claims.validDays),
      claims.dossierTag,
      claims.nonce,
    ].join('|'),
    'ascii',
  );
  const signature = hmac(secret, payload).subarray(0, SIGNATURE_BYTES);
  return Buffer.concat([payload, signature]).toString('base64url');
}

/** The key id a token names, read without checking anything else: to look its secret up. */
export function peekKeyId(token: string): string | undefined {
  return decode(token)?.keyId;
}

/**
 * Checks, in this order: the format, the key, the signature (constant time), then the dates against `now`
 * (as a Vietnam local date). Expiry is only reported for a genuine token.
 */
export function verifyToken(token: string, lookupSecret: (keyId: string) => string | undefined, now: Date): VerifyResult {
  const decoded = decode(token);
  if (!decoded) return { ok: false, error: 'malformed' };
  const secret = lookupSecret(decoded.keyId);
  if (secret === undefined) return { ok: false, error: 'unknown-key' };
  const expected = hmac(secret, decoded.payload).subarray(0, SIGNATURE_BYTES);
  if (!timingSafeEqual(expected, decoded.signature)) return { ok: false, error: 'bad-signature' };

  const today = vietnamDate(now);
  const expiresOn = tokenExpiresOn(decoded.claims.issuedOn, decoded.claims.validDays);
  if (today < decoded.claims.issuedOn) return { ok: false, error: 'not-yet-valid' };
  if (today > expiresOn) return { ok: false, error: 'expired' };
  return { ok: true, keyId: decoded.keyId, claims: decoded.claims, expiresOn };
}

/** The last local date on which a token issued on `issuedOn` for `validDays` days is accepted. */
export function tokenExpiresOn(issuedOn: string, validDays: number): string {
  return addDays(issuedOn, validDays);
}

/** YYYY-MM-DD plus whole days, in the proleptic Gregorian calendar. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

interface Decoded {
  keyId: string;
  claims: ReceiptClaims;
  payload: Buffer;
  signature: Buffer;
}

function decode(token: string): Decoded | undefined {
  if (token.length > MAX_TOKEN_LENGTH || !B64URL.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64url');
  // Only the canonical spelling is a token (no stray trailing bits), so one token has one text.
  if (bytes.toString('base64url') !== token || bytes.length <= SIGNATURE_BYTES) return undefined;
  const payload = bytes.subarray(0, bytes.length - SIGNATURE_BYTES);
  if (!payload.every((byte) => byte >= 0x20 && byte <= 0x7e)) return undefined;
  const fields = payload.toString('ascii').split('|');
  if (fields.length !== 9) return undefined;
  const [version, keyId, unit, procedure, channel, issuedOn, validDays, tag, nonce] = fields as [
    string, string, string, string, string, string, string, string, string,
  ];
  if (version !== TOKEN_FORMAT_VERSION) return undefined;
  if (!FIELD_RULES.validDays.test(validDays)) return undefined;
  const claims: ReceiptClaims = {
    unit,
    procedure: procedure === '' ? null : procedure,
    channel: channel as TokenChannel,
    issuedOn,
    validDays: Number(validDays),
    dossierTag: tag,
    nonce,
  };
  if (checkFields(keyId, claims)) return undefined;
  return { keyId, claims, payload, signature: bytes.subarray(bytes.length - SIGNATURE_BYTES) };
}

/** The first field that breaks the format, or undefined. */
function checkFields(keyId: string, claims: ReceiptClaims): string | undefined {
  if (!FIELD_RULES.keyId.test(keyId)) return 'keyId';
  if (!FIELD_RULES.unit.test(claims.unit)) return 'unit';
  if (claims.procedure !== null && (claims.procedure === '' || !FIELD_RULES.procedure.test(claims.procedure))) return 'procedure';
  if (!TokenChannel.options.includes(claims.channel)) return 'channel';
  if (!isCalendarDate(claims.issuedOn)) return 'issuedOn';
  if (!Number.isInteger(claims.validDays) || claims.validDays < 1 || claims.validDays > MAX_VALID_DAYS) return 'validDays';
  if (!FIELD_RULES.dossierTag.test(claims.dossierTag)) return 'dossierTag';
  if (!FIELD_RULES.nonce.test(claims.nonce)) return 'nonce';
  return undefined;
}

function isCalendarDate(date: string): boolean {
  return FIELD_RULES.issuedOn.test(date) && addDays(date, 0) === date;
}

function hmac(secret: string, data: Buffer): Buffer {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(data).digest();
}
