import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { RawResponse } from './raw-layout.ts';
import { responsesInScope, type ResponseScope } from './response-scope.ts';

interface RawRow {
  id: string;
  survey_key: string;
  survey_version: number;
  unit_code: string;
  local_date: string;
  channel: string;
  locale: string;
  procedure_code: string | null;
  from_receipt: boolean;
  answers: Record<string, unknown>;
}

/**
 * One batch of a unit's responses in the scope, by id after `afterId` (keyset: each batch is one index range
 * of responses_unit_survey_id_idx, whatever the unit's size, and no transaction stays open between batches).
 */
export async function readRawResponseBatch(
  db: Kysely<Database>,
  scope: ResponseScope,
  unit: { id: number; code: string },
  afterId: string | null,
  limit: number,
): Promise<RawResponse[]> {
  const { rows } = await sql<RawRow>`
    select r.id, r.survey_key, r.survey_version, ${unit.code}::text as unit_code,
           to_char(r.local_date, 'YYYY-MM-DD') as local_date, r.channel, r.locale, r.procedure_code, r.from_receipt, r.answers
      from responses r
     where ${responsesInScope(scope, [unit.id])}
       and ${afterId === null ? sql`true` : sql`r.id > ${afterId}::uuid`}
     order by r.id
     limit ${limit}`.execute(db);
  return rows.map((row) => ({
    id: row.id,
    surveyKey: row.survey_key,
    surveyVersion: row.survey_version,
    unitCode: row.unit_code,
    localDate: row.local_date,
    channel: row.channel,
    locale: row.locale,
    procedureCode: row.procedure_code,
    fromReceipt: row.from_receipt,
    answers: row.answers,
  }));
}
