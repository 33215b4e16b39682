import { randomUUID } from 'node:crypto';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import { allQuestions, type Answers } from '@sipas/survey-definitions/schema';
import { sql } from 'kysely';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAW_LEADING_COLUMNS } from '../../server/src/features/exports/raw-layout.ts';
import { findUnitValidOn } from '../../server/src/features/units/units.queries.ts';
import { vietnamDate } from '../../server/src/local-date.ts';
import { adminHeaders } from '../support/admin-session.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

const definition = loadDefinitions().find((d) => d.definition.key === 'sipas-2017' && d.definition.version === 1)!.definition;
const questionIds = allQuestions(definition).map(({ question }) => question.id);
const BOM = '\uFEFF';

function parseCsv(body: string): Array<Record<string, string>> {
  expect(body.startsWith(BOM)).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(body.slice(BOM.length), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe.each(testDrivers())('GET /api/exports/responses.csv on %s PostgreSQL', (driver) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let commune: { id: number; code: string };
  let procedureCode: string;
  const today = vietnamDate(new Date());
  const full = { id: randomUUID(), answers: {} as Answers };
  const communeResponse = randomUUID();

  const get = (query: string) => t.app.inject({ method: 'GET', url: `/api/exports/responses.csv${query}`, headers });

  beforeAll(async () => {
    t = await createTestApp(driver);
    headers = await adminHeaders(t.app);
    const canTho = (await findUnitValidOn(t.app.db, '92', today))!;
    commune = await t.app.db
      .selectFrom('units')
      .select(['id', 'code'])
      .where('parent_id', '=', canTho.id)
      .where('valid_to', 'is', null)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    procedureCode = (await t.app.db.selectFrom('procedures').select('code').orderBy('code').executeTakeFirstOrThrow()).code;
    // Every kind of cell: levels, "na", yes/no, several codes, a formula-like multi-line comment, blanks.
    full.answers = answerAll(definition, 4, {
      access_seats: 'na',
      staff_polite: 2,
      feedback_given: false,
      improvement_priorities: ['staff', 'procedure'],
      comment: '=HYPERLINK("x")\nCán bộ "nhiệt tình", chu đáo',
      gender: 'female',
      education: undefined as never, // left unanswered
    });
    const posts = [
      { id: full.id, survey: 'sipas-2017', version: 1, unit: '92', channel: 'qr', procedure: procedureCode, answers: full.answers },
      { id: communeResponse, survey: 'sipas-2017', version: 1, unit: commune.code, channel: 'web', answers: answerAll(definition, 5) },
    ];
    for (const payload of posts) {
      const res = await t.app.inject({ method: 'POST', url: '/api/responses', payload });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('streams one row per response, the layout’s columns, coded values', async () => {
    const res = await get('?survey=sipas-2017&version=1&unit=92');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="raw-responses_sipas-2017-v1_92_start_today.csv"');
    const [headerLine] = res.body.slice(BOM.length).split('\r\n');
    expect(headerLine!.split(',')).toEqual([...RAW_LEADING_COLUMNS, ...questionIds]);

    const rows = parseCsv(res.body);
    expect(rows).toHaveLength(1); // not the commune's: no subtree
    const row = rows[0]!;
    expect(row).toMatchObject({
      response_id: full.id,
      survey_key: 'sipas-2017',
      survey_version: '1',
      unit_code: '92',
      local_date: today,
      channel: 'qr',
      locale: 'vi',
      procedure_code: procedureCode,
      from_receipt: '0',
      feedback_given: '0',
      access_seats: 'na',
      access_equipment_sufficient: '4',
      staff_polite: '2',
      improvement_priorities: 'staff;procedure',
      comment: `'=HYPERLINK("x")\nCán bộ "nhiệt tình", chu đáo`,
      gender: 'female',
      // Hidden (feedback_given is no) and unanswered optional questions are blank.
      feedback_channel_exists: '',
      feedback_reported_in_time: '',
      education: '',
    });
    expect(res.body).toContain(`,4,`); // levels are numbers, unquoted
  });

  it('with subtree=true adds the units below, with their own codes', async () => {
    const rows = parseCsv((await get('?survey=sipas-2017&version=1&unit=92&subtree=true')).body);
    expect(rows.map((r) => [r.response_id, r.unit_code])).toEqual([
      [full.id, '92'],
      [communeResponse, commune.code],
    ]);
    expect(rows[1]).toMatchObject({ channel: 'web', procedure_code: '', access_seats: '5' });
  });

  it('keeps to the date range (both ends inclusive)', async () => {
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(parseCsv((await get(`?survey=sipas-2017&version=1&unit=92&from=${today}&to=${today}`)).body)).toHaveLength(1);
    const later = await get(`?survey=sipas-2017&version=1&unit=92&from=${tomorrow}`);
    expect(later.statusCode).toBe(200);
    expect(later.body).toBe(`${BOM}${[...RAW_LEADING_COLUMNS, ...questionIds].join(',')}\r\n`);
  });

  it('reads a large unit batch by batch, every response exactly once', async () => {
    const unit = (await findUnitValidOn(t.app.db, '42', today))!;
    const answers = JSON.stringify(answerAll(definition, 3));
    await sql`insert into responses (id, survey_key, survey_version, unit_id, channel, locale, local_date, answers, content_hash)
              select gen_random_uuid(), 'sipas-2017', 1, ${unit.id}, 'kiosk', 'vi', ${today}::date, ${answers}::jsonb, 'bulk'
                from generate_series(1, 4500)`.execute(t.app.db);
    const res = await get('?survey=sipas-2017&version=1&unit=42');
    const rows = parseCsv(res.body);
    const stored = await t.app.db.selectFrom('responses').select('id').where('unit_id', '=', unit.id).execute();
    expect(rows).toHaveLength(4500);
    expect(new Set(rows.map((r) => r.response_id))).toEqual(new Set(stored.map((r) => r.id)));
    expect(rows.map((r) => r.response_id)).toEqual(rows.map((r) => r.response_id).sort());
  });

  it('is scoped to the signed-in user’s units: 401 without a session, 403 outside the subtree', async () => {
    const url = (unit: string) => `/api/exports/responses.csv?survey=sipas-2017&version=1&unit=${unit}`;
    expect((await t.app.inject({ method: 'GET', url: url('92') })).statusCode).toBe(401);
    const viewer = await adminHeaders(t.app, { role: 'viewer', unitCode: commune.code });
    expect((await t.app.inject({ method: 'GET', url: url('92'), headers: viewer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `${url('92')}&subtree=true`, headers: viewer })).statusCode).toBe(403);
    const own = await t.app.inject({ method: 'GET', url: url(commune.code), headers: viewer });
    expect(own.statusCode).toBe(200);
    expect(parseCsv(own.body).map((r) => r.response_id)).toEqual([communeResponse]);
    const province = await adminHeaders(t.app, { role: 'viewer', unitCode: '92' });
    expect((await t.app.inject({ method: 'GET', url: `${url('92')}&subtree=true`, headers: province })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: url('42'), headers: province })).statusCode).toBe(403);
  });

  it.each([
    ['?survey=sipas-2017&unit=92&from=2025-02-01&to=2025-01-01', 400, 'to'],
    ['?survey=sipas-2017&unit=92&subtree=yes', 400, 'subtree'],
    ['?survey=sipas-2017&unit=92&from=2025-02-30', 400, 'from'],
    ['?unit=92', 400, 'survey'],
  ])('refuses %s with %i naming %s', async (query, status, field) => {
    const res = await get(query);
    expect(res.statusCode).toBe(status);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(field);
  });

  it.each([
    ['?survey=nope&unit=92', 'Unknown survey nope'],
    ['?survey=sipas-2017&version=9&unit=92', 'Unknown survey sipas-2017 version 9'],
    ['?survey=sipas-2017&unit=99999', 'Unknown unit 99999'],
  ])('answers 404 for %s', async (query, message) => {
    const res = await get(query);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe(message);
  });
});
