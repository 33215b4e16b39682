import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders } from '../support/admin-session.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

const UNIT_HEADER = 'code,name_vi,name_en,full_name_vi,level,type,parent_code,valid_from,valid_to,group_tags,merged_from,merged_partial';
const UNIT_ROWS = [
  '42-SNV,Sở Nội vụ,Department of Home Affairs,Sở Nội vụ tỉnh Hà Tĩnh,department,sở,42,2025-07-01,,kind:department,,',
  '42-STC,Sở Tài chính,,,department,sở,42,2025-07-01,,kind:department,,',
  '42-TTPVHCC,Trung tâm Phục vụ hành chính công,,,office,trung tâm,42,01/07/2025,,,,',
  '42-STC-CN1,"Chi nhánh khu vực 1, Sở Tài chính",,,office,chi nhánh,42-STC,2025-07-01,,,,',
];
const UNITS_FILE = ['# Sở, ngành of Hà Tĩnh (test data)', UNIT_HEADER, ...UNIT_ROWS].join('\n');
// Lines 3, 4 and 6 broken (a note, then the header on line 2): a date that does not exist, an unknown
// parent, an unknown level.
const UNITS_THREE_BAD = [
  '# Sở, ngành of Hà Tĩnh (test data)',
  UNIT_HEADER,
  UNIT_ROWS[0]!.replace('2025-07-01', '31/02/2025'),
  UNIT_ROWS[1]!.replace(',sở,42,', ',sở,4299,'),
  UNIT_ROWS[2]!,
  UNIT_ROWS[3]!.replace(',office,', ',branch,'),
].join('\n');
const THREE_ERRORS = [
  { line: 3, column: 'valid_from', reason: '"31/02/2025" is not a date (YYYY-MM-DD or DD/MM/YYYY)' },
  { line: 4, column: 'parent_code', reason: 'no unit 4299 valid on 2025-07-01' },
  { line: 6, column: 'level', reason: '"branch" is not one of province, district, commune, department, office' },
];

const PROCEDURE_HEADER = 'code,name_vi,field,promulgating_agency,executing_agency,catalogue_type,state,portal_url';
const PROCEDURES_FILE = [
  PROCEDURE_HEADER,
  '9.000001,Thủ tục thử nghiệm một,Thử nghiệm,Bộ Nội vụ,,STANDARD,UPDATED,',
  '9.000002,Thủ tục thử nghiệm hai,Thử nghiệm,,Ủy ban nhân dân cấp xã,,,',
].join('\n');

