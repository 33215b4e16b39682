import { sql, type Kysely } from 'kysely';

// Accounts, roles and sessions of administrators (issue #6). Migrations are frozen in time: Kysely<any>,
// no application imports.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull().check(sql`length(login) between 1 and 64`))
    .addColumn('display_name', 'text', (c) => c.notNull())
    // An argon2id PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash): parameters travel with the hash.
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    .execute();
  // Login names are unique whatever their case: "Admin" and "admin" are one account.
  await sql`create unique index users_login_lower_idx on users (lower(login))`.execute(db);

  // A role covers the subtree of one unit (any validity period, through units.parent_id); only a system
  // administrator has no unit.
  await db.schema
    .createTable('user_roles')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('system-admin', 'unit-manager', 'viewer')`))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('user_roles_unit_for_scoped_roles', sql`(role = 'system-admin') = (unit_id is null)`)
    .execute();
  await sql`create unique index user_roles_once_idx on user_roles (user_id, role, coalesce(unit_id, 0))`.execute(db);

  // Only the sha256 of a session id is kept, so a copy of the table signs nobody in. A session ends after
  // idle time (from last_seen_at) or at expires_at, whichever comes first.
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  // Failed sign-ins per login name (lower case, whether or not the account exists), for throttling that
  // holds across restarts and processes; rows older than the window are deleted as new ones arrive.
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('login_key', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('sign_in_failures_key_idx').on('sign_in_failures').columns(['login_key', 'failed_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute();
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropTable('user_roles').execute();
  await db.schema.dropTable('users').execute();
}
