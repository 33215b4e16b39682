import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.ts';
import { REPO_ROOT, type Config } from '../../server/src/config.ts';
import { cloneEmbeddedDatabase, createServerDatabase, type TestDriver } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  close: () => Promise<void>;
}

/** The real application on a fresh, migrated database of the given driver. */
export async function createTestApp(driver: TestDriver, overrides: Partial<Config> = {}): Promise<TestApp> {
  const base = {
    port: 0,
    host: '127.0.0.1',
    demoData: 'off' as const,
    logLevel: 'silent' as const,
    clientDist: path.join(REPO_ROOT, 'client', 'dist'),
    ...overrides,
  };
  if (driver === 'embedded') {
    const pglite = await cloneEmbeddedDatabase();
    const app = await buildApp({ ...base, database: { kind: 'embedded', dataDir: '(in memory)' } }, { pglite });
    return { app, close: () => app.close() };
  }
  const database = await createServerDatabase();
  const app = await buildApp({ ...base, database: { kind: 'postgres', url: database.url } });
  return {
    app,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
