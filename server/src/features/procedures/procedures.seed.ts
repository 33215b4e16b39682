import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { REPO_ROOT } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { ImportReport } from '../units/units-import.service.ts';
import { importProceduresCsv } from './procedures-import.service.ts';

const SEED_DATA_DIR = path.join(REPO_ROOT, 'server', 'data');
const SEED_MARK = 'procedure_catalogue_seed';

/** Loads server/data/procedures-sample.csv through the import path; skipped when that file was seeded before. */
export async function seedProcedureCatalogue(db: Kysely<Database>, dataDir = SEED_DATA_DIR): Promise<ImportReport | null> {
  const text = await fs.readFile(path.join(dataDir, 'procedures-sample.csv'), 'utf8');
  const hash = createHash('sha256').update(text).digest('hex');
  const mark = await db.selectFrom('app_settings').select('value').where('key', '=', SEED_MARK).executeTakeFirst();
  if (mark?.value === hash) return null;

  const report = await importProceduresCsv(db, text);
  if (report.errors.length > 0) {
    const problems = report.errors.slice(0, 5).map((e) => `line ${e.line} ${e.column ?? ''}: ${e.reason}`);
    throw new Error(`The procedure seed file in ${dataDir} is invalid:\n  ${problems.join('\n  ')}`);
  }
  await db
    .insertInto('app_settings')
    .values({ key: SEED_MARK, value: hash })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: hash }))
    .execute();
  return report;
}
