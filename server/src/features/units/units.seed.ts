import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { REPO_ROOT } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { importUnits, type ImportReport } from './units-import.service.ts';
import { parseUnitRecords } from './units.csv.ts';
import { buildSeedRecords, type SeedSources } from './units.seed-data.ts';

export const SEED_DATA_DIR = path.join(REPO_ROOT, 'server', 'data');
/** Bump when buildSeedRecords changes what it makes of the same files. */
const SEED_MAPPING_VERSION = '1';
const SEED_MARK = 'unit_registry_seed';

/**
 * Loads the reference units through the import path: the 63 and 34 provinces with the 2025 crosswalk,
 * and the Cần Thơ and Hà Tĩnh hierarchies. Skipped (one read of app_settings) when the same files were
 * seeded before; when they change, the import updates what differs.
 */
export async function seedUnitRegistry(db: Kysely<Database>, dataDir = SEED_DATA_DIR): Promise<ImportReport | null> {
  const sources: SeedSources = {
    provinces63: await fs.readFile(path.join(dataDir, 'provinces-63.csv'), 'utf8'),
    provinces34: await fs.readFile(path.join(dataDir, 'provinces-34.csv'), 'utf8'),
    unitsSample: await fs.readFile(path.join(dataDir, 'units-sample.csv'), 'utf8'),
  };
  const hash = createHash('sha256')
    .update([SEED_MAPPING_VERSION, sources.provinces63, sources.provinces34, sources.unitsSample].join('\u0000'))
    .digest('hex');
  const mark = await db.selectFrom('app_settings').select('value').where('key', '=', SEED_MARK).executeTakeFirst();
  if (mark?.value === hash) return null;

  const report = await importUnits(db, parseUnitRecords(buildSeedRecords(sources).records));
  if (report.errors.length > 0) {
    const problems = report.errors.slice(0, 5).map((e) => `record ${e.line} ${e.column ?? ''}: ${e.reason}`);
    throw new Error(`The unit seed data in ${dataDir} is invalid:\n  ${problems.join('\n  ')}`);
  }
  await db
    .insertInto('app_settings')
    .values({ key: SEED_MARK, value: hash })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: hash }))
    .execute();
  return report;
}

/** The name app.ts has called since the 34 provinces were the only units; it now seeds the whole registry. */
export async function seedProvinces(db: Kysely<Database>): Promise<void> {
  await seedUnitRegistry(db);
}
