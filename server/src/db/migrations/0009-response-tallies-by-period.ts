import type { Kysely } from 'kysely';

// Reports read one period of many units: "every unit's 2026 year row". The primary key starts with the unit,
// so without this index that read scanned the whole key index (every day row of every unit: 45 ms at 1M
// responses) or did a lookup per unit. With the period first, the year of 1,000 units is one index range.
// The key columns never change on the triggers' upserts, so updates stay HOT where the page has room.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('response_tallies_period_idx')
    .on('response_tallies')
    .columns(['survey_key', 'survey_version', 'grain', 'period_start', 'unit_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('response_tallies_period_idx').execute();
}
