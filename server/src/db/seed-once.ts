import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ImportReport } from '../features/units/units-import.service.ts';
import type { Database } from './database.ts';

export interface SeedSource {
  /** app_settings key holding the hash of the sources last loaded. */
  mark: string;
  /** Everything the load depends on (file contents, mapping version). */
  sources: readonly string[];
  /** Named in the error when the load reports bad rows. */
  description: string;
}

/**
 * Runs `load` unless the same sources were loaded before (one read of app_settings), then records their
 * hash. Seed data is shipped with the code, so a bad row is a bug: it stops the start with the first few.
 */
export async function seedOnce(
  db: Kysely<Database>,
  { mark, sources, description }: SeedSource,
  load: () => Promise<ImportReport>,
): Promise<ImportReport | null> {
  const hash = createHash('sha256').update(sources.join('\u0000')).digest('hex');
  const recorded = await db.selectFrom('app_settings').select('value').where('key', '=', mark).executeTakeFirst();
  if (recorded?.value === hash) return null;

  const report = await load();
  if (report.errors.length > 0) {
    const problems = report.errors.slice(0, 5).map((e) => `row ${e.line} ${e.column ?? ''}: ${e.reason}`);
    throw new Error(`${description} is invalid:\n  ${problems.join('\n  ')}`);
  }
  await db
    .insertInto('app_settings')
    .values({ key: mark, value: hash })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: hash }))
    .execute();
  return report;
}
