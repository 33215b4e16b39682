import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFINITIONS_DIR, loadDefinitions } from '@sipas/survey-definitions/load';
import { allQuestions, type Answers, type SurveyDefinition } from '@sipas/survey-definitions/schema';
import type { FastifyInstance } from 'fastify';
import { Kysely, Migrator, PostgresDialect, sql, type Migration } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.ts';
import { REPO_ROOT, type Config } from '../../server/src/config.ts';
import type { Database } from '../../server/src/db/database.ts';
import * as m0001 from '../../server/src/db/migrations/0001-initial.ts';
import * as m0002 from '../../server/src/db/migrations/0002-unit-registry.ts';
import * as m0003 from '../../server/src/db/migrations/0003-receipt-tokens.ts';
import * as m0004 from '../../server/src/db/migrations/0004-kiosk-devices.ts';
import * as m0005 from '../../server/src/db/migrations/0005-response-tallies.ts';
import { seedDemoData } from '../../server/src/demo/demo.seed.ts';
import { listSubtreeUnits, listTallyQuestions, readTallies, type TallyScope } from '../../server/src/features/aggregates/aggregates.queries.ts';
import { scoreTallies, verifyTallies } from '../../server/src/features/aggregates/aggregates.service.ts';
import { periodRange, type DateRange } from '../../server/src/features/aggregates/period-slices.ts';
import { decodeLevelCounts } from '../../server/src/features/aggregates/tally-vectors.ts';
import { writeBatch } from '../../server/src/features/responses/response-writer.ts';
import { loadSurveyCatalog } from '../../server/src/features/surveys/surveys.service.ts';
import { vietnamDate } from '../../server/src/local-date.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp } from '../support/test-app.ts';
import { cloneEmbeddedDatabase, createServerDatabase, testDrivers, type TestDriver } from '../support/test-database.ts';
import { adminHeaders } from '../support/admin-session.ts';

// Aggregates (migration 0005) kept by triggers must always equal a recomputation from raw responses. The
// recomputation here is independent of the SQL: plain TypeScript over the stored answers and the definitions.

const shipped = loadDefinitions().map((d) => d.definition);
const v1 = shipped.find((d) => d.key === 'sipas-2017' && d.version === 1)!;
const services2023 = shipped.find((d) => d.key === 'sipas-2023-services' && d.version === 1)!;
// A second version of SIPAS 2017 under another spec: only level 5 satisfies, respondent-level overall.
const v2: SurveyDefinition = {
  ...v1,
  version: 2,
  title: { ...v1.title, vi: `${v1.title.vi} (2)` },
  scoring: { ...v1.scoring, satisfiedLevels: [5], overallMethod: 'respondent-level' },
};
const definitions = new Map([v1, v2, services2023].map((d) => [`${d.key}@${d.version}`, d]));
const firstCriterion = v1.scoring.components[0]!.criteria[0]!;

/** The app on a fresh database, with the shipped definitions plus v2 of SIPAS 2017. */
async function createAppWithV2(driver: TestDriver): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'sipas-aggregates-'));
  const definitionsDir = path.join(work, 'definitions');
  await fs.cp(DEFINITIONS_DIR, definitionsDir, { recursive: true });
  await fs.writeFile(path.join(definitionsDir, 'sipas-2017', 'v2.json'), JSON.stringify(v2, null, 2));
  const base = {
    port: 0,
    host: '127.0.0.1',
    demoData: 'off' as const,
    logLevel: 'silent' as const,
    clientDist: path.join(REPO_ROOT, 'client', 'dist'),
  };
  let config: Config;
  let dropDatabase = async () => {};
  let pglite;
  if (driver === 'embedded') {
    pglite = await cloneEmbeddedDatabase();
    config = { ...base, database: { kind: 'embedded', dataDir: '(in memory)' } };
  } else {
    const database = await createServerDatabase();
    dropDatabase = database.drop;
    config = { ...base, database: { kind: 'postgres', url: database.url } };
  }
  const app = await buildApp(config, { pglite, definitionsDir });
  return {
    app,
    close: async () => {
      await app.close();
      await dropDatabase();
      await fs.rm(work, { recursive: true, force: true });
    },
  };
}

