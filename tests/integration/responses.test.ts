import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

const definition: SurveyDefinition = (await loadDefinitions()).find(
  (d) => d.definition.key === 'sipas-2017' && d.definition.version === 1,
)!.definition;
const firstCriterion = definition.scoring.components[0]!.criteria[0]!;

function validBody(overrides: Record<string, unknown> = {}) {
  return { survey: 'sipas-2017', version: 1, unit: '92', answers: answerAll(definition, 5), ...overrides };
}

describe.each(testDrivers())('POST /api/responses on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.close());

  const countResponses = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from responses`.execute(t.app.db)).rows[0]!.n;
  const post = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/responses', payload: payload as object });

  it('stores a valid response and answers 201 with its id', async () => {
    const before = await countResponses();
    const res = await post(validBody());
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countResponses()).toBe(before + 1);

    const stored = await t.app.db.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ survey_key: 'sipas-2017', survey_version: 1, channel: 'web', locale: 'vi' });
    expect(stored.answers[firstCriterion]).toBe(5);
  });

  it.each([
    ['an unknown unit', validBody({ unit: '999' }), 'unit', 'unknown unit'],
    ['an unknown survey', validBody({ survey: 'no-such-survey' }), 'survey', 'unknown survey'],
    ['an unknown version', validBody({ version: 99 }), 'version', 'unknown version'],
    ['an unknown question', validBody({ answers: { ...answerAll(definition, 5), made_up: 3 } }), 'answers.made_up', 'unknown'],
    ['an answer out of range', validBody({ answers: { ...answerAll(definition, 5), [firstCriterion]: 7 } }), `answers.${firstCriterion}`, '1 to 5'],
    ['a missing required answer', validBody({ answers: {} }), `answers.${firstCriterion}`, 'required'],
    ['a version that is not a number', validBody({ version: 'one' }), 'version', ''],
    ['an unknown field', validBody({ extra: true }), '', ''],
    ['a unit code with bad characters', validBody({ unit: "92'; drop table units" }), 'unit', ''],
    ['answers that are not an object', validBody({ answers: [1, 2] }), 'answers', ''],
  ])('refuses %s with 400 naming the field, storing nothing', async (_case, payload, path, words) => {
    const before = await countResponses();
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.statusCode).toBe(400);
    expect(Array.isArray(body.issues)).toBe(true);
    const issue = body.issues.find((i: { path: string }) => i.path === path) ?? body.issues[0];
    if (path) expect(issue.path).toBe(path);
    expect(issue.message).toContain(words);
    expect(body.message).toContain('Invalid');
    expect(await countResponses()).toBe(before);
  });

  it('reports every bad answer at once', async () => {
    const criteria = definition.scoring.components[0]!.criteria;
    const answers = { ...answerAll(definition, 5), [criteria[0]!]: 0, [criteria[1]!]: 'great' };
    const res = await post(validBody({ answers, unit: 'XX' }));
    expect(res.statusCode).toBe(400);
    const paths = res.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['unit', `answers.${criteria[0]}`, `answers.${criteria[1]}`]));
  });

  it('refuses a malformed JSON body with 400', async () => {
    const before = await countResponses();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/responses',
      headers: { 'content-type': 'application/json' },
      payload: '{"survey": "sipas-2017",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('body');
    expect(await countResponses()).toBe(before);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await post(validBody({ answers: { comment: 'x'.repeat(100_000) } }));
    expect(res.statusCode).toBe(413);
  });

  it('counts a retried submission once and refuses the same id with other content', async () => {
    const id = randomUUID();
    const before = await countResponses();
    const first = await post(validBody({ id }));
    const retry = await post(validBody({ id }));
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual({ id });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await countResponses()).toBe(before + 1);

    const conflicting = await post(validBody({ id, answers: answerAll(definition, 2) }));
    expect(conflicting.statusCode).toBe(409);
    expect(await countResponses()).toBe(before + 1);
  });

  it('stores a response resubmitted 20 times concurrently once', async () => {
    const id = randomUUID();
    const before = await countResponses();
    const results = await Promise.all(Array.from({ length: 20 }, () => post(validBody({ id }))));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(await countResponses()).toBe(before + 1);
  });
});
