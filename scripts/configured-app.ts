import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/src/app.ts';
import { ConfigError, loadConfig, type Config } from '../server/src/config.ts';

/**
 * Opens the configured database the way the server does (same configuration, same migrations), runs
 * `use`, and closes it. Used by the command-line tools (token keys, kiosks). The embedded database admits one process at a time: stop the server first.
 */
export async function withConfiguredApp(use: (app: FastifyInstance, config: Config) => Promise<void>): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  if (config.database.kind === 'embedded') {
    console.error(`(embedded database in ${config.database.dataDir}: make sure the server is not running)`);
  }
  const app = await buildApp({ ...config, demoData: 'off', logLevel: 'error', tokenLedgerResealMinutes: 0 });
  try {
    await use(app, config);
  } finally {
    await app.close();
  }
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
