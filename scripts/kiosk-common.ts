import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/src/app.ts';
import { ConfigError, loadConfig, type Config } from '../server/src/config.ts';

/**
 * Opens the configured database as the server does (same configuration, migrations and seeds), runs
 * `use`, and closes it. The embedded database admits one process at a time: stop the server first.
 */
export async function withKioskApp(use: (app: FastifyInstance, config: Config) => Promise<void>): Promise<void> {
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

const VIETNAM_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** dd/mm/yyyy HH:mm in Vietnam time. */
export function vietnamTime(date: Date): string {
  const parts = Object.fromEntries(VIETNAM_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}
