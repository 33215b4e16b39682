import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { REPO_ROOT } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { seedOnce } from '../../db/seed-once.ts';
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
  return seedOnce(
    db,
    {
      mark: SEED_MARK,
      sources: [SEED_MAPPING_VERSION, sources.provinces63, sources.provinces34, sources.unitsSample],
      description: `The unit seed data in ${dataDir}`,
    },
    async () => importUnits(db, parseUnitRecords(buildSeedRecords(sources).records)),
  );
}

/** The name app.ts has called since the 34 provinces were the only units; it now seeds the whole registry. */
export async function seedProvinces(db: Kysely<Database>): Promise<void> {
  await seedUnitRegistry(db);
}
