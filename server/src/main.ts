import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { signalsLeftToPrimary, startWorkers, workerCount } from './cluster.ts';
import { ConfigError, loadConfig } from './config.ts';
import { announceFirstAdmin } from './features/auth/first-admin.ts';

// The process entry: configuration from the environment, listen, and a graceful shutdown
// (in-flight requests finish, then the database closes) on SIGTERM/SIGINT.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (startWorkers(workerCount(config, process.env))) return; // the primary of a multi-process server

  const app = await buildApp(config);
  if (config.database.kind === 'embedded') await announceFirstAdmin(app);
  closeWithGrace({ delay: 10_000, skip: signalsLeftToPrimary() }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an error');
    else app.log.info({ signal }, 'closing');
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: app.databaseKind },
    `SIPAS ready: questionnaire http://localhost:${config.port}/s/92  admin http://localhost:${config.port}/admin`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
