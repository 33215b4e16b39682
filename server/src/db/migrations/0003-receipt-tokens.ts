import { sql, type Kysely } from 'kysely';

// Receipt tokens (issue #4). Migrations are frozen in time: Kysely<any>, no application imports.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Per-unit keys: the HMAC secret signs tokens (shared with the one-stop system); the API key, of which
  // only the sha256 is kept, authenticates the mint API.
  await db.schema
    .createTable('token_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('api_key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('token_keys_unit_idx').on('token_keys').column('unit_id').execute();

  // The ledger of spent dossiers: a keyed hash and a week, nothing that joins it to a response.
  await db.schema
    .createTable('spent_tokens')
    .addColumn('spent_key', 'text', (c) => c.primaryKey())
    .addColumn('spent_week', 'date', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('spent_tokens_week_idx').on('spent_tokens').column('spent_week').execute();

  await db.schema.alterTable('responses').addColumn('procedure_code', 'text').execute();
  await db.schema
    .alterTable('responses')
    .addColumn('from_receipt', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').dropColumn('from_receipt').execute();
  await db.schema.alterTable('responses').dropColumn('procedure_code').execute();
  await db.schema.dropTable('spent_tokens').execute();
  await db.schema.dropTable('token_keys').execute();
}
