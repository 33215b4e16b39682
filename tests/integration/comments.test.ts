import { randomUUID } from 'node:crypto';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { Answers } from '@sipas/survey-definitions/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnitValidOn } from '../../server/src/features/units/units.queries.ts';
import { adminHeaders } from '../support/admin-session.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

const definition = loadDefinitions().find((d) => d.definition.key === 'sipas-2017' && d.definition.version === 1)!.definition;

interface Seeded {
  key: string;
  unit: 'province' | 'commune' | 'sibling';
  date: string;
  level: 1 | 2 | 3 | 4 | 5;
  comment?: string;
  overrides?: Answers;
}

// Shares (respondent's own): level 5 -> 100; level 2 -> 0; level 4 with two criteria at 2 -> 20 of 22 valid… see `share`.
const SEEDED: Seeded[] = [
  { key: 'warm', unit: 'province', date: '2026-03-01', level: 5, comment: 'Cán bộ NHIỆT TÌNH, chu đáo' },
  { key: 'slow', unit: 'province', date: '2026-03-05', level: 2, comment: 'Thủ tục còn rườm rà, chờ lâu' },
  { key: 'html', unit: 'commune', date: '2026-03-03', level: 3, comment: '<script>alert("x")</script> & Đề nghị sửa' },
  { key: 'mixed', unit: 'commune', date: '2026-02-20', level: 4, comment: 'Ổn, nhưng ghế ngồi chờ thiếu', overrides: { access_seats: 2, access_equipment_modern: 'na' } },
  { key: 'silent', unit: 'province', date: '2026-03-06', level: 5 },
  { key: 'other', unit: 'sibling', date: '2026-03-07', level: 5, comment: 'Nhiệt tình ở tỉnh khác' },
];

