import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Unit, UnitDetail, UnitWithCount } from '../../api/units.schemas.ts';
import type { RegistryLink, RegistryUnit } from './units.import-plan.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Dates leave the database as YYYY-MM-DD text, whatever the driver's date parsing. */
const isoDate = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
const isoDateOrNull = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

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

export interface UnitListFilter {
  level?: string;
  parentId?: number;
  /** Only units without a parent (with `within`: the units whose parent lies outside it, its roots). */
  topLevel?: boolean;
  groupTag?: string;
  /** Only these units (the ones a signed-in user may read); absent: all. */
  within?: readonly number[];
}

export async function listUnitsValidOn(db: Kysely<Database>, date: string, filter: UnitListFilter = {}): Promise<UnitWithCount[]> {
  let query = db
    .selectFrom('units as u')
    .select(['u.code', 'u.name_vi', 'u.name_en', 'u.full_name_vi', 'u.type'])
    // From the yearly tallies (kept by triggers, migration 0005): a few rows per unit, not one per response.
    .select(
      sql<number>`coalesce((select sum(t.respondents) from response_tallies t where t.unit_id = u.id and t.grain = 'year'), 0)::int`.as(
        'response_count',
      ),
    )
    .where('u.valid_from', '<=', date)
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', date)]));
  if (filter.level) query = query.where('u.level', '=', filter.level);
  if (filter.parentId !== undefined) query = query.where('u.parent_id', '=', filter.parentId);
  const within = filter.within ? [...filter.within] : undefined;
  if (within) query = query.where(sql<boolean>`${sql.ref('u.id')} = any(${within}::int[])`);
  if (filter.topLevel && within) {
    query = query.where((eb) =>
      eb.or([eb('u.parent_id', 'is', null), sql<boolean>`not (${sql.ref('u.parent_id')} = any(${within}::int[]))`]),
    );
  } else if (filter.topLevel) query = query.where('u.parent_id', 'is', null);
  if (filter.groupTag) query = query.where(sql<boolean>`${sql.ref('u.group_tags')} @> array[${filter.groupTag}]::text[]`);
  const rows = await query.orderBy('u.code').execute();
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

function selectDetails(db: Db) {
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select([
      'u.id',
      'u.code',
      'u.name_vi',
      'u.name_en',
      'u.full_name_vi',
      'u.type',
      'u.level',
      'u.group_tags',
      'p.code as parent_code',
      isoDate('u.valid_from').as('valid_from'),
      isoDateOrNull('u.valid_to').as('valid_to'),
    ]);
}

type DetailRow = Awaited<ReturnType<ReturnType<typeof selectDetails>['executeTakeFirstOrThrow']>>;

function toUnitDetail(row: DetailRow): UnitDetail {
  return {
    ...toUnit(row),
    level: row.level,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    groupTags: row.group_tags,
  };
}

export async function findUnitDetailValidOn(db: Db, code: string, date: string) {
  const row = await selectDetails(db)
    .where('u.code', '=', code)
    .where('u.valid_from', '<=', date)
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', date)]))
    .orderBy('u.valid_from', 'desc')
    .executeTakeFirst();
  return row && { id: row.id, unit: toUnitDetail(row) };
}

/** The most recent unit that had this code (for a code no longer in use). */
export async function findLatestUnitDetail(db: Db, code: string) {
  const row = await selectDetails(db).where('u.code', '=', code).orderBy('u.valid_from', 'desc').executeTakeFirst();
  return row && { id: row.id, unit: toUnitDetail(row) };
}

export async function listChildDetails(db: Db, parentId: number, date: string) {
  const rows = await selectDetails(db)
    .where('u.parent_id', '=', parentId)
    .where('u.valid_from', '<=', date)
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', date)]))
    .orderBy('u.code')
    .execute();
  return rows.map(toUnitDetail);
}

/** Direct lineage links of a unit, both ways. */
export async function listLineage(db: Db, unitId: number) {
  const [predecessors, successors] = await Promise.all([
    selectDetails(db)
      .innerJoin('unit_lineage as l', 'l.predecessor_id', 'u.id')
      .select('l.kind')
      .where('l.successor_id', '=', unitId)
      .orderBy('u.code')
      .execute(),
    selectDetails(db)
      .innerJoin('unit_lineage as l', 'l.successor_id', 'u.id')
      .select('l.kind')
      .where('l.predecessor_id', '=', unitId)
      .orderBy('u.code')
      .execute(),
  ]);
  const toLink = (row: DetailRow & { kind: 'full' | 'partial' }) => ({ kind: row.kind, unit: toUnitDetail(row) });
  return { predecessors: predecessors.map(toLink), successors: successors.map(toLink) };
}

// --- import ---

export async function lockUnitRegistry(trx: Transaction<Database>): Promise<void> {
  // Concurrent imports (or two processes seeding one server) take turns.
  await sql`select pg_advisory_xact_lock(${UNIT_REGISTRY_LOCK})`.execute(trx);
}
const UNIT_REGISTRY_LOCK = 7_160_001;

export async function loadRegistry(db: Db): Promise<{ units: RegistryUnit[]; links: RegistryLink[] }> {
  const [units, links] = await Promise.all([
    db
      .selectFrom('units')
      .select([
        'id',
        'code',
        'name_vi',
        'name_en',
        'full_name_vi',
        'level',
        'type',
        'parent_id',
        'group_tags',
        isoDate('valid_from').as('valid_from'),
        isoDateOrNull('valid_to').as('valid_to'),
      ])
      .execute(),
    db.selectFrom('unit_lineage').select(['predecessor_id', 'successor_id', 'kind']).execute(),
  ]);
  return {
    units: units.map((u) => ({
      id: u.id,
      code: u.code,
      nameVi: u.name_vi,
      nameEn: u.name_en,
      fullNameVi: u.full_name_vi,
      level: u.level,
      type: u.type,
      parentId: u.parent_id,
      validFrom: u.valid_from,
      validTo: u.valid_to,
      groupTags: u.group_tags,
    })),
    links: links.map((l) => ({ predecessorId: l.predecessor_id, successorId: l.successor_id, kind: l.kind })),
  };
}

export interface UnitValues {
  code: string;
  name_vi: string;
  name_en: string | null;
  full_name_vi: string;
  type: string;
  level: string;
  parent_id: number | null;
  region: string | null;
  valid_from: string;
  valid_to: string | null;
  group_tags: string[];
}

/** Inserts units; returns their ids keyed by code and valid_from (`${code} ${validFrom}`). */
export async function insertUnits(trx: Transaction<Database>, values: UnitValues[]): Promise<Map<string, number>> {
  if (values.length === 0) return new Map();
  // One JSON parameter instead of 11 per row: several times faster on the embedded database.
  const rows = await trx
    .insertInto('units')
    .columns(['code', 'name_vi', 'name_en', 'full_name_vi', 'type', 'level', 'parent_id', 'region', 'valid_from', 'valid_to', 'group_tags'])
    .expression(
      sql`select code, name_vi, name_en, full_name_vi, type, level, parent_id, region, valid_from, valid_to, group_tags
            from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
              as x(code text, name_vi text, name_en text, full_name_vi text, type text, level text, parent_id int,
                   region text, valid_from date, valid_to date, group_tags text[])`,
    )
    .returning(['id', 'code', isoDate('valid_from').as('valid_from')])
    .execute();
  return new Map(rows.map((row) => [`${row.code} ${row.valid_from}`, row.id]));
}

export async function updateUnit(trx: Transaction<Database>, id: number, values: UnitValues): Promise<void> {
  await trx.updateTable('units').set(values).where('id', '=', id).execute();
}

/** Makes the given links each unit's only predecessors (`replace`: units that may have links already). */
export async function replacePredecessors(
  trx: Transaction<Database>,
  units: Array<{ successorId: number; replace: boolean; predecessors: Array<{ id: number; kind: 'full' | 'partial' }> }>,
): Promise<void> {
  const replaced = units.filter((u) => u.replace).map((u) => u.successorId);
  if (replaced.length > 0) {
    await trx.deleteFrom('unit_lineage').where('successor_id', '=', sql<number>`any(${replaced}::int[])`).execute();
  }
  const links = units.flatMap((u) =>
    u.predecessors.map((p) => ({ predecessor_id: p.id, successor_id: u.successorId, kind: p.kind })),
  );
  if (links.length === 0) return;
  await trx
    .insertInto('unit_lineage')
    .columns(['predecessor_id', 'successor_id', 'kind'])
    .expression(
      sql`select predecessor_id, successor_id, kind
            from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as x(predecessor_id int, successor_id int, kind text)`,
    )
    .execute();
}
