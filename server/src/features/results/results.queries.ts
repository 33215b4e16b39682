import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Tally } from '../../scoring/satisfaction.ts';

export interface TallyScope {
  unitId: number;
  surveyKey: string;
  surveyVersion: number;
  /** Question ids that are scored criteria. */
  criteria: string[];
  /** Answer codes (as text) that count as satisfied, and that count as valid. */
  satisfiedCodes: string[];
  validCodes: string[];
}

/** Per criterion: answers at a satisfied level and valid answers (not-applicable is not a valid code). */
export async function tallyCriteria(db: Kysely<Database>, scope: TallyScope): Promise<Map<string, Tally>> {
  const { rows } = await sql<{ question_id: string; satisfied: number; valid: number }>`
    select a.key as question_id,
           count(*) filter (where a.value = any(${scope.satisfiedCodes}::text[]))::int as satisfied,
           count(*) filter (where a.value = any(${scope.validCodes}::text[]))::int as valid
      from responses r, jsonb_each_text(r.answers) a
     where r.unit_id = ${scope.unitId}
       and r.survey_key = ${scope.surveyKey}
       and r.survey_version = ${scope.surveyVersion}
       and a.key = any(${scope.criteria}::text[])
     group by a.key`.execute(db);
  return new Map(rows.map((row) => [row.question_id, { satisfied: row.satisfied, valid: row.valid }]));
}

/** Each respondent's own share satisfied over the scored criteria they answered validly. */
export async function respondentShares(db: Kysely<Database>, scope: TallyScope): Promise<number[]> {
  const { rows } = await sql<{ share: number }>`
    select (100.0 * count(*) filter (where a.value = any(${scope.satisfiedCodes}::text[]))
                  / count(*) filter (where a.value = any(${scope.validCodes}::text[])))::float8 as share
      from responses r, jsonb_each_text(r.answers) a
     where r.unit_id = ${scope.unitId}
       and r.survey_key = ${scope.surveyKey}
       and r.survey_version = ${scope.surveyVersion}
       and a.key = any(${scope.criteria}::text[])
     group by r.id
    having count(*) filter (where a.value = any(${scope.validCodes}::text[])) > 0`.execute(db);
  return rows.map((row) => row.share);
}

export async function countResponses(db: Kysely<Database>, unitId: number, surveyKey: string, surveyVersion: number) {
  const row = await db
    .selectFrom('responses')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('unit_id', '=', unitId)
    .where('survey_key', '=', surveyKey)
    .where('survey_version', '=', surveyVersion)
    .executeTakeFirstOrThrow();
  return row.n;
}
