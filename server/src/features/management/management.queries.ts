import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { UnitNames } from '../tokens/tokens.queries.ts';

type Db = Kysely<Database>;

export type UnitRef = UnitNames;

/**
 * The ids of a unit and of every unit below it, whatever their validity: a kiosk or key of a commune
 * that has since ceased still belongs to the subtree it was in.
 */
export async function subtreeUnitIds(db: Db, rootId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    with recursive subtree(id) as (
      select ${rootId}::int
      union
      select u.id from units u join subtree s on u.parent_id = s.id
    )
    select id from subtree`.execute(db);
  return rows.map((row) => row.id);
}

/** The unit a kiosk belongs to and whether it was revoked; undefined for an unknown id. */
export async function findKioskOwner(db: Db, id: string): Promise<{ unitId: number; revokedAt: Date | null } | undefined> {
  const row = await db.selectFrom('kiosk_devices').select(['unit_id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
  return row && { unitId: row.unit_id, revokedAt: row.revoked_at };
}

export interface TokenKeyRow {
  keyId: string;
  unit: Omit<UnitRef, 'id'>;
  label: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Keys of these units, never their secrets. */
export async function listTokenKeysOfUnits(db: Db, unitIds: readonly number[]): Promise<TokenKeyRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('token_keys as k')
    .innerJoin('units as u', 'u.id', 'k.unit_id')
    .select(['k.id', 'u.code', 'u.name_vi', 'u.name_en', 'k.label', 'k.created_at', 'k.revoked_at'])
    .where('k.unit_id', 'in', [...unitIds])
    .orderBy('u.code')
    .orderBy('k.created_at')
    .orderBy('k.id')
    .execute();
  return rows.map((r) => ({
    keyId: r.id,
    unit: { code: r.code, nameVi: r.name_vi, nameEn: r.name_en },
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

export async function findTokenKeyOwner(db: Db, keyId: string): Promise<{ unitId: number; revokedAt: Date | null } | undefined> {
  const row = await db.selectFrom('token_keys').select(['unit_id', 'revoked_at']).where('id', '=', keyId).executeTakeFirst();
  return row && { unitId: row.unit_id, revokedAt: row.revoked_at };
}
