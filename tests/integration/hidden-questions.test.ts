import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

const definition: SurveyDefinition = loadDefinitions().find((d) => d.definition.key === 'sipas-2023-services')!.definition;
const feedbackCriteria = definition.scoring.components.find((c) => c.id === 'feedback')!.criteria;

describe.each(testDrivers())('show-if conditions enforced by the server on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.close());

  const post = (answers: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: { survey: 'sipas-2023-services', version: 1, unit: '42', answers },
    });

  it('accepts the feedback questions from a respondent who gave feedback', async () => {
    const answers = answerAll(definition, 4, { feedback_given: true });
    expect(Object.keys(answers)).toEqual(expect.arrayContaining(feedbackCriteria));
    expect((await post(answers)).statusCode).toBe(201);
  });

  it('refuses answers to the feedback questions from a respondent who gave none, naming each', async () => {
    const answers = { ...answerAll(definition, 4, { feedback_given: false }), ...Object.fromEntries(feedbackCriteria.map((id) => [id, 5])) };
    const res = await post(answers);
    expect(res.statusCode).toBe(400);
    const issues: Array<{ path: string; message: string }> = res.json().issues;
    expect(issues.map((i) => i.path).sort()).toEqual(feedbackCriteria.map((id) => `answers.${id}`).sort());
    expect(issues[0]!.message).toContain('hidden');
    const stored = await t.app.db.selectFrom('responses').select('id').execute();
    expect(stored).toHaveLength(1); // only the first test's response
  });
});
