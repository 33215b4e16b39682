import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { NotFoundError } from '../../http/errors.ts';
import { findUnitByCodeOn, insertTokenKeyIfNew, listTokenKeys, revokeTokenKey } from './tokens.queries.ts';

export interface CreatedTokenKey {
  keyId: string;
  unit: { code: string; nameVi: string };
  /** HMAC secret shared with the one-stop system (offline minting); shown once. */
  secret: string;
  /** Bearer credential of the mint API; only its sha256 is stored; shown once. */
  apiKey: string;
}

/** The stored form of an API key. */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

/** Issues a new key for the unit valid on `today`; a unit may hold several (rotation), each revoked on its own. */
export async function createTokenKey(
  db: Kysely<Database>,
  unitCode: string,
  today: string,
  label: string | null = null,
): Promise<CreatedTokenKey> {
  const unit = await findUnitByCodeOn(db, unitCode, today);
  if (!unit) throw new NotFoundError(`Unknown unit ${unitCode} (none valid on ${today})`);
  const secret = randomBytes(32).toString('base64url');
  const apiKey = `sipas_${randomBytes(32).toString('base64url')}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    // Short hex ids keep the token (and its QR code) small; a clash only means drawing again.
    const keyId = randomBytes(4).toString('hex');
    if (await insertTokenKeyIfNew(db, { id: keyId, unitId: unit.id, secret, apiKeyHash: hashApiKey(apiKey), label })) {
      return { keyId, unit: { code: unit.code, nameVi: unit.nameVi }, secret, apiKey };
    }
  }
  throw new Error('could not draw a free key id');
}

/** Tokens of a revoked key are refused from then on, including ones already printed. */
export async function revokeKey(db: Kysely<Database>, keyId: string, now: Date): Promise<boolean> {
  return revokeTokenKey(db, keyId, now);
}

export async function listKeys(db: Kysely<Database>) {
  return listTokenKeys(db);
}
