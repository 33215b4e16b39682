import { randomUUID } from 'node:crypto';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnitValidOn } from '../../server/src/features/units/units.queries.ts';
import { adminHeaders } from '../support/admin-session.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

const definition = loadDefinitions().find((d) => d.definition.key === 'sipas-2017' && d.definition.version === 1)!.definition;
const priorities = definition.sections.flatMap((s) => s.questions).find((q) => q.id === 'improvement_priorities')!;
const labelOf = (code: string) => (priorities.type === 'multipleChoice' ? priorities.options.find((o) => o.code === code)!.label : null);

// [unit, channel, priorities chosen (empty: not answered), procedure index (null: none)]
type Row = ['province' | 'commune' | 'sibling', string, string[], number | null];
const ROWS: Row[] = [
  ['province', 'qr', ['staff', 'procedure'], 0],
  ['province', 'qr', ['staff'], 0],
  ['province', 'web', ['procedure', 'access', 'staff'], 1],
  ['commune', 'kiosk', ['feedback'], 0],
  ['commune', 'kiosk', [], 2],
  ['commune', 'kiosk', ['staff'], null],
  ['sibling', 'web', ['result'], 0],
];

describe.each(testDrivers())('GET /api/breakdowns on %s PostgreSQL', (driver) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let procedures: Array<{ code: string; name_vi: string }>;

  const get = (query: string) => t.app.inject({ method: 'GET', url: `/api/breakdowns?survey=sipas-2017&version=1&unit=92${query}`, headers });

  beforeAll(async () => {
    t = await createTestApp(driver);
    headers = await adminHeaders(t.app);
    const first = await t.app.inject({ method: 'POST', url: '/api/responses', payload: { survey: 'sipas-2017', version: 1, unit: '01', answers: answerAll(definition, 3) } });
    expect(first.statusCode).toBe(201);
    const province = (await findUnitValidOn(t.app.db, '92', '2026-03-01'))!;
    const sibling = (await findUnitValidOn(t.app.db, '42', '2026-03-01'))!;
    const commune = await t.app.db.selectFrom('units').select('id').where('parent_id', '=', province.id).orderBy('code').executeTakeFirstOrThrow();
    procedures = await t.app.db.selectFrom('procedures').select(['code', 'name_vi']).orderBy('code').limit(2).execute();
    const unitIds = { province: province.id, commune: commune.id, sibling: sibling.id };
    for (const [unit, channel, chosen, procedure] of ROWS) {
      const answers = answerAll(definition, 4, { improvement_priorities: chosen.length > 0 ? chosen : (undefined as never) });
      await t.app.db
        .insertInto('responses')
        .values({
          id: randomUUID(),
          survey_key: 'sipas-2017',
          survey_version: 1,
          unit_id: unitIds[unit],
          channel,
          locale: 'vi',
          local_date: '2026-03-01',
          answers: JSON.stringify(answers),
          content_hash: 'test',
          // Index 2: a code the catalogue does not hold (stored from an older catalogue).
          procedure_code: procedure === null ? null : procedure === 2 ? '9.999999' : procedures[procedure]!.code,
        })
        .execute();
    }
  });
  afterAll(async () => t.close());

  it('ranks the expectations, counts channels and the procedures most answered, over the subtree', async () => {
    const res = await get('');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.responses).toBe(6);
    // 5 respondents chose something: staff 4, procedure 2, access 1, feedback 1, result 0 (ties in definition order).
    expect(body.expectations).toEqual([
      {
        questionId: 'improvement_priorities',
        text: priorities.text,
        respondents: 5,
        choices: [
          { code: 'staff', label: labelOf('staff'), count: 4, share: 80 },
          { code: 'procedure', label: labelOf('procedure'), count: 2, share: 40 },
          { code: 'access', label: labelOf('access'), count: 1, share: 20 },
          { code: 'feedback', label: labelOf('feedback'), count: 1, share: 20 },
          { code: 'result', label: labelOf('result'), count: 0, share: 0 },
        ],
      },
    ]);
    expect(body.channels).toEqual([
      { channel: 'kiosk', count: 3, share: 50 },
      { channel: 'qr', count: 2, share: (100 * 2) / 6 },
      { channel: 'web', count: 1, share: (100 * 1) / 6 },
    ]);
    expect(body.procedures).toEqual({
      withProcedure: 5,
      top: [
        { code: procedures[0]!.code, nameVi: procedures[0]!.name_vi, count: 3, share: 50 },
        { code: procedures[1]!.code, nameVi: procedures[1]!.name_vi, count: 1, share: (100 * 1) / 6 },
        { code: '9.999999', nameVi: null, count: 1, share: (100 * 1) / 6 },
      ],
    });
  });

  it('counts nothing outside the date range', async () => {
    const body = (await get('&from=2026-04-01')).json();
    expect(body).toMatchObject({ responses: 0, channels: [], procedures: { withProcedure: 0, top: [] } });
    expect(body.expectations[0]).toMatchObject({ respondents: 0, choices: expect.arrayContaining([{ code: 'staff', label: labelOf('staff'), count: 0, share: 0 }]) });
  });

  it('has no expectations for a version without a multiple-choice question', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/breakdowns?survey=sipas-2023-services&version=1&unit=92', headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ responses: 0, expectations: [] });
  });

  it('is scoped to the signed-in user’s units: 401 without a session, 403 outside the subtree', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/breakdowns?survey=sipas-2017&unit=92' })).statusCode).toBe(401);
    const viewer = await adminHeaders(t.app, { role: 'viewer', unitCode: '42' });
    expect((await t.app.inject({ method: 'GET', url: '/api/breakdowns?survey=sipas-2017&unit=92', headers: viewer })).statusCode).toBe(403);
    const own = await t.app.inject({ method: 'GET', url: '/api/breakdowns?survey=sipas-2017&unit=42', headers: viewer });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ responses: 1, channels: [{ channel: 'web', count: 1, share: 100 }] });
  });

  it.each([
    ['&from=2026-05-01&to=2026-04-01', 400],
    ['&bogus=1', 400],
    ['&unit=99', 400], // given twice
  ])('refuses %s with %i', async (query, status) => {
    expect((await get(query)).statusCode).toBe(status);
  });

  it.each([
    ['?survey=sipas-2017&version=7&unit=92', 'Unknown survey sipas-2017 version 7'],
    ['?survey=sipas-2017&unit=99999', 'Unknown unit 99999'],
  ])('answers 404 for %s', async (query, message) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/breakdowns${query}`, headers });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe(message);
  });
});
