import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import QRCode from 'qrcode';
import type { MintedBatch, MintedToken, TokenChannel, TokenStatus } from '../../api/tokens.schemas.ts';
import type { Database } from '../../db/database.ts';
import { NotFoundError } from '../../http/errors.ts';
import { vietnamDate } from '../../local-date.ts';
import { addDays, dossierTag, mintToken, peekKeyId, tokenExpiresOn, verifyToken, type ReceiptClaims } from './receipt-token.ts';
import { isoWeekStart, spentKey } from './spent-ledger.ts';
import { hashApiKey } from './token-keys.service.ts';
import { TokenRefusedError, UnauthorizedError } from './tokens.errors.ts';
import {
  findTokenKey,
  findTokenKeyByApiKeyHash,
  findUnitByCodeOn,
  isSpent,
  rewriteSpentSince,
  type TokenKeyWithUnit,
  type UnitNames,
} from './tokens.queries.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A genuine, current token of a key in use, with what the server needs to stamp and spend it. */
export interface VerifiedReceipt {
  keyId: string;
  claims: ReceiptClaims;
  expiresOn: string;
  unit: UnitNames;
  /** The key's HMAC secret, to compute the ledger key. */
  secret: string;
}

export interface MintInput {
  dossierRef: string;
  procedure?: string | undefined;
  channel: TokenChannel;
  validDays: number;
}

/** Verifies a token against its key; throws TokenRefusedError (400 or 410) saying why not. */
export async function checkReceiptToken(db: Db, token: string, now: Date): Promise<VerifiedReceipt> {
  const keyId = peekKeyId(token);
  const key = keyId === undefined ? undefined : await findTokenKey(db, keyId);
  const result = verifyToken(token, (id) => (key && id === key.id ? key.secret : undefined), now);
  if (!result.ok) throw new TokenRefusedError(result.error);
  if (!key || key.revoked) throw new TokenRefusedError('revoked');
  // A unit's key signs only that unit's tokens (an offline minter could otherwise write any unit).
  if (result.claims.unit !== key.unit.code) throw new TokenRefusedError('wrong-unit');
  return { keyId: result.keyId, claims: result.claims, expiresOn: result.expiresOn, unit: key.unit, secret: key.secret };
}

/** The rate-limit key of a genuine token (one per dossier), or undefined for anything else. */
export async function receiptRateKey(db: Db, token: string, now: Date): Promise<string | undefined> {
  try {
    const receipt = await checkReceiptToken(db, token, now);
    return `${receipt.keyId}:${receipt.claims.dossierTag}`;
  } catch (error) {
    if (error instanceof TokenRefusedError) return undefined;
    throw error;
  }
}

export async function getTokenStatus(db: Db, token: string, now: Date): Promise<TokenStatus> {
  const receipt = await checkReceiptToken(db, token, now);
  return {
    unit: { code: receipt.unit.code, nameVi: receipt.unit.nameVi, nameEn: receipt.unit.nameEn },
    procedure: receipt.claims.procedure,
    channel: receipt.claims.channel,
    expiresOn: receipt.expiresOn,
    used: await isSpent(db, spentKey(receipt.secret, receipt.claims.dossierTag)),
  };
}

/** The key of a `Authorization: Bearer <API key>` header; throws 401 for none, an unknown or a revoked key. */
export async function authenticateUnitKey(db: Db, authorization: string | undefined): Promise<TokenKeyWithUnit> {
  const match = /^Bearer +([A-Za-z0-9_-]{16,200}) *$/i.exec(authorization ?? '');
  if (!match) {
    throw new UnauthorizedError("Cần khóa API của đơn vị / The unit's API key is required (Authorization: Bearer <key>)");
  }
  const key = await findTokenKeyByApiKeyHash(db, hashApiKey(match[1]!));
  if (!key || key.revoked) {
    throw new UnauthorizedError('Khóa API không hợp lệ hoặc đã bị thu hồi / The API key is not valid or has been revoked');
  }
  return key;
}

export function mintForKey(key: TokenKeyWithUnit, input: MintInput, now: Date, publicUrl: string): MintedToken {
  const issuedOn = vietnamDate(now);
  const token = mintToken(key.secret, key.id, {
    unit: key.unit.code,
    procedure: input.procedure ?? null,
    channel: input.channel,
    issuedOn,
    validDays: input.validDays,
    dossierTag: dossierTag(key.secret, input.dossierRef),
    nonce: randomBytes(6).toString('base64url'),
  });
  return { token, url: receiptUrl(publicUrl, token), expiresOn: tokenExpiresOn(issuedOn, input.validDays) };
}

export async function mintBatch(
  key: TokenKeyWithUnit,
  input: Omit<MintInput, 'dossierRef'> & { dossierRefs: string[] },
  now: Date,
  publicUrl: string,
): Promise<MintedBatch> {
  const tokens = [];
  for (const dossierRef of input.dossierRefs) {
    const minted = mintForKey(key, { ...input, dossierRef }, now, publicUrl);
    tokens.push({ dossierRef, ...minted, qrSvg: await qrSvg(minted.url) });
  }
  return { tokens };
}

/** The permanent counter poster of a unit: its open questionnaire, marked as answered at the counter. */
export async function counterQrSvg(db: Db, unitCode: string, today: string, publicUrl: string): Promise<string> {
  const unit = await findUnitByCodeOn(db, unitCode, today);
  if (!unit) throw new NotFoundError(`Unknown unit ${unitCode}`);
  return qrSvg(`${publicUrl}/s/${encodeURIComponent(unit.code)}?channel=counter`);
}

/**
 * Rewrites the ledger rows of this week and the last (see `rewriteSpentSince`), or all of them (at start,
 * in case the server was down when recent rows would have been rewritten).
 */
export async function resealSpentLedger(db: Db, now: Date, scope: 'recent' | 'all' = 'recent'): Promise<number> {
  return rewriteSpentSince(db, scope === 'all' ? '0001-01-01' : addDays(isoWeekStart(vietnamDate(now)), -7));
}

function receiptUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/r/${token}`;
}

function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
