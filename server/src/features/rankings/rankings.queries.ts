import { sql, type Kysely } from 'kysely';
import type { RankedUnitInfo } from '../../api/rankings.schemas.ts';
import type { Database } from '../../db/database.ts';

/** Which units a ranking compares, all valid on one date. */
export interface UniverseSelector {
  /** The units directly below this unit… */
  parentId?: number | undefined;
  /** …or without a parent (provinces), when no parentId is given and topLevel is set. */
  topLevel?: boolean | undefined;
  level?: string | undefined;
  type?: string | undefined;
}

export interface RankingUnitRow extends RankedUnitInfo {
  parentId: number | null;
  /** Validity (YYYY-MM-DD): a unit that began inside a period has its earlier days read from its predecessors. */
  validFrom: string;
  validTo: string | null;
}

function selectAnyUnit(db: Kysely<Database>) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name_vi', 'name_en', 'full_name_vi', 'type', 'level', 'group_tags', 'parent_id'])
    .select([sql<string>`to_char(valid_from, 'YYYY-MM-DD')`.as('valid_from'), sql<string | null>`to_char(valid_to, 'YYYY-MM-DD')`.as('valid_to')]);
}

function selectUnits(db: Kysely<Database>, date: string) {
  return selectAnyUnit(db)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]));
}

type UnitRow = Awaited<ReturnType<ReturnType<typeof selectUnits>['executeTakeFirstOrThrow']>>;

function toRankingUnit(row: UnitRow): RankingUnitRow {
  return {
    id: row.id,
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    fullNameVi: row.full_name_vi,
    type: row.type,
    level: row.level,
    groupTags: row.group_tags,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** The unit with this code valid on `date` (codes are reused across periods). */
export async function findRankingUnit(db: Kysely<Database>, code: string, date: string): Promise<RankingUnitRow | undefined> {
  const row = await selectUnits(db, date).where('code', '=', code).orderBy('valid_from', 'desc').executeTakeFirst();
  return row && toRankingUnit(row);
}

export async function findRankingUnitById(db: Kysely<Database>, id: number): Promise<RankingUnitRow | undefined> {
  const row = await selectAnyUnit(db).where('id', '=', id).executeTakeFirst();
  return row && toRankingUnit(row);
}

/** The units of a universe valid on `date`, by code. */
export async function listUniverseUnits(db: Kysely<Database>, selector: UniverseSelector, date: string): Promise<RankingUnitRow[]> {
  let query = selectUnits(db, date);
  if (selector.parentId !== undefined) query = query.where('parent_id', '=', selector.parentId);
  else if (selector.topLevel) query = query.where('parent_id', 'is', null);
  if (selector.level !== undefined) query = query.where('level', '=', selector.level);
  if (selector.type !== undefined) query = query.where('type', '=', selector.type);
  const rows = await query.orderBy('code').orderBy('id').execute();
  return rows.map(toRankingUnit);
}
