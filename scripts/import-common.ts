import fs from 'node:fs/promises';
import path from 'node:path';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import { ConfigError, loadConfig } from '../server/src/config.ts';
import databasePlugin from '../server/src/db/database.plugin.ts';
import type { Database } from '../server/src/db/database.ts';
import { seedProcedureCatalogue } from '../server/src/features/procedures/procedures.seed.ts';
import type { ImportOptions, ImportReport } from '../server/src/features/units/units-import.service.ts';
import { seedUnitRegistry } from '../server/src/features/units/units.seed.ts';

type Importer = (db: Kysely<Database>, text: string, options: ImportOptions) => Promise<ImportReport>;

export interface ImportCommand {
  /** What is imported, for the report: "Units". */
  what: string;
  /** The npm script, for the usage line: "units:import". */
  script: string;
  importer: Importer;
  argv: string[];
  env: Record<string, string | undefined>;
  /** Where the report and the problems go (the console when run as a command). */
  print: (line: string) => void;
  printError: (line: string) => void;
}

/**
 * Shared body of the import commands: `<file.csv> [--dry-run]`, the database configured as for the
 * server (DATABASE_URL, else the embedded one in DATA_DIR), migrated and seeded as the server would.
 * Exit codes: 0 imported (or a clean dry run), 1 the file has errors (nothing stored), 2 usage or setup.
 */
export async function runImportCommand({ what, script, importer, argv, env, print, printError }: ImportCommand): Promise<number> {
  const flags = argv.filter((arg) => arg.startsWith('-'));
  const files = argv.filter((arg) => !arg.startsWith('-'));
  const unknown = flags.filter((flag) => flag !== '--dry-run');
  if (files.length !== 1 || unknown.length > 0) {
    printError(`Usage: npm run ${script} -- <file.csv> [--dry-run]${unknown.length ? `\nUnknown option: ${unknown.join(' ')}` : ''}`);
    return 2;
  }
  // npm runs scripts from the repository root; a relative path means relative to where npm was called.
  const file = path.resolve(env.INIT_CWD ?? process.cwd(), files[0]!);
  const dryRun = flags.includes('--dry-run');

  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    printError(`Cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      printError(error.message);
      return 2;
    }
    throw error;
  }

  // The same database plugin as the server: migrations run, and the seeds the server would load.
  const app = Fastify({ logger: false });
  try {
    await app.register(databasePlugin, { database: config.database });
    await app.ready();
    await seedUnitRegistry(app.db);
    await seedProcedureCatalogue(app.db);
    const report = await importer(app.db, text, { dryRun });
    print(formatImportReport(what, files[0]!, report));
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await app.close();
  }
}

/** The report as people read it: what changed (or would), or every error with its line and column. */
export function formatImportReport(what: string, file: string, report: ImportReport): string {
  const rows = `${report.rows} row${report.rows === 1 ? '' : 's'}`;
  const lines = [`${what} import of ${file}${report.dryRun ? ' (dry run)' : ''}: ${rows}`];
  if (report.errors.length > 0) {
    lines.push(`${report.errors.length} error${report.errors.length === 1 ? '' : 's'}, nothing stored:`);
    for (const e of report.errors) lines.push(`  line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.reason}`);
  } else if (report.dryRun) {
    lines.push(`would insert ${report.inserted}, update ${report.updated}, leave ${report.unchanged} unchanged; nothing stored (dry run)`);
  } else {
    lines.push(`inserted ${report.inserted}, updated ${report.updated}, unchanged ${report.unchanged}`);
  }
  return lines.join('\n');
}
