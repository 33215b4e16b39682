import { sql, type Kysely } from 'kysely';

// Kiosk devices (issue #4, part 4). Migrations are frozen in time: Kysely<any>, no application imports.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // A tablet at a unit's one-stop counter. Only hashes of its secrets are kept: the one-time enrolment
  // code (short-lived, single use) and the long device credential it is exchanged for.
  await db.schema
    .createTable('kiosk_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('survey_key', 'text', (c) => c.notNull())
    .addColumn('idle_seconds', 'integer', (c) => c.notNull().check(sql`idle_seconds between 3 and 3600`))
    .addColumn('enrol_code_hash', 'text', (c) => c.unique())
    .addColumn('enrol_code_expires_at', 'timestamptz')
    .addColumn('credential_hash', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('enrolled_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    // What the last heartbeat said (server time): administrators see silent kiosks and stuck queues.
    .addColumn('last_contact_at', 'timestamptz')
    .addColumn('queue_depth', 'integer')
    .addColumn('dead_letters', 'integer')
    .addColumn('app_version', 'text')
    .execute();
  await db.schema.createIndex('kiosk_devices_unit_idx').on('kiosk_devices').column('unit_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kiosk_devices').execute();
}
