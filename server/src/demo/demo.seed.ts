import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../canonical-json.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { SurveyCatalog } from '../features/surveys/survey-catalog.ts';
import { generateDemoResponses } from './demo-responses.ts';

const DEMO_SURVEY = 'sipas-2017';
const SEEDED_MARK = 'demo_data_seeded';

export function wantsDemoData(config: Pick<Config, 'demoData' | 'database'>): boolean {
  // Never on a real server unless asked: demo rows there would pollute official figures.
  return config.demoData === 'on' || (config.demoData === 'auto' && config.database.kind === 'embedded');
}

/** Seeds synthetic responses once per database (a mark records it), in one transaction. */
export async function seedDemoData(db: Kysely<Database>, catalog: SurveyCatalog, lastDate: string): Promise<number> {
  const loaded = catalog.latestPublished(DEMO_SURVEY);
  if (!loaded) return 0;
  const { definition } = loaded;
  return db.transaction().execute(async (trx) => {
    const mark = await trx.selectFrom('app_settings').select('value').where('key', '=', SEEDED_MARK).executeTakeFirst();
    if (mark) return 0;
    const units = await trx
      .selectFrom('units')
      .select(['id', 'code'])
      .where('level', '=', 'province')
      // Province codes are reused across the 2025 merger: today's provinces only.
      .where('valid_from', '<=', lastDate)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', lastDate)]))
      .execute();
    const unitId = new Map(units.map((u) => [u.code, u.id]));
    const rows = generateDemoResponses(definition, lastDate)
      .filter((r) => unitId.has(r.unitCode))
      .map((r) => ({
        id: randomUUID(),
        survey_key: definition.key,
        survey_version: definition.version,
        unit_id: unitId.get(r.unitCode)!,
        channel: r.channel,
        locale: 'vi',
        local_date: r.localDate,
        answers: JSON.stringify(r.answers),
        content_hash: createHash('sha256').update(canonicalJson(r.answers)).digest('hex'),
      }));
    for (let i = 0; i < rows.length; i += 200) {
      await trx.insertInto('responses').values(rows.slice(i, i + 200)).execute();
    }
    await trx.insertInto('app_settings').values({ key: SEEDED_MARK, value: new Date().toISOString() }).execute();
    return rows.length;
  });
}
