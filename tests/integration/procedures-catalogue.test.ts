import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProceduresCsv } from '../../server/src/features/procedures/procedures-import.service.ts';
import { seedProcedureCatalogue } from '../../server/src/features/procedures/procedures.seed.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

const HEADER = 'code,name_vi,field,promulgating_agency,executing_agency,catalogue_type,state,portal_url';
const ROWS = [
  '1.009999,Cấp giấy phép thử nghiệm,Kiểm thử,Bộ Nội vụ,Ủy ban nhân dân cấp xã,STANDARD,ACTIVE,https://dichvucong.gov.vn/x',
  '1.009998,"Gia hạn giấy phép thử nghiệm, cấp lại",Kiểm thử,Bộ Nội vụ,,,,',
  '1.009997,Thu hồi giấy phép thử nghiệm,Kiểm thử,,,,,',
  '1.009996,Đình chỉ giấy phép thử nghiệm,Kiểm thử,,,,,',
];
const GOOD_FILE = ['# test data', HEADER, ...ROWS].join('\n');
// Three bad rows on lines 3, 5 and 6: a code not in the national form, no field, and a code already on line 4.
const THREE_BAD_ROWS = [
  '# test data',
  HEADER,
  ROWS[0]!.replace('1.009999', '1-009999'),
  ROWS[1],
  ROWS[2]!.replace(',Kiểm thử,', ',,'),
  ROWS[3]!.replace('1.009996', '1.009998'),
].join('\n');

describe.each(testDrivers())('the procedure catalogue on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() };
  };
  const snapshot = async () => (await sql`select * from procedures order by id`.execute(t.app.db)).rows;

  it('is seeded with the 37 procedures of the sample', async () => {
    const res = await get('/api/procedures?limit=200');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(37);
    expect(res.body.procedures).toHaveLength(37);
    expect((await get('/api/procedures/1.001193')).body).toEqual({
      code: '1.001193',
      nameVi: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      promulgatingAgency: 'Bộ Tư pháp',
      executingAgency: 'Ủy ban nhân dân cấp xã',
      catalogueType: 'STANDARD',
      state: 'UPDATED',
      portalUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
    });
  });

  it.each([
    // Without diacritics and in any case: the two procedures about registering a birth.
    ['q=dang ky khai sinh', ['1.001193', '2.000986']],
    ['q=ĐĂNG KÝ KHAI SINH', ['1.001193', '2.000986']],
    ['q=khai sinh&field=Hộ tịch', ['1.001193', '2.000635', '2.000986']],
    ['field=Hộ tịch', ['1.000656', '1.000894', '1.001193', '1.004873', '2.000635', '2.000986']],
    ['q=căn cước', ['2.000200', '2.001195']],
    ['q=1.0011', ['1.001193']],
    ['q=100%', []],
  ])('finds %s', async (query, codes) => {
    const res = await get(`/api/procedures?${query.split('&').map((p) => p.split('=').map(encodeURIComponent).join('=')).join('&')}`);
    expect(res.status).toBe(200);
    expect(res.body.procedures.map((p: { code: string }) => p.code)).toEqual(codes);
    expect(res.body.total).toBe(codes.length);
  });

  it('pages through the results', async () => {
    const page = await get('/api/procedures?field=H%E1%BB%99%20t%E1%BB%8Bch&limit=2&offset=2');
    expect(page.body).toMatchObject({ total: 6 });
    expect(page.body.procedures.map((p: { code: string }) => p.code)).toEqual(['1.001193', '1.004873']);
  });

  it.each([
    ['/api/procedures?limit=0', 'limit'],
    ['/api/procedures?limit=1000', 'limit'],
    ['/api/procedures?offset=-1', 'offset'],
    ['/api/procedures?q=' + 'x'.repeat(201), 'q'],
    ['/api/procedures?sort=name', ''],
    ['/api/procedures/1001193', 'code'],
  ])('answers %s with 400 naming the field', async (url, path) => {
    const res = await get(url);
    expect(res.status).toBe(400);
    if (path) expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it('answers an unknown code with 404', async () => {
    const res = await get('/api/procedures/9.999999');
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Unknown procedure 9.999999');
  });

  it('reports exactly the three bad rows of a file and stores nothing', async () => {
    const before = await snapshot();
    const report = await importProceduresCsv(t.app.db, THREE_BAD_ROWS);
    expect(report.errors).toEqual([
      { line: 3, column: 'code', reason: '"1-009999" is not a procedure code such as 1.001193' },
      { line: 5, column: 'field', reason: 'required' },
      { line: 6, column: 'code', reason: '1.009998 is already on line 4' },
    ]);
    expect(report).toMatchObject({ committed: false, rows: 4, inserted: 0, updated: 0, unchanged: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('imports a clean file once; the same file again changes nothing; a dry run stores nothing', async () => {
    const dryRun = await importProceduresCsv(t.app.db, GOOD_FILE, { dryRun: true });
    expect(dryRun).toEqual({ dryRun: true, committed: false, rows: 4, inserted: 4, updated: 0, unchanged: 0, errors: [] });
    expect((await get('/api/procedures/1.009999')).status).toBe(404);

    expect(await importProceduresCsv(t.app.db, GOOD_FILE)).toMatchObject({ committed: true, inserted: 4, updated: 0, unchanged: 0 });
    const before = await snapshot();
    expect(await importProceduresCsv(t.app.db, GOOD_FILE)).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 4 });
    expect(await snapshot()).toEqual(before);
    expect((await get('/api/procedures?q=thu nghiem')).body.total).toBe(4);

    const renamed = GOOD_FILE.replace('Thu hồi giấy phép thử nghiệm', 'Thu hồi giấy phép');
    expect(await importProceduresCsv(t.app.db, renamed)).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
    // The search text follows the new name.
    expect((await get('/api/procedures?q=thu nghiem')).body.total).toBe(3);
  });

  it('skips the seed once done', async () => {
    expect(await seedProcedureCatalogue(t.app.db)).toBeNull();
  });
});
