import type { Kysely } from 'kysely';

// The raw export reads a unit's responses in id order, batch after batch (keyset): with the id at the end of
// the unit's index each batch is one index range. It replaces responses_unit_survey_idx, whose columns it
// starts with, so inserts maintain no more indexes than before.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('responses_unit_survey_id_idx')
    .on('responses')
    .columns(['unit_id', 'survey_key', 'survey_version', 'id'])
    .execute();
  await db.schema.dropIndex('responses_unit_survey_idx').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('responses_unit_survey_idx')
    .on('responses')
    .columns(['unit_id', 'survey_key', 'survey_version'])
    .execute();
  await db.schema.dropIndex('responses_unit_survey_id_idx').execute();
}