describe.each(testDrivers())('GET /api/comments on %s PostgreSQL', (driver) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let communeCode: string;
  const ids = new Map<string, string>();

  const get = (query: string) => t.app.inject({ method: 'GET', url: `/api/comments?survey=sipas-2017&version=1&unit=92${query}`, headers });
  const keysOf = (body: { comments: Array<{ responseId: string }> }) =>
    body.comments.map((c) => [...ids.entries()].find(([, id]) => id === c.responseId)?.[0]);

  beforeAll(async () => {
    t = await createTestApp(driver);
    headers = await adminHeaders(t.app);
    const first = await t.app.inject({ method: 'POST', url: '/api/responses', payload: { survey: 'sipas-2017', version: 1, unit: '01', answers: answerAll(definition, 3) } });
    expect(first.statusCode).toBe(201);
    const province = (await findUnitValidOn(t.app.db, '92', '2026-03-01'))!;
    const sibling = (await findUnitValidOn(t.app.db, '42', '2026-03-01'))!;
    const commune = await t.app.db.selectFrom('units').select(['id', 'code']).where('parent_id', '=', province.id).orderBy('code').executeTakeFirstOrThrow();
    communeCode = commune.code;
    const unitIds = { province: province.id, commune: commune.id, sibling: sibling.id };
    for (const s of SEEDED) {
      const id = randomUUID();
      ids.set(s.key, id);
      const answers = answerAll(definition, s.level, { ...s.overrides, ...(s.comment ? { comment: s.comment } : {}) });
      await t.app.db
        .insertInto('responses')
        .values({
          id,
          survey_key: 'sipas-2017',
          survey_version: 1,
          unit_id: unitIds[s.unit],
          channel: s.unit === 'commune' ? 'kiosk' : 'qr',
          locale: 'vi',
          local_date: s.date,
          answers: JSON.stringify(answers),
          content_hash: 'test',
        })
        .execute();
    }
  });
  afterAll(async () => t.close());

  it('lists the subtree’s comments newest first, as plain text with unit, date, channel and share', async () => {
    const res = await get('');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 4, page: 1, pageSize: 20 });
    expect(keysOf(body)).toEqual(['slow', 'html', 'warm', 'mixed']); // not the sibling province's, not the blank one
    expect(body.comments[1]).toEqual({
      responseId: ids.get('html'),
      questionId: 'comment',
      text: '<script>alert("x")</script> & Đề nghị sửa',
      unitCode: communeCode,
      unitName: expect.any(String),
      date: '2026-03-03',
      channel: 'kiosk',
      share: 0,
    });
    // Hand-computed: 18 criteria answered validly at level 4 except access_seats (2) and one "na": 16 of 17 satisfied
    // (feedback_given is no, so the 4 feedback criteria are hidden): 100 × 16 / 17 rounded to 10 decimals.
    expect(body.comments[3].share).toBe(94.1176470588);
    expect(body.comments.map((c: { share: number }) => c.share)).toEqual([0, 0, 100, 94.1176470588]);
  });

  it.each([
    ['nhiet tinh', ['warm']],
    ['RƯỜM RÀ', ['slow']],
    ['de nghi', ['html']],
    ['ghe cho', ['mixed']],
    ['cán chu', ['warm']],
    ['100%', []],
  ])('finds %j ignoring case and diacritics, every word', async (q, expected) => {
    const body = (await get(`&q=${encodeURIComponent(q)}`)).json();
    expect(keysOf(body)).toEqual(expected);
    expect(body.total).toBe(expected.length);
  });

  it('filters by sub-unit and by the respondent’s share', async () => {
    expect(keysOf((await get(`&unitCode=${communeCode}`)).json())).toEqual(['html', 'mixed']);
    expect(keysOf((await get('&unitCode=42')).json())).toEqual([]); // outside the subtree: nothing
    expect(keysOf((await get('&satisfied=true')).json())).toEqual(['warm', 'mixed']);
    expect(keysOf((await get('&satisfied=false')).json())).toEqual(['slow', 'html']);
    expect(keysOf((await get('&minShare=90&maxShare=99')).json())).toEqual(['mixed']);
    expect(keysOf((await get('&maxShare=0')).json())).toEqual(['slow', 'html']);
    expect(keysOf((await get('&from=2026-03-02&to=2026-03-04')).json())).toEqual(['html']);
  });

  it('pages with a stable order and the total', async () => {
    const first = (await get('&pageSize=3&page=1')).json();
    const second = (await get('&pageSize=3&page=2')).json();
    expect([first.total, second.total]).toEqual([4, 4]);
    expect([...keysOf(first), ...keysOf(second)]).toEqual(['slow', 'html', 'warm', 'mixed']);
    expect((await get('&pageSize=3&page=5')).json()).toMatchObject({ total: 4, comments: [] });
  });

  it('is scoped to the signed-in user’s units: 401 without a session, 403 outside the subtree', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/comments?survey=sipas-2017&unit=92' })).statusCode).toBe(401);
    const viewer = await adminHeaders(t.app, { role: 'viewer', unitCode: communeCode });
    const asViewer = (unit: string, extra = '') =>
      t.app.inject({ method: 'GET', url: `/api/comments?survey=sipas-2017&unit=${unit}${extra}`, headers: viewer });
    expect((await asViewer('92')).statusCode).toBe(403);
    expect((await asViewer('92', `&unitCode=${communeCode}`)).statusCode).toBe(403);
    expect((await asViewer('42')).statusCode).toBe(403);
    const own = await asViewer(communeCode);
    expect(own.statusCode).toBe(200);
    expect(keysOf(own.json())).toEqual(['html', 'mixed']);
  });

  it.each([
    ['&satisfied=true&minShare=50', 'satisfied'],
    ['&minShare=80&maxShare=20', 'maxShare'],
    ['&pageSize=1000', 'pageSize'],
    ['&page=0', 'page'],
    ['&minShare=101', 'minShare'],
    ['&unitCode=<b>', 'unitCode'],
  ])('refuses %s naming %s', async (query, field) => {
    const res = await get(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(field);
  });
});
