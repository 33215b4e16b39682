import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DateRange } from '../aggregates/period-slices.ts';

export interface SubtreeUnit {
  id: number;
  code: string;
  nameVi: string;
  fullNameVi: string;
  /** Validity (YYYY-MM-DD): a unit formed inside the range is read from its predecessors before that. */
  validFrom: string;
  validTo: string | null;
  level: string;
  parentCode: string | null;
}

/**
 * A unit and every unit below it valid at some time in the range (as the tallies count a subtree), the unit
 * first, then by depth and code.
 */
export async function listSubtreeWithNames(db: Kysely<Database>, rootId: number, range: DateRange): Promise<SubtreeUnit[]> {
  const { rows } = await sql<{
    id: number;
    code: string;
    name_vi: string;
    full_name_vi: string;
    valid_from: string;
    valid_to: string | null;
    level: string;
    parent_code: string | null;
  }>`
    with recursive tree(id, depth) as (
      select id, 0 from units where id = ${rootId}
      union all
      select c.id, t.depth + 1
        from units c
        join tree t on c.parent_id = t.id
       where c.valid_from <= ${range.to}::date and (c.valid_to is null or c.valid_to >= ${range.from}::date)
    )
    select u.id, u.code, u.name_vi, u.full_name_vi, u.level, p.code as parent_code,
           to_char(u.valid_from, 'YYYY-MM-DD') as valid_from, to_char(u.valid_to, 'YYYY-MM-DD') as valid_to
      from tree t
      join units u on u.id = t.id
      left join units p on p.id = u.parent_id
     order by t.depth, u.code, u.id`.execute(db);
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    nameVi: row.name_vi,
    fullNameVi: row.full_name_vi,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    level: row.level,
    parentCode: row.parent_code,
  }));
}
