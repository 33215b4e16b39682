import type { Kysely } from 'kysely';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { Database } from '../../db/database.ts';
import { createSurveyCatalog, type LoadedDefinition, type SurveyCatalog } from './survey-catalog.ts';

export class ChangedPublishedVersionError extends Error {}

/**
 * Loads the definition files and records each version's hash the first time it is seen.
 * A file whose content changed under a version already recorded stops the start: published
 * versions are immutable, and responses point at them.
 */
export async function loadSurveyCatalog(db: Kysely<Database>, definitionsDir?: string): Promise<SurveyCatalog> {
  const loaded: LoadedDefinition[] = await loadDefinitions(definitionsDir);
  const recorded = await db.selectFrom('survey_versions').select(['key', 'version', 'content_hash']).execute();
  const recordedHash = new Map(recorded.map((row) => [`${row.key}@${row.version}`, row.content_hash]));

  for (const { definition, file, hash } of loaded) {
    const id = `${definition.key}@${definition.version}`;
    const previous = recordedHash.get(id);
    if (previous !== undefined && previous !== hash) {
      throw new ChangedPublishedVersionError(
        `Survey definition ${file} (${id}) changed after it was recorded (hash ${previous.slice(0, 12)}…, now ${hash.slice(0, 12)}…). ` +
          'A published version is immutable: restore the file and publish the change as a new version.',
      );
    }
    if (previous === undefined && definition.status !== 'draft') {
      await db
        .insertInto('survey_versions')
        .values({ key: definition.key, version: definition.version, content_hash: hash, content: JSON.stringify(definition) })
        .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
        .execute();
    }
  }
  return createSurveyCatalog(loaded);
}
