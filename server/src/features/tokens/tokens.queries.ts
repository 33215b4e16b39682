import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface TokenKeyRow {
  id: string;
  unitId: number;
  secret: string;
  revoked: boolean;
}

export interface TokenKeyWithUnit extends TokenKeyRow {
  unit: UnitNames;
}

export interface UnitNames {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
}

export async function findTokenKey(db: Db, id: string): Promise<TokenKeyWithUnit | undefined> {
  const row = await selectKeys(db).where('k.id', '=', id).executeTakeFirst();
  return row && toKey(row);
}

export async function findTokenKeyByApiKeyHash(db: Db, apiKeyHash: string): Promise<TokenKeyWithUnit | undefined> {
  const row = await selectKeys(db).where('k.api_key_hash', '=', apiKeyHash).executeTakeFirst();
  return row && toKey(row);
}

function selectKeys(db: Db) {
  return db
    .selectFrom('token_keys as k')
    .innerJoin('units as u', 'u.id', 'k.unit_id')
    .select(['k.id', 'k.unit_id', 'k.secret', 'k.revoked_at', 'u.code', 'u.name_vi', 'u.name_en']);
}

function toKey(row: {
  id: string;
  unit_id: number;
  secret: string;
  revoked_at: Date | null;
  code: string;
  name_vi: string;
  name_en: string | null;
}): TokenKeyWithUnit {
  return {
    id: row.id,
    unitId: row.unit_id,
    secret: row.secret,
    revoked: row.revoked_at !== null,
    unit: { id: row.unit_id, code: row.code, nameVi: row.name_vi, nameEn: row.name_en },
  };
}

/** Inserts a key unless the id is taken (ids are short and random); returns whether it was written. */
export async function insertTokenKeyIfNew(
  db: Db,
  key: { id: string; unitId: number; secret: string; apiKeyHash: string; label: string | null },
): Promise<boolean> {
  const row = await db
    .insertInto('token_keys')
    .values({ id: key.id, unit_id: key.unitId, secret: key.secret, api_key_hash: key.apiKeyHash, label: key.label })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Returns whether a key that was in use is now revoked. */
export async function revokeTokenKey(db: Db, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('token_keys')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listTokenKeys(db: Db) {
  const rows = await db
    .selectFrom('token_keys as k')
    .innerJoin('units as u', 'u.id', 'k.unit_id')
    .select(['k.id', 'u.code', 'u.name_vi', 'k.label', 'k.created_at', 'k.revoked_at'])
    .orderBy('u.code')
    .orderBy('k.created_at')
    .execute();
  return rows.map((r) => ({
    keyId: r.id,
    unitCode: r.code,
    unitNameVi: r.name_vi,
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

/** The unit with this code valid on the date (codes are reused after mergers). */
export async function findUnitByCodeOn(db: Db, code: string, date: string): Promise<UnitNames | undefined> {
  const row = await db
    .selectFrom('units')
    .select(['id', 'code', 'name_vi', 'name_en'])
    .where('code', '=', code)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  return row && { id: row.id, code: row.code, nameVi: row.name_vi, nameEn: row.name_en };
}

export async function isSpent(db: Db, spentKey: string): Promise<boolean> {
  const row = await db.selectFrom('spent_tokens').select('spent_key').where('spent_key', '=', spentKey).executeTakeFirst();
  return row !== undefined;
}

/**
 * Rewrites the ledger rows of recent weeks in one statement, in key order. A spent row is written in the
 * same transaction as its response, so until then both carry the same transaction id (xmin) and sit in
 * the same insertion order; afterwards all rewritten rows share one xmin and are ordered by their hash.
 */
export async function rewriteSpentSince(db: Db, fromWeek: string): Promise<number> {
  const result = await sql<{ n: number }>`
    with moved as (delete from spent_tokens where spent_week >= ${fromWeek} returning spent_key, spent_week),
    inserted as (insert into spent_tokens (spent_key, spent_week) select spent_key, spent_week from moved order by spent_key returning 1)
    select count(*)::int as n from inserted`.execute(db);
  return result.rows[0]?.n ?? 0;
}
