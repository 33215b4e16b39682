import { sql, type Kysely, type Transaction } from 'kysely';
import type { Procedure } from '../../api/procedures.schemas.ts';
import type { Database, ProceduresTable } from '../../db/database.ts';
import { PROCEDURE_COLUMNS } from './procedures.csv.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type ProcedureValues = Omit<ProceduresTable, 'id'>;

// The import layout names the table's own columns.
const COLUMNS = PROCEDURE_COLUMNS;

export async function lockProcedureCatalogue(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${PROCEDURE_CATALOGUE_LOCK})`.execute(trx);
}
const PROCEDURE_CATALOGUE_LOCK = 7_160_002;

export async function loadProcedures(db: Db) {
  return db.selectFrom('procedures').select(['id', ...COLUMNS]).execute();
}

export async function insertProcedures(trx: Transaction<Database>, values: ProcedureValues[]): Promise<void> {
  for (let i = 0; i < values.length; i += 2000) {
    await trx.insertInto('procedures').values(values.slice(i, i + 2000)).execute();
  }
}

export async function updateProcedure(trx: Transaction<Database>, id: number, values: ProcedureValues): Promise<void> {
  await trx.updateTable('procedures').set(values).where('id', '=', id).execute();
}

export interface ProcedureFilter {
  /** LIKE patterns on the folded search text; all must match. */
  patterns: string[];
  field?: string;
  limit: number;
  offset: number;
}

export async function listProcedures(db: Db, filter: ProcedureFilter): Promise<{ total: number; procedures: Procedure[] }> {
  let query = db.selectFrom('procedures');
  for (const pattern of filter.patterns) query = query.where(sql<boolean>`search_text like ${pattern} escape '\\'`);
  if (filter.field) query = query.where('field', '=', filter.field);
  const [count, rows] = await Promise.all([
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    query.select(COLUMNS).orderBy('code').limit(filter.limit).offset(filter.offset).execute(),
  ]);
  return { total: count.n, procedures: rows.map(toProcedure) };
}

export async function findProcedure(db: Db, code: string): Promise<Procedure | undefined> {
  const row = await db.selectFrom('procedures').select(COLUMNS).where('code', '=', code).executeTakeFirst();
  return row && toProcedure(row);
}

function toProcedure(row: Pick<ProceduresTable, (typeof COLUMNS)[number]>): Procedure {
  return {
    code: row.code,
    nameVi: row.name_vi,
    field: row.field,
    promulgatingAgency: row.promulgating_agency,
    executingAgency: row.executing_agency,
    catalogueType: row.catalogue_type,
    state: row.state,
    portalUrl: row.portal_url,
  };
}