interface StoredResponse {
  unit_id: number;
  survey_key: string;
  survey_version: number;
  local_date: string;
  answers: Answers;
}

interface Expected {
  respondents: number;
  levelCounts: number[];
  scored: number;
  shareSum: number;
  shareSqSum: number;
}

const emptyExpected = (size: number): Expected => ({ respondents: 0, levelCounts: Array(size).fill(0), scored: 0, shareSum: 0, shareSqSum: 0 });

/** Adds one response to a running total: its level answers into six slots per level question, its own share. */
function addResponse(total: Expected, definition: SurveyDefinition, answers: Answers): void {
  const levelQuestions = allQuestions(definition)
    .map(({ question }) => question)
    .filter((q) => q.type === 'satisfaction5' || q.type === 'scale4');
  levelQuestions.forEach((question, i) => {
    const value = answers[question.id];
    if (value === undefined) return;
    total.levelCounts[6 * i + (value === 'na' ? 5 : Number(value) - 1)]! += 1;
  });
  const criteria = definition.scoring.components.flatMap((c) => c.criteria);
  const valid = criteria.filter((id) => [1, 2, 3, 4, 5].includes(answers[id] as number));
  const satisfied = valid.filter((id) => definition.scoring.satisfiedLevels.includes(answers[id] as 1));
  total.respondents += 1;
  if (valid.length > 0) {
    const share = (100 * satisfied.length) / valid.length;
    total.scored += 1;
    total.shareSum += share;
    total.shareSqSum += share * share;
  }
}

function slotsOf(definition: SurveyDefinition): number {
  return 6 * allQuestions(definition).filter(({ question }) => question.type === 'satisfaction5' || question.type === 'scale4').length;
}

/** Every tally row there should be, keyed unit|key|version|grain|period_start. */
function recompute(responses: StoredResponse[]): Map<string, Expected> {
  const rows = new Map<string, Expected>();
  for (const r of responses) {
    const definition = definitions.get(`${r.survey_key}@${r.survey_version}`)!;
    const periods: Array<[string, string]> = [
      ['day', r.local_date],
      ['month', `${r.local_date.slice(0, 7)}-01`],
      ['year', `${r.local_date.slice(0, 4)}-01-01`],
    ];
    for (const [grain, start] of periods) {
      const key = `${r.unit_id}|${r.survey_key}|${r.survey_version}|${grain}|${start}`;
      if (!rows.has(key)) rows.set(key, emptyExpected(slotsOf(definition)));
      addResponse(rows.get(key)!, definition, r.answers);
    }
  }
  return rows;
}

async function storedResponses(db: Kysely<Database>): Promise<StoredResponse[]> {
  const { rows } = await sql<StoredResponse>`
    select unit_id, survey_key, survey_version, to_char(local_date, 'YYYY-MM-DD') as local_date, answers
      from responses`.execute(db);
  return rows;
}

async function storedTallies(db: Kysely<Database>): Promise<Map<string, Expected>> {
  const { rows } = await sql<{
    key: string;
    respondents: number;
    level_counts: number[];
    scored: number;
    share_sum: number;
    share_sq_sum: number;
  }>`
    select concat_ws('|', unit_id, survey_key, survey_version, grain, to_char(period_start, 'YYYY-MM-DD')) as key,
           respondents, level_counts, scored, share_sum::float8 as share_sum, share_sq_sum::float8 as share_sq_sum
      from response_tallies`.execute(db);
  return new Map(
    rows.map((row) => [
      row.key,
      { respondents: row.respondents, levelCounts: row.level_counts, scored: row.scored, shareSum: row.share_sum, shareSqSum: row.share_sq_sum },
    ]),
  );
}

