import { randomUUID } from 'node:crypto';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { Answers, SurveyDefinition } from '@sipas/survey-definitions/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTallyQuestions, readTallies } from '../../server/src/features/aggregates/aggregates.queries.ts';
import { verifyTallies } from '../../server/src/features/aggregates/aggregates.service.ts';
import { decodeLevelCounts } from '../../server/src/features/aggregates/tally-vectors.ts';
import { writeBatch } from '../../server/src/features/responses/response-writer.ts';
import { vietnamDate } from '../../server/src/local-date.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

// Concurrent group-commit batches update the same tally rows (same units, same day, month and year): the
// row locks must serialise them without losing a count, and without deadlocks.

const definition: SurveyDefinition = loadDefinitions().find((d) => d.definition.key === 'sipas-2017' && d.definition.version === 1)!
  .definition;
const firstCriterion = definition.scoring.components[0]!.criteria[0]!;
const UNITS = ['92', '42', '01', '79', '48'];

/** Response i: unit i mod 5, all criteria at level 1 + i mod 5, the first criterion n/a every seventh. */
function payload(i: number): { unit: string; answers: Answers } {
  const level = (1 + (i % 5)) as 1 | 2 | 3 | 4 | 5;
  const overrides: Answers = i % 7 === 0 ? { [firstCriterion]: 'na' } : {};
  if (i % 3 === 0) overrides.feedback_given = true;
  return { unit: UNITS[i % UNITS.length]!, answers: answerAll(definition, level, overrides) };
}

describe.each(testDrivers())('aggregates under concurrent writes on %s PostgreSQL', (driver) => {
  let t: TestApp;
  const unitIds = new Map<string, number>();
  beforeAll(async () => {
    t = await createTestApp(driver, { rateLimits: { ipPerMinute: 1_000_000, tokenPerMinute: 10, devicePerMinute: 1_000_000, counterPerHour: 1_000_000 } });
    for (const code of UNITS) {
      const unit = await t.app.db.selectFrom('units').select('id').where('code', '=', code).where('valid_to', 'is', null).executeTakeFirstOrThrow();
      unitIds.set(code, unit.id);
    }
  });
  afterAll(async () => t.close());

  it('stay exact after 200 parallel POSTs', async () => {
    const posts = Array.from({ length: 200 }, (_, i) => {
      const { unit, answers } = payload(i);
      return t.app.inject({ method: 'POST', url: '/api/responses', payload: { survey: 'sipas-2017', version: 1, unit, answers } });
    });
    const responses = await Promise.all(posts);
    expect(responses.map((r) => r.statusCode)).toEqual(Array(200).fill(201));

    const verified = await verifyTallies(t.app.db);
    expect(verified.differences).toEqual([]);
    expect(verified.responses).toBe(200);

    // And against the payloads themselves: per unit, respondents and the first criterion's levels.
    const today = vietnamDate(new Date());
    const rows = await readTallies(t.app.db, {
      surveyKey: 'sipas-2017',
      surveyVersion: 1,
      range: { from: today, to: today },
      unitIds: [...unitIds.values()],
    });
    const questions = await listTallyQuestions(t.app.db, 'sipas-2017', 1);
    for (const [code, id] of unitIds) {
      const sent = Array.from({ length: 200 }, (_, i) => payload(i)).filter((p) => p.unit === code);
      const row = rows.find((r) => r.unitId === id)!;
      expect(row.respondents).toBe(sent.length);
      const first = decodeLevelCounts(questions, row.levelCounts).get(firstCriterion)!;
      const level = String(sent[0]!.answers.access_equipment_sufficient);
      expect(first.na + first[level as '1']).toBe(sent.length); // one unit, one level (i mod 5 fixes both)
      expect(first.na).toBe(sent.filter((p) => p.answers[firstCriterion] === 'na').length);
    }
  });

  it('stay exact when batches touch the same rows in different orders', async () => {
    const ids = [...unitIds.values()];
    // Eight batches of 250 at once, each over every unit in its own order, on dates that share days, months and
    // years. (With the trigger's rows in random order instead of key order, this fails with "deadlock detected".)
    const batches = Array.from({ length: 8 }, (_, b) =>
      Array.from({ length: 250 }, (_, i) => ({
        response: {
          id: randomUUID(),
          surveyKey: 'sipas-2017',
          surveyVersion: 1,
          unitId: ids[(i * (b + 1)) % ids.length]!,
          channel: 'kiosk',
          locale: 'vi',
          localDate: `2026-0${1 + (i % 9)}-1${i % 10}`,
          answers: answerAll(definition, (1 + ((i + b) % 5)) as 1),
          contentHash: 'h',
        },
      })),
    );
    const outcomes = await Promise.all(batches.map((batch) => writeBatch(t.app.db, batch)));
    expect(outcomes.flat().every((o) => o.kind === 'inserted')).toBe(true);
    const verified = await verifyTallies(t.app.db);
    expect(verified.differences).toEqual([]);
    expect(verified.responses).toBe(200 + 8 * 250);
  });
});
