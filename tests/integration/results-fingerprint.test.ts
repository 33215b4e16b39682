import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { Answers, SurveyDefinition } from '@sipas/survey-definitions/schema';
import { Kysely, Migrator, PostgresDialect, sql, type Migration } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import * as m0001 from '../../server/src/db/migrations/0001-initial.ts';
import * as m0002 from '../../server/src/db/migrations/0002-unit-registry.ts';
import * as m0003 from '../../server/src/db/migrations/0003-receipt-tokens.ts';
import * as m0004 from '../../server/src/db/migrations/0004-kiosk-devices.ts';
import * as m0005 from '../../server/src/db/migrations/0005-response-tallies.ts';
import * as m0006 from '../../server/src/db/migrations/0006-accounts.ts';
import * as m0007 from '../../server/src/db/migrations/0007-response-digests.ts';
import { seedDemoData } from '../../server/src/demo/demo.seed.ts';
import { verifyTallies } from '../../server/src/features/aggregates/aggregates.service.ts';
import { responseIdsDigest, scoringSpecHash } from '../../server/src/features/results/fingerprint.ts';
import { loadSurveyCatalog } from '../../server/src/features/surveys/surveys.service.ts';
import { scoreUnit, sumRespondentShares } from '../../server/src/scoring/unit-score.ts';
import { adminHeaders } from '../support/admin-session.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp } from '../support/test-app.ts';
import { createServerDatabase, testDrivers, type TestDriver } from '../support/test-database.ts';

const definitions = (await loadDefinitions()).map((d) => d.definition);

/** Scores straight from raw answers, under the version's own spec. */
function recompute(definition: SurveyDefinition, responses: ReadonlyArray<{ answers: Answers }>) {
  const spec = definition.scoring;
  const criteria = [...new Set(spec.components.flatMap((c) => c.criteria))];
  const tallies = new Map(criteria.map((id) => [id, { satisfied: 0, valid: 0 }]));
  const shares: number[] = [];
  for (const { answers } of responses) {
    let satisfied = 0;
    let valid = 0;
    for (const id of criteria) {
      const value = answers[id];
      if (typeof value !== 'number') continue;
      tallies.get(id)!.valid++;
      valid++;
      if (spec.satisfiedLevels.includes(value)) {
        tallies.get(id)!.satisfied++;
        satisfied++;
      }
    }
    if (valid > 0) shares.push((100 * satisfied) / valid);
  }
  return scoreUnit(spec, { criteria: tallies, respondents: shares.length, respondentShares: sumRespondentShares(shares) });
}

describe.each(testDrivers())('results of the demo data on %s PostgreSQL', (driver) => {
  it('equal a recomputation from raw responses for every seeded province, fingerprint included', async () => {
    const t = await createTestApp(driver);
    try {
      const catalog = await loadSurveyCatalog(t.app.db);
      expect(await seedDemoData(t.app.db, catalog, '2026-11-26')).toBeGreaterThan(500);
      const headers = await adminHeaders(t.app);
      const period = { from: '2026-01-01', to: '2026-12-31' };
      const seeded = await sql<{ code: string; survey_key: string; survey_version: number }>`
        select distinct p.code, r.survey_key, r.survey_version
          from responses r join units u on u.id = r.unit_id join units p on p.id = coalesce(u.parent_id, u.id)
         where p.level = 'province'`.execute(t.app.db);
      expect(seeded.rows.length).toBeGreaterThan(1);
      for (const { code, survey_key: key, survey_version: version } of seeded.rows) {
        const definition = definitions.find((d) => d.key === key && d.version === version)!;
        // The raw responses of the province's subtree (the demo units are provinces and their communes).
        const { rows: raw } = await sql<{ id: string; answers: Answers; digest: string }>`
          select r.id::text as id, r.answers,
                 lpad(to_hex(mod(sum(('x' || substr(md5(r.id::text), 1, 15))::bit(60)::bigint) over (), 1152921504606846976)::bigint), 15, '0') as digest
            from responses r join units u on u.id = r.unit_id
            left join units p on p.id = u.parent_id
           where ${code} in (u.code, p.code) and (p.id is null or p.level = 'province') and u.valid_to is null
             and r.survey_key = ${key} and r.survey_version = ${version}
             and r.local_date between ${period.from}::date and ${period.to}::date`.execute(t.app.db);
        const res = await t.app.inject({ method: 'GET', url: `/api/results?survey=${key}&version=${version}&unit=${code}&period=2026`, headers });
        expect(res.statusCode).toBe(200);
        const body = res.json();
        const expected = recompute(definition, raw);
        expect({ code, respondents: body.respondents, n: body.overall.n }).toEqual({ code, respondents: raw.length, n: expected.overall.respondents });
        if (expected.overall.share === null) expect(body.overall.share).toBeNull();
        else expect(body.overall.share).toBeCloseTo(expected.overall.share, 9);
        expect(body.overall.belowMinimum).toBe(expected.overall.belowMinimum);
        expect(body.fingerprint).toMatchObject({
          survey: `${key}@${version}`,
          scoringSpecSha256: scoringSpecHash(definition.scoring),
          responses: raw.length,
          responsesDigest: responseIdsDigest(raw.map((r) => r.id)),
        });
        // The database's md5 and the TypeScript one agree.
        if (raw.length > 0) expect(body.fingerprint.responsesDigest).toBe(raw[0]!.digest);
      }
    } finally {
      await t.close();
    }
  }, 120_000); // the demo seed alone takes seconds on a busy machine
});

