import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Unit, UnitWithCount } from '../../api/units.schemas.ts';

/** A unit code is unique only within its validity period: pick the unit valid on the given date. */
export async function findUnitValidOn(db: Kysely<Database>, code: string, date: string) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name_vi', 'name_en', 'full_name_vi', 'type'])
    .where('code', '=', code)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
}

export async function listUnitsValidOn(db: Kysely<Database>, date: string): Promise<UnitWithCount[]> {
  const rows = await db
    .selectFrom('units as u')
    .leftJoin('responses as r', 'r.unit_id', 'u.id')
    .select(['u.code', 'u.name_vi', 'u.name_en', 'u.full_name_vi', 'u.type'])
    .select(sql<number>`count(r.id)::int`.as('response_count'))
    .where('u.valid_from', '<=', date)
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', date)]))
    .groupBy(['u.id', 'u.code', 'u.name_vi', 'u.name_en', 'u.full_name_vi', 'u.type'])
    .orderBy('u.code')
    .execute();
  return rows.map((row) => ({ ...toUnit(row), responseCount: row.response_count }));
}

export function toUnit(row: {
  code: string;
  name_vi: string;
  name_en: string | null;
  full_name_vi: string;
  type: string;
}): Unit {
  return { code: row.code, nameVi: row.name_vi, nameEn: row.name_en, fullNameVi: row.full_name_vi, type: row.type };
}
