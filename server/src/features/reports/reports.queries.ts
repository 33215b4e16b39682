import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DateRange } from '../aggregates/period-slices.ts';

export interface SubtreeUnit {
  id: number;
  code: string;
  fullNameVi: string;
  level: string;
  parentCode: string | null;
}

/**
 * A unit and every unit below it valid at some time in the range (as the tallies count a subtree), the unit
 * first, then by depth and code.
 */
export async function listSubtreeWithNames(db: Kysely<Database>, rootId: number, range: DateRange): Promise<SubtreeUnit[]> {
  const { rows } = await sql<{ id: number; code: string; full_name_vi: string; level: string; parent_code: string | null }>`
    with recursive tree(id, depth) as (
      select id, 0 from units where id = ${rootId}
      union all
      select c.id, t.depth + 1
        from units c
        join tree t on c.parent_id = t.id
       where c.valid_from <= ${range.to}::date and (c.valid_to is null or c.valid_to >= ${range.from}::date)
    )
    select u.id, u.code, u.full_name_vi, u.level, p.code as parent_code
      from tree t
      join units u on u.id = t.id
      left join units p on p.id = u.parent_id
     order by t.depth, u.code, u.id`.execute(db);
  return rows.map((row) => ({ id: row.id, code: row.code, fullNameVi: row.full_name_vi, level: row.level, parentCode: row.parent_code }));
}
