import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { responsesInScope, type ResponseScope } from '../exports/response-scope.ts';

export async function countScopeResponses(db: Kysely<Database>, scope: ResponseScope): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from responses r where ${responsesInScope(scope)}`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function countByChannel(db: Kysely<Database>, scope: ResponseScope): Promise<Array<{ channel: string; count: number }>> {
  const { rows } = await sql<{ channel: string; count: number }>`
    select r.channel, count(*)::int as count
      from responses r
     where ${responsesInScope(scope)}
     group by r.channel
     order by count desc, r.channel`.execute(db);
  return rows;
}

/** Responses naming a procedure, and the most frequent codes with their catalogue names. */
export async function countByProcedure(
  db: Kysely<Database>,
  scope: ResponseScope,
  limit: number,
): Promise<{ withProcedure: number; top: Array<{ code: string; nameVi: string | null; count: number }> }> {
  const { rows } = await sql<{ code: string; name_vi: string | null; count: number; with_procedure: number }>`
    select r.procedure_code as code, p.name_vi, count(*)::int as count, (sum(count(*)) over ())::int as with_procedure
      from responses r
      left join procedures p on p.code = r.procedure_code
     where ${responsesInScope(scope)}
       and r.procedure_code is not null
     group by r.procedure_code, p.name_vi
     order by count desc, r.procedure_code`.execute(db);
  return {
    withProcedure: rows[0]?.with_procedure ?? 0,
    top: rows.slice(0, limit).map((row) => ({ code: row.code, nameVi: row.name_vi, count: row.count })),
  };
}

/**
 * For each multiple-choice question: respondents who chose something (option code null) and how many chose
 * each option code.
 */
export async function countChoices(
  db: Kysely<Database>,
  scope: ResponseScope,
  questionIds: string[],
): Promise<Array<{ questionId: string; code: string | null; count: number }>> {
  if (questionIds.length === 0) return [];
  // Only the multiple-choice answers are read (by key), not every answer of every response.
  const { rows } = await sql<{ question_id: string; code: string | null; count: number }>`
    select q.id as question_id, e.code, count(*)::int as count
      from responses r
     cross join unnest(${questionIds}::text[]) q(id)
     cross join lateral (select r.answers -> q.id as chosen) a
     cross join lateral (
       select jsonb_array_elements_text(a.chosen) as code
       union all
       select null
     ) e
     where ${responsesInScope(scope)}
       and jsonb_typeof(a.chosen) = 'array'
       and jsonb_array_length(a.chosen) > 0
     group by q.id, e.code`.execute(db);
  return rows.map((row) => ({ questionId: row.question_id, code: row.code, count: row.count }));
}