/** Exact counts; sums of shares to 1e-6 (each share is stored rounded to 10 decimals). */
function expectSameTallies(actual: Map<string, Expected>, expected: Map<string, Expected>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, want] of expected) {
    const got = actual.get(key)!;
    expect({ key, respondents: got.respondents, scored: got.scored, levelCounts: got.levelCounts }).toEqual({
      key,
      respondents: want.respondents,
      scored: want.scored,
      levelCounts: want.levelCounts,
    });
    expect(got.shareSum).toBeCloseTo(want.shareSum, 6);
    expect(got.shareSqSum).toBeCloseTo(want.shareSqSum, 4);
  }
}

async function expectTalliesEqualRecomputation(db: Kysely<Database>): Promise<void> {
  expectSameTallies(await storedTallies(db), recompute(await storedResponses(db)));
  const verified = await verifyTallies(db);
  expect(verified.differences).toEqual([]);
  expect(verified.total).toBe(0);
}

/** The sum over raw responses of some units, one version and a date range: what readTallies must give. */
function expectedOver(responses: StoredResponse[], unitIds: number[], definition: SurveyDefinition, range: DateRange): Expected {
  const total = emptyExpected(slotsOf(definition));
  for (const r of responses) {
    if (!unitIds.includes(r.unit_id) || r.survey_key !== definition.key || r.survey_version !== definition.version) continue;
    if (r.local_date < range.from || r.local_date > range.to) continue;
    addResponse(total, definition, r.answers);
  }
  return total;
}

