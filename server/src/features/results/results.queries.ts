import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Predecessor } from './history.ts';

/** Dates leave the database as YYYY-MM-DD text, whatever the driver's date parsing. */
const isoDate = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/** The units a unit was made from (unit_lineage), with their validity. */
export async function listPredecessors(db: Kysely<Database>, unitId: number): Promise<Predecessor[]> {
  return (await listPredecessorsOf(db, [unitId])).get(unitId) ?? [];
}

/** The predecessors of each of several units (by successor id; a unit without any is absent), by code. */
export async function listPredecessorsOf(db: Kysely<Database>, unitIds: readonly number[]): Promise<Map<number, Predecessor[]>> {
  const found = new Map<number, Predecessor[]>();
  if (unitIds.length === 0) return found;
  const rows = await db
    .selectFrom('unit_lineage as l')
    .innerJoin('units as u', 'u.id', 'l.predecessor_id')
    .select(['l.successor_id', 'u.id', 'u.code', 'u.name_vi', 'l.kind'])
    .select([isoDate('u.valid_from').as('valid_from'), sql<string | null>`to_char(u.valid_to, 'YYYY-MM-DD')`.as('valid_to')])
    .where('l.successor_id', 'in', [...unitIds])
    .orderBy('u.code')
    .execute();
  for (const row of rows) {
    const predecessor: Predecessor = { id: row.id, code: row.code, nameVi: row.name_vi, kind: row.kind, validFrom: row.valid_from, validTo: row.valid_to };
    found.set(row.successor_id, [...(found.get(row.successor_id) ?? []), predecessor]);
  }
  return found;
}