async function openDatabase(driver: TestDriver): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  if (driver === 'embedded') {
    const db = new Kysely<Database>({ dialect: new PGliteDialect(await PGlite.create()) });
    return { db, close: () => db.destroy() };
  }
  const server = await createServerDatabase();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: server.url }) }) });
  return {
    db,
    close: async () => {
      await db.destroy();
      await server.drop();
    },
  };
}

describe.each(testDrivers())('migration 0007 on %s PostgreSQL', (driver) => {
  it('digests the responses stored before it, and its down() returns to the tallies of 0005', async () => {
    const { db, close } = await openDatabase(driver);
    try {
      const migrations: Record<string, Migration> = {
        '0001-initial': m0001,
        '0002-unit-registry': m0002,
        '0003-receipt-tokens': m0003,
        '0004-kiosk-devices': m0004,
        '0005-response-tallies': m0005,
        '0006-accounts': m0006,
        '0007-response-digests': m0007,
      };
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const definition = definitions.find((d) => d.key === 'sipas-2017' && d.version === 1)!;
      const { id: unitId } = await db
        .insertInto('units')
        .values({ code: '92', name_vi: 'Cần Thơ', full_name_vi: 'Thành phố Cần Thơ', type: 'tp', level: 'province', valid_from: '2025-07-01' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('survey_versions').values({ key: definition.key, version: 1, content_hash: 'h', content: JSON.stringify(definition) }).execute();
      expect((await migrator.migrateDown()).error).toBeUndefined(); // back to 0006
      const columns = async () =>
        (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'response_tallies'`.execute(db)).rows.map((r) => r.name);
      expect(await columns()).not.toContain('id_digest');

      const ids = [randomUUID(), randomUUID(), randomUUID()];
      await db
        .insertInto('responses')
        .values(
          ids.map((id, i) => ({
            id,
            survey_key: definition.key,
            survey_version: 1,
            unit_id: unitId,
            channel: 'web',
            locale: 'vi',
            local_date: i === 0 ? '2025-12-31' : '2026-01-02',
            answers: JSON.stringify(answerAll(definition, 4)),
            content_hash: 'h',
          })),
        )
        .execute();
      // verifyTallies compares whole rows: it works with or without 0007's column.
      expect((await verifyTallies(db)).total).toBe(0);

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const digests = await db.selectFrom('response_tallies').select(['grain', 'period_start', sql<string>`lpad(to_hex(id_digest), 15, '0')`.as('digest')]).where('grain', '=', 'year').orderBy('period_start').execute();
      expect(digests.map((d) => d.digest)).toEqual([responseIdsDigest(ids.slice(0, 1)), responseIdsDigest(ids.slice(1))]);
      expect((await verifyTallies(db)).total).toBe(0);

      expect((await migrator.migrateDown()).error).toBeUndefined();
      expect(await columns()).not.toContain('id_digest');
      expect((await verifyTallies(db)).total).toBe(0);
      expect(await db.selectFrom('response_tallies').select(sql<number>`sum(respondents)::int`.as('n')).where('grain', '=', 'year').executeTakeFirstOrThrow()).toEqual({ n: 3 });
    } finally {
      await close();
    }
  });
});
