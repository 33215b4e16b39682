import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

const definition: SurveyDefinition = (await loadDefinitions()).find(
  (d) => d.definition.key === 'sipas-2017' && d.definition.version === 1,
)!.definition;
const [access, procedure, staff, result, feedback] = definition.scoring.components;
const firstCriterion = access!.criteria[0]!;

describe.each(testDrivers())('GET /api/results on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
    // Hand-made scenario at Cần Thơ (92):
    //   R1: every criterion 5, and gave feedback (so the feedback factor is answered, all 5);
    //   R2: every criterion 3, the first access criterion "not applicable";
    //   R3: every criterion 4, the first access criterion 2. No feedback for R2, R3.
    const responses = [
      answerAll(definition, 5, { feedback_given: true }),
      answerAll(definition, 3, { [firstCriterion]: 'na' }),
      answerAll(definition, 4, { [firstCriterion]: 2 }),
    ];
    for (const answers of responses) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/responses',
        payload: { survey: 'sipas-2017', version: 1, unit: '92', answers },
      });
      expect(res.statusCode).toBe(201);
    }
    // A response elsewhere must not leak into Cần Thơ's figures.
    await t.app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: { survey: 'sipas-2017', version: 1, unit: '42', answers: answerAll(definition, 1) },
    });
  });
  afterAll(async () => t.close());

  it('gives per-criterion and per-component shares satisfied with n', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/results?survey=sipas-2017&unit=92' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.responses).toBe(3);
    expect(body.unit).toEqual({ code: '92', nameVi: 'Cần Thơ', nameEn: 'Can Tho' });
    expect(body.survey).toMatchObject({ key: 'sipas-2017', version: 1 });

    const byId = new Map(body.components.map((c: { id: string }) => [c.id, c]));
    const accessResult = byId.get(access!.id) as { share: number; n: number; criteria: Array<{ id: string; share: number; n: number; satisfied: number }> };
    // First access criterion: R1 5 (satisfied), R2 n/a (excluded), R3 2 -> 1 of 2 = 50 %.
    expect(accessResult.criteria[0]).toMatchObject({ id: firstCriterion, satisfied: 1, n: 2, share: 50 });
    // Other criteria: 5, 3, 4 -> 2 of 3 = 66.67 %.
    expect(accessResult.criteria[1]!.share).toBeCloseTo(66.6667, 3);
    const k = access!.criteria.length;
    expect(accessResult.share).toBeCloseTo((50 + (k - 1) * (200 / 3)) / k, 6);
    expect(accessResult.n).toBe(2 + (k - 1) * 3);

    for (const component of [procedure!, staff!, result!]) {
      const scored = byId.get(component.id) as { share: number; n: number };
      expect(scored.share).toBeCloseTo(200 / 3, 6);
      expect(scored.n).toBe(component.criteria.length * 3);
    }
    // Only R1 gave feedback, all 5: 100 %, one answer per criterion.
    expect(byId.get(feedback!.id)).toMatchObject({ share: 100, n: feedback!.criteria.length });

    // Mean of the five component indices (the spec's method for sipas-2017).
    expect(body.overall.method).toBe('mean-of-components');
    const expectedOverall = ((50 + (k - 1) * (200 / 3)) / k + 3 * (200 / 3) + 100) / 5;
    expect(body.overall.share).toBeCloseTo(expectedOverall, 6);
  });

  it('lists units with their response counts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/units' });
    expect(res.statusCode).toBe(200);
    const units: Array<{ code: string; responseCount: number }> = res.json().units;
    expect(units).toHaveLength(34);
    expect(units.find((u) => u.code === '92')?.responseCount).toBe(3);
    expect(units.find((u) => u.code === '42')?.responseCount).toBe(1);
    expect(units.find((u) => u.code === '01')?.responseCount).toBe(0);
  });

  it.each([
    ['/api/results?survey=sipas-2017&unit=999', 404, 'Unknown unit 999'],
    ['/api/results?survey=nope&unit=92', 404, 'Unknown survey nope'],
    ['/api/results?unit=92', 400, 'survey'],
    ['/api/results?survey=sipas-2017&unit=92&version=abc', 400, 'version'],
  ])('%s -> %i', async (url, status, words) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toContain(words);
  });
});
