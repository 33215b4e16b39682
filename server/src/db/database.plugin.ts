import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import fastifyPostgres from '@fastify/postgres';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from './database.ts';
import { migrateToLatest } from './migrate.ts';

export type DatabaseKind = DatabaseConfig['kind'];

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    databaseKind: DatabaseKind;
  }
}

export interface DatabasePluginOptions {
  database: DatabaseConfig;
  /** An already open embedded database (tests clone a migrated template). */
  pglite?: PGlite;
}

/** One Kysely data layer over either driver; migrations run before the app serves anything. */
async function databasePlugin(app: FastifyInstance, options: DatabasePluginOptions): Promise<void> {
  const db =
    options.database.kind === 'postgres'
      ? await connectPostgres(app, options.database.url)
      : await openEmbedded(app, options.database.dataDir, options.pglite);
  app.decorate('db', db);
  app.decorate('databaseKind', options.database.kind);
  await migrateToLatest(db as Kysely<unknown>);
}

async function connectPostgres(app: FastifyInstance, url: string): Promise<Kysely<Database>> {
  await app.register(fastifyPostgres, { connectionString: url, max: 20 });
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  app.pg.pool.on('error', (err) => app.log.error({ err }, 'idle database connection failed'));
  // The plugin ends the pool on close; destroying Kysely too would end it twice.
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: app.pg.pool }) });
}

async function openEmbedded(app: FastifyInstance, dataDir: string, given?: PGlite): Promise<Kysely<Database>> {
  let pglite = given;
  if (!pglite) {
    await fs.mkdir(dataDir, { recursive: true });
    pglite = await PGlite.create(dataDir);
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  app.addHook('onClose', async () => {
    await db.destroy(); // closes PGlite, flushing its files
  });
  return db;
}

export default fp(databasePlugin, { name: 'database' });
