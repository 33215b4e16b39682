import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';

export interface NewResponse {
  id: string;
  surveyKey: string;
  surveyVersion: number;
  unitId: number;
  channel: string;
  locale: string;
  localDate: string;
  answers: Record<string, unknown>;
  contentHash: string;
}

/** Inserts unless the id exists; returns whether a row was written. */
export async function insertResponseIfNew(db: Kysely<Database> | Transaction<Database>, response: NewResponse) {
  const inserted = await db
    .insertInto('responses')
    .values({
      id: response.id,
      survey_key: response.surveyKey,
      survey_version: response.surveyVersion,
      unit_id: response.unitId,
      channel: response.channel,
      locale: response.locale,
      local_date: response.localDate,
      answers: JSON.stringify(response.answers),
      content_hash: response.contentHash,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findResponseHash(db: Kysely<Database> | Transaction<Database>, id: string) {
  const row = await db.selectFrom('responses').select('content_hash').where('id', '=', id).executeTakeFirst();
  return row?.content_hash;
}
