import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { REPO_ROOT } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { seedOnce } from '../../db/seed-once.ts';
import type { ImportReport } from '../units/units-import.service.ts';
import { importProceduresCsv } from './procedures-import.service.ts';

const SEED_DATA_DIR = path.join(REPO_ROOT, 'server', 'data');
const SEED_MARK = 'procedure_catalogue_seed';

/** Loads server/data/procedures-sample.csv through the import path; skipped when that file was seeded before. */
export async function seedProcedureCatalogue(db: Kysely<Database>, dataDir = SEED_DATA_DIR): Promise<ImportReport | null> {
  const text = await fs.readFile(path.join(dataDir, 'procedures-sample.csv'), 'utf8');
  return seedOnce(
    db,
    { mark: SEED_MARK, sources: [text], description: `The procedure seed file in ${dataDir}` },
    () => importProceduresCsv(db, text),
  );
}