describe.each(testDrivers())('CSV import API on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.close());

  const post = async (url: string, body: { json: unknown } | { csv: string }) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: {
        ...(await adminHeaders(t.app)),
        'content-type': 'json' in body ? 'application/json' : 'text/csv; charset=utf-8',
      },
      payload: 'json' in body ? JSON.stringify(body.json) : body.csv,
    });
  const snapshot = async () => ({
    units: (await sql`select * from units order by id`.execute(t.app.db)).rows,
    lineage: (await sql`select * from unit_lineage order by successor_id, predecessor_id`.execute(t.app.db)).rows,
    procedures: (await sql`select * from procedures order by id`.execute(t.app.db)).rows,
  });

  it('a dry run of a unit file with three bad rows reports exactly those three and stores nothing', async () => {
    const before = await snapshot();
    const res = await post('/api/admin/imports/units', { json: { csv: UNITS_THREE_BAD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dryRun: true, committed: false, rows: 4, inserted: 0, updated: 0, unchanged: 0, errors: THREE_ERRORS });
    expect(await snapshot()).toEqual(before);
  });

  it('a commit of that file is 422 with the same three errors, and stores nothing', async () => {
    const before = await snapshot();
    const res = await post('/api/admin/imports/units?dryRun=false', { csv: UNITS_THREE_BAD });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({ statusCode: 422, message: '3 errors in the file; nothing stored', report: { dryRun: false, committed: false, errors: THREE_ERRORS } });
    expect(body.issues).toEqual([
      { path: 'csv', message: 'line 3, column valid_from: "31/02/2025" is not a date (YYYY-MM-DD or DD/MM/YYYY)' },
      { path: 'csv', message: 'line 4, column parent_code: no unit 4299 valid on 2025-07-01' },
      { path: 'csv', message: 'line 6, column level: "branch" is not one of province, district, commune, department, office' },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('dry-runs, commits, and then finds nothing to change in the same unit file', async () => {
    const before = await snapshot();
    const dry = await post('/api/admin/imports/units', { csv: UNITS_FILE });
    expect(dry.json()).toEqual({ dryRun: true, committed: false, rows: 4, inserted: 4, updated: 0, unchanged: 0, errors: [] });
    expect(await snapshot()).toEqual(before);

    const done = await post('/api/admin/imports/units?dryRun=false', { json: { csv: UNITS_FILE } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ dryRun: false, committed: true, rows: 4, inserted: 4, updated: 0, unchanged: 0, errors: [] });
    const branch = await t.app.db.selectFrom('units').select(['name_vi', 'level']).where('code', '=', '42-STC-CN1').executeTakeFirstOrThrow();
    expect(branch).toEqual({ name_vi: 'Chi nhánh khu vực 1, Sở Tài chính', level: 'office' });

    const after = await snapshot();
    for (const dryRun of ['true', 'false']) {
      const again = await post(`/api/admin/imports/units?dryRun=${dryRun}`, { csv: UNITS_FILE });
      expect(again.json()).toMatchObject({ rows: 4, inserted: 0, updated: 0, unchanged: 4, errors: [] });
    }
    expect(await snapshot()).toEqual(after);
  });

  it('imports procedures the same way, and a re-import changes nothing', async () => {
    const dry = await post('/api/admin/imports/procedures', { csv: PROCEDURES_FILE });
    expect(dry.json()).toMatchObject({ dryRun: true, inserted: 2, errors: [] });
    expect((await t.app.inject({ method: 'GET', url: '/api/procedures/9.000001' })).statusCode).toBe(404);
    const done = await post('/api/admin/imports/procedures?dryRun=false', { csv: PROCEDURES_FILE });
    expect(done.json()).toMatchObject({ committed: true, inserted: 2, updated: 0 });
    expect((await t.app.inject({ method: 'GET', url: '/api/procedures/9.000001' })).json()).toMatchObject({ nameVi: 'Thủ tục thử nghiệm một' });
    expect((await post('/api/admin/imports/procedures?dryRun=false', { csv: PROCEDURES_FILE })).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const bad = await post('/api/admin/imports/procedures?dryRun=false', { csv: `${PROCEDURES_FILE}\n9.000003,,Thử nghiệm,,,,,` });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().report.errors).toEqual([{ line: 4, column: 'name_vi', reason: expect.any(String) }]);
  });

  it('takes a file above the API-wide 64 KB limit, up to 5 MB, and refuses a larger one with 413', async () => {
    const notes = '# ' + 'x'.repeat(98) + '\n';
    const big = `${notes.repeat(10_000)}${UNIT_HEADER}\n`; // about 1 MB of notes, no rows
    const res = await post('/api/admin/imports/units', { csv: big });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 0, errors: [] });
    const tooBig = await post('/api/admin/imports/units', { csv: notes.repeat(53_000) });
    expect(tooBig.statusCode).toBe(413);
    // The limit is raised for these routes only.
    const response = await t.app.inject({ method: 'POST', url: '/api/responses', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ pad: 'x'.repeat(70_000) }) });
    expect(response.statusCode).toBe(413);
  });

  it.each([
    ['an unknown kind', '/api/admin/imports/users', { json: { csv: UNITS_FILE } }, 'kind'],
    ['a dryRun that is not true/false', '/api/admin/imports/units?dryRun=maybe', { json: { csv: UNITS_FILE } }, 'dryRun'],
    ['an unknown query parameter', '/api/admin/imports/units?dryRun=false&force=1', { json: { csv: UNITS_FILE } }, ''],
    ['a JSON body without csv', '/api/admin/imports/units?dryRun=false', { json: {} }, 'csv'],
    ['an empty csv', '/api/admin/imports/units?dryRun=false', { json: { csv: '' } }, 'csv'],
    ['a csv that is not text', '/api/admin/imports/units?dryRun=false', { json: { csv: 42 } }, 'csv'],
    ['an unknown body field', '/api/admin/imports/units?dryRun=false', { json: { csv: UNITS_FILE, mode: 'replace' } }, ''],
    ['an empty text/csv body', '/api/admin/imports/units?dryRun=false', { csv: '' }, 'csv'],
  ] as const)('%s (POST %s) is 400 naming the bad field and changes nothing', async (_case, url, body, field) => {
    const before = await snapshot();
    const res = await post(url, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path).join(' ')).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it('is for system administrators only: a province manager gets 403, an unsigned request 401', async () => {
    const before = await snapshot();
    const manager = await adminHeaders(t.app, { role: 'unit-manager', unitCode: '42' });
    const asManager = await t.app.inject({ method: 'POST', url: '/api/admin/imports/units?dryRun=false', headers: { ...manager, 'content-type': 'text/csv' }, payload: UNITS_FILE.replace('Sở Nội vụ,', 'Sở Nội vụ mới,') });
    expect(asManager.statusCode).toBe(403);
    const unsigned = await t.app.inject({ method: 'POST', url: '/api/admin/imports/units?dryRun=false', headers: { 'content-type': 'text/csv' }, payload: UNITS_FILE });
    expect(unsigned.statusCode).toBe(401);
    expect(await snapshot()).toEqual(before);
  });
});
