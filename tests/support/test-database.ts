import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { migrateToLatest } from '../../server/src/db/migrate.ts';

/** The databases every integration test runs against: embedded always, a server when TEST_DATABASE_URL is set. */
export type TestDriver = 'embedded' | 'postgres';

export function testDrivers(): TestDriver[] {
  return process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];
}

let template: Promise<PGlite> | undefined;

/** A fresh migrated embedded database: a clone of one template per test worker (initdb is slow). */
export async function cloneEmbeddedDatabase(): Promise<PGlite> {
  template ??= (async () => {
    const pglite = await PGlite.create();
    const db = new Kysely({ dialect: new PGliteDialect(pglite) });
    await migrateToLatest(db);
    return pglite;
  })();
  return (await (await template).clone()) as PGlite;
}

/** Creates an empty database on the TEST_DATABASE_URL server; `drop` removes it. */
export async function createServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `sipas_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(base, (client) => client.query(`create database ${name}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => dropDatabase(base, name),
  };
}

/**
 * A closed pg pool reports "ended" before its sockets have closed; dropping WITH (FORCE) at that moment
 * kills connections that are still shutting down and they report errors. So wait for them to go first.
 */
async function dropDatabase(base: string, name: string): Promise<void> {
  await withAdminClient(base, async (client) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.query(`drop database if exists ${name} with (force)`);
  });
}

async function withAdminClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