describe.each(testDrivers())('aggregates on %s PostgreSQL', (driver) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  const unit = { canTho: 0, haTinh: 0, oldCanTho: 0, commune1: 0, commune2: 0 };
  const codes = { commune1: '', commune2: '' };
  const today = vietnamDate(new Date());

  async function post(survey: SurveyDefinition, unitCode: string, answers: Answers): Promise<void> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: { survey: survey.key, version: survey.version, unit: unitCode, answers },
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  /** Through the group-commit writer (the API's write path) on a chosen local date. */
  async function writeOn(localDate: string, entries: Array<{ unitId: number; survey: SurveyDefinition; answers: Answers }>) {
    const outcomes = await writeBatch(
      app.db,
      entries.map(({ unitId, survey, answers }) => ({
        response: {
          id: randomUUID(),
          surveyKey: survey.key,
          surveyVersion: survey.version,
          unitId,
          channel: 'kiosk',
          locale: 'vi',
          localDate,
          answers,
          contentHash: randomUUID(),
        },
      })),
    );
    expect(outcomes.every((o) => o.kind === 'inserted')).toBe(true);
  }

  beforeAll(async () => {
    ({ app, close } = await createAppWithV2(driver));
    const id = async (code: string, current: boolean) =>
      (
        await app.db
          .selectFrom('units')
          .select('id')
          .where('code', '=', code)
          .where('valid_to', current ? 'is' : 'is not', null)
          .executeTakeFirstOrThrow()
      ).id;
    unit.canTho = await id('92', true);
    unit.haTinh = await id('42', true);
    unit.oldCanTho = await id('92', false);
    const communes = await app.db
      .selectFrom('units')
      .select(['id', 'code'])
      .where('parent_id', '=', unit.haTinh)
      .where('level', '=', 'commune')
      .orderBy('code')
      .limit(2)
      .execute();
    expect(communes).toHaveLength(2);
    unit.commune1 = communes[0]!.id;
    unit.commune2 = communes[1]!.id;
    codes.commune1 = communes[0]!.code;
    codes.commune2 = communes[1]!.code;

    // Through the API, today: n/a answers, hidden feedback sections (feedback_given false), three versions.
    await post(v1, '92', answerAll(v1, 5, { feedback_given: true }));
    await post(v1, '92', answerAll(v1, 3, { [firstCriterion]: 'na' }));
    await post(v1, '92', answerAll(v1, 4, { [firstCriterion]: 2 }));
    await post(v1, '42', answerAll(v1, 1));
    await post(v2, '92', answerAll(v2, 5));
    await post(v2, '92', answerAll(v2, 4, { feedback_given: true, [firstCriterion]: 'na' }));
    await post(services2023, '92', answerAll(services2023, 4));
    await post(services2023, '92', answerAll(services2023, 2, { feedback_given: true }));
    await post(v1, codes.commune1, answerAll(v1, 5));
    await post(v1, codes.commune1, answerAll(v1, 2, { feedback_given: true }));
    await post(v1, codes.commune2, answerAll(v1, 4, { [firstCriterion]: 'na' }));

    // Other dates, around year, quarter and month boundaries, through the same writer.
    await writeOn('2025-03-15', [{ unitId: unit.oldCanTho, survey: v1, answers: answerAll(v1, 2) }]);
    await writeOn('2025-12-31', [{ unitId: unit.canTho, survey: v1, answers: answerAll(v1, 1, { feedback_given: true }) }]);
    await writeOn('2026-01-01', [
      { unitId: unit.canTho, survey: v1, answers: answerAll(v1, 5) },
      { unitId: unit.canTho, survey: v1, answers: answerAll(v1, 4, { [firstCriterion]: 'na' }) },
      { unitId: unit.haTinh, survey: v1, answers: answerAll(v1, 3) },
    ]);
    await writeOn('2026-03-31', [{ unitId: unit.canTho, survey: v2, answers: answerAll(v2, 4) }]);
    await writeOn('2026-04-01', [{ unitId: unit.canTho, survey: v1, answers: answerAll(v1, 3, { feedback_given: true }) }]);
    await writeOn('2026-06-15', [
      { unitId: unit.canTho, survey: v1, answers: answerAll(v1, 5) },
      { unitId: unit.commune1, survey: v1, answers: answerAll(v1, 1) },
    ]);
  });
  afterAll(async () => close());

  it('keeps the tallies equal to a recomputation from raw responses', async () => {
    expect(await storedResponses(app.db)).toHaveLength(20);
    await expectTalliesEqualRecomputation(app.db);
  });

  it.each<[string, DateRange]>([
    ['the year 2026 (one year row)', periodRange({ year: 2026 })],
    ['the first quarter of 2026 (three month rows)', periodRange({ year: 2026, quarter: 1 })],
    ['January 2026', periodRange({ year: 2026, month: 1 })],
    ['today', { from: today, to: today }],
    ['31/12/2025 to 01/04/2026 (days, months and a year boundary)', { from: '2025-12-31', to: '2026-04-01' }],
    ['2025 and 2026 (old and new units)', { from: '2025-01-01', to: '2026-12-31' }],
  ])('reads %s as the sum of the raw responses in it', async (_name, range) => {
    const responses = await storedResponses(app.db);
    for (const definition of [v1, v2, services2023]) {
      const scope: TallyScope = { surveyKey: definition.key, surveyVersion: definition.version, range, unitIds: [unit.canTho, unit.oldCanTho, unit.haTinh] };
      const rows = await readTallies(app.db, scope);
      for (const unitId of scope.unitIds) {
        const want = expectedOver(responses, [unitId], definition, range);
        const got = rows.find((row) => row.unitId === unitId);
        if (want.respondents === 0) {
          expect(got).toBeUndefined();
          continue;
        }
        expect(got).toMatchObject({ period: null, respondents: want.respondents, scored: want.scored, levelCounts: want.levelCounts });
        expect(got!.shareSum).toBeCloseTo(want.shareSum, 6);
      }
      const [all] = await readTallies(app.db, { ...scope, groupBy: 'all' });
      const wantAll = expectedOver(responses, [...scope.unitIds], definition, range);
      expect(all?.respondents ?? 0).toBe(wantAll.respondents);
      if (all) expect(all.levelCounts).toEqual(wantAll.levelCounts);
    }
  });

  it('splits a range into month, quarter and year buckets for trends', async () => {
    const responses = await storedResponses(app.db);
    const range = { from: '2025-12-15', to: '2026-12-31' };
    const bucketRange = (start: string, bucket: 'month' | 'quarter' | 'year'): DateRange => {
      const [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
      const whole = periodRange(bucket === 'year' ? { year } : bucket === 'quarter' ? { year, quarter: (month + 2) / 3 } : { year, month });
      return { from: whole.from < range.from ? range.from : whole.from, to: whole.to };
    };
    for (const bucket of ['month', 'quarter', 'year'] as const) {
      const rows = await readTallies(app.db, { surveyKey: v1.key, surveyVersion: v1.version, range, unitIds: [unit.canTho], bucket });
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) {
        const want = expectedOver(responses, [unit.canTho], v1, bucketRange(row.period!, bucket));
        expect({ period: row.period, respondents: row.respondents, levelCounts: row.levelCounts }).toEqual({
          period: row.period,
          respondents: want.respondents,
          levelCounts: want.levelCounts,
        });
      }
      expect(rows.reduce((sum, row) => sum + row.respondents, 0)).toBe(expectedOver(responses, [unit.canTho], v1, range).respondents);
    }
    const quarters = await readTallies(app.db, { surveyKey: v1.key, surveyVersion: v1.version, range: periodRange({ year: 2026 }), unitIds: [unit.canTho], bucket: 'quarter' });
    // 01/01 ×2 and 31/03 is v2; 01/04; 15/06; today (26/11) ×3.
    expect(quarters.map((q) => [q.period, q.respondents])).toEqual([
      ['2026-01-01', 2],
      ['2026-04-01', 2],
      ['2026-10-01', 3],
    ]);
  });

  it('scores from the tallies as the results API scores from raw responses, under each version’s spec', async () => {
    const range = { from: '2025-07-01', to: '2026-12-31' }; // the current Cần Thơ exists from 01/07/2025
    for (const definition of [v1, v2, services2023]) {
      const [report] = await scoreTallies(app.db, definition, { range, unitIds: [unit.canTho] });
      const results = (
        await app.inject({
          method: 'GET',
          url: `/api/results?survey=${definition.key}&unit=92&version=${definition.version}&from=${range.from}&to=${range.to}&subtree=false`,
          headers: await adminHeaders(app),
        })
      ).json();
      expect(report!.respondents).toBe(results.responses);
      expect(report!.score.overall.method).toBe(definition.scoring.overallMethod);
      expect(report!.score.overall.share).toBeCloseTo(results.overall.share, 9);
      for (const [i, component] of report!.score.components.entries()) {
        expect(component.share === null).toBe(results.components[i].share === null);
        if (component.share !== null) expect(component.share).toBeCloseTo(results.components[i].share, 9);
        expect(component.criteria.map((c) => [c.id, c.satisfied, c.valid])).toEqual(
          results.components[i].criteria.map((c: { id: string; satisfied: number; n: number }) => [c.id, c.satisfied, c.n]),
        );
      }
    }
  });

  it('lists units and buckets without responses with empty scores', async () => {
    const rows = await scoreTallies(app.db, v2, { range: periodRange({ year: 2026 }), unitIds: [unit.canTho, unit.haTinh], bucket: 'quarter' });
    expect(rows.map((r) => [r.unitId, r.period, r.respondents])).toEqual([
      [unit.canTho, '2026-01-01', 1],
      [unit.canTho, '2026-04-01', 0],
      [unit.canTho, '2026-07-01', 0],
      [unit.canTho, '2026-10-01', 2],
      [unit.haTinh, '2026-01-01', 0],
      [unit.haTinh, '2026-04-01', 0],
      [unit.haTinh, '2026-07-01', 0],
      [unit.haTinh, '2026-10-01', 0],
    ]);
    const empty = rows.find((r) => r.unitId === unit.haTinh)!.score.overall;
    expect(empty).toMatchObject({ method: 'respondent-level', share: null, respondents: 0, belowMinimum: true });
  });

  it('recomputes a published figure under another spec from the same counts', async () => {
    const range = { from: today, to: today };
    const [asPublished] = await scoreTallies(app.db, v1, { range, unitIds: [unit.canTho] });
    const [onlyFive] = await scoreTallies(app.db, { ...v1, scoring: { ...v1.scoring, satisfiedLevels: [5] } }, { range, unitIds: [unit.canTho] });
    // Today at Cần Thơ, first criterion: 5, n/a, 2 -> 1 of 2 under either spec; the others: 5, 3, 4 -> 2 of 3, then 1 of 3.
    expect(asPublished!.score.components[0]!.criteria[1]).toMatchObject({ satisfied: 2, valid: 3 });
    expect(onlyFive!.score.components[0]!.criteria[1]).toMatchObject({ satisfied: 1, valid: 3 });
    // The raw counts behind both.
    const [raw] = await readTallies(app.db, { surveyKey: v1.key, surveyVersion: 1, range, unitIds: [unit.canTho] });
    const levels = decodeLevelCounts(await listTallyQuestions(app.db, v1.key, 1), raw!.levelCounts);
    expect(levels.get(firstCriterion)).toEqual({ '1': 0, '2': 1, '3': 0, '4': 0, '5': 1, na: 1 });
  });

  it('sums a province from its subtree, keeping only units valid in the period', async () => {
    const responses = await storedResponses(app.db);
    const year = periodRange({ year: 2026 });
    const [province] = await readTallies(app.db, { surveyKey: v1.key, surveyVersion: v1.version, range: year, unitIds: [unit.haTinh], subtree: true });
    const own = expectedOver(responses, [unit.haTinh], v1, year);
    const communes = expectedOver(responses, [unit.commune1, unit.commune2], v1, year);
    expect(communes.respondents).toBe(4);
    expect(province).toMatchObject({ unitId: unit.haTinh, respondents: own.respondents + communes.respondents });
    expect(province!.levelCounts).toEqual(expectedOver(responses, [unit.haTinh, unit.commune1, unit.commune2], v1, year).levelCounts);
    const [withoutSubtree] = await readTallies(app.db, { surveyKey: v1.key, surveyVersion: v1.version, range: year, unitIds: [unit.haTinh] });
    expect(withoutSubtree!.respondents).toBe(own.respondents);

    // A department of Hà Tĩnh that existed only in the second half of 2025 belongs to the subtree of 2025, not of 2026.
    const department = await app.db
      .insertInto('units')
      .values({ code: '42-TEST', name_vi: 'Sở thử', full_name_vi: 'Sở thử', type: 'sở', level: 'department', parent_id: unit.haTinh, valid_from: '2025-07-01', valid_to: '2025-12-31' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const in2026 = await listSubtreeUnits(app.db, [unit.haTinh], year);
    const in2025 = await listSubtreeUnits(app.db, [unit.haTinh], { from: '2025-07-01', to: '2025-12-31' });
    expect(in2026.map((u) => u.unitId)).toEqual(expect.arrayContaining([unit.haTinh, unit.commune1, unit.commune2]));
    expect(in2026.map((u) => u.unitId)).not.toContain(department.id);
    expect(in2025.map((u) => u.unitId)).toContain(department.id);
    await app.db.deleteFrom('units').where('id', '=', department.id).execute();
  });

  it('stays exact when responses are deleted or changed', async () => {
    const [victim, changed] = await app.db.selectFrom('responses').select('id').where('unit_id', '=', unit.canTho).orderBy('id').limit(2).execute();
    await app.db.deleteFrom('responses').where('id', '=', victim!.id).execute();
    await sql`update responses set answers = answers || '{"access_seats": 1}'::jsonb where id = ${changed!.id}`.execute(app.db);
    await expectTalliesEqualRecomputation(app.db);
    // A day whose last response goes leaves no row behind.
    await app.db.deleteFrom('responses').where('local_date', '=', '2026-03-31').execute();
    const left = await app.db.selectFrom('response_tallies').select('grain').where('grain', '=', 'day').where('period_start', '=', '2026-03-31').execute();
    expect(left).toEqual([]);
    await expectTalliesEqualRecomputation(app.db);
  });
});

describe.each(testDrivers())('aggregates of the demo data on %s PostgreSQL', (driver) => {
  it('equal a recomputation after seeding', async () => {
    const t = await createTestApp(driver);
    try {
      const catalog = await loadSurveyCatalog(t.app.db);
      const seeded = await seedDemoData(t.app.db, catalog, '2026-11-26');
      expect(seeded).toBeGreaterThan(500);
      await expectTalliesEqualRecomputation(t.app.db);
      const year = await readTallies(t.app.db, {
        surveyKey: 'sipas-2017',
        surveyVersion: 1,
        range: { from: '2025-01-01', to: '2026-12-31' },
        unitIds: (await t.app.db.selectFrom('units').select('id').where('level', '=', 'province').execute()).map((u) => u.id),
        groupBy: 'all',
      });
      expect(year[0]!.respondents).toBe(seeded);
    } finally {
      await t.close();
    }
  });
});

describe.each(testDrivers())('migration 0005 on %s PostgreSQL', (driver) => {
  it('counts the responses stored before it, and its down() removes everything it made', async () => {
    const cleanups: Array<() => Promise<void>> = [];
    let db: Kysely<Database>;
    if (driver === 'embedded') {
      db = new Kysely<Database>({ dialect: new PGliteDialect(await PGlite.create()) });
    } else {
      const server = await createServerDatabase();
      cleanups.push(server.drop);
      db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: server.url }) }) });
    }
    cleanups.unshift(() => db.destroy());
    try {
      const migrations: Record<string, Migration> = {
        '0001-initial': m0001,
        '0002-unit-registry': m0002,
        '0003-receipt-tokens': m0003,
        '0004-kiosk-devices': m0004,
        '0005-response-tallies': m0005,
      };
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('0004-kiosk-devices')).error).toBeUndefined();

      const { id: unitId } = await db
        .insertInto('units')
        .values({ code: '92', name_vi: 'Cần Thơ', full_name_vi: 'Thành phố Cần Thơ', type: 'tp', level: 'province', valid_from: '2025-07-01' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('survey_versions').values({ key: v1.key, version: 1, content_hash: 'h', content: JSON.stringify(v1) }).execute();
      const rows = [
        ['2025-12-31', answerAll(v1, 5, { feedback_given: true })],
        ['2026-01-01', answerAll(v1, 2, { [firstCriterion]: 'na' })],
        ['2026-01-01', answerAll(v1, 4)],
      ] as const;
      await db
        .insertInto('responses')
        .values(
          rows.map(([localDate, answers]) => ({
            id: randomUUID(),
            survey_key: v1.key,
            survey_version: 1,
            unit_id: unitId,
            channel: 'web',
            locale: 'vi',
            local_date: localDate,
            answers: JSON.stringify(answers),
            content_hash: 'h',
          })),
        )
        .execute();

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      await expectTalliesEqualRecomputation(db);
      expect((await storedTallies(db)).size).toBe(6); // two days, two months, two years

      expect((await migrator.migrateTo('0004-kiosk-devices')).error).toBeUndefined();
      const { rows: left } = await sql<{ name: string }>`
        select proname as name from pg_proc where proname like 'tally%' or proname like 'responses_tally%'
        union all select relname from pg_class where relname like '%tall%'`.execute(db);
      expect(left).toEqual([]);
      // Inserting works without the triggers once they are gone.
      await db.deleteFrom('responses').execute();
    } finally {
      for (const cleanup of cleanups) await cleanup();
    }
  });
});
