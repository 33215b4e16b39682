import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUnitsCsv } from '../../server/src/features/units/units-import.service.ts';
import { adminHeaders } from '../support/admin-session.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

const HEADER = 'code,name_vi,name_en,full_name_vi,level,type,parent_code,valid_from,valid_to,group_tags,merged_from,merged_partial';

// Departments of Hà Tĩnh as a province would register them. On 01/03/2025 the departments of agriculture
// and of natural resources merged into Sở Nông nghiệp và Môi trường; the province itself is the pre-2025 42
// until 30/06/2025 and the new 42 after, so the departments change parent with the province.
const GOOD_ROWS = [
  '42-SNNPTNT,Sở Nông nghiệp và Phát triển nông thôn,,,department,sở,42,01/01/2020,28/02/2025,kind:department,,',
  '42-STNMT,Sở Tài nguyên và Môi trường,,,department,sở,42,2020-01-01,2025-02-28,kind:department,,',
  '42-SNNMT,Sở Nông nghiệp và Môi trường,,,department,sở,42,2025-03-01,2025-06-30,kind:department,42-SNNPTNT;42-STNMT,',
  '42-SNNMT,Sở Nông nghiệp và Môi trường,Department of Agriculture and Environment,,department,sở,42,2025-07-01,,kind:department,42-SNNMT,',
  '42-SNV,Sở Nội vụ,Department of Home Affairs,Sở Nội vụ tỉnh Hà Tĩnh,department,sở,42,2025-07-01,,kind:department,,',
  '42-STC,Sở Tài chính,,,department,sở,42,2025-07-01,,kind:department,,',
  '42-TTPVHCC,Trung tâm Phục vụ hành chính công,,,office,trung tâm,42,2025-07-01,,,,',
  '42-STC-CN1,"Chi nhánh khu vực 1, Sở Tài chính",,,office,chi nhánh,42-STC,2025-07-01,,,,',
];
const GOOD_FILE = ['# Sở, ngành of Hà Tĩnh (test data)', '# second note', HEADER, ...GOOD_ROWS].join('\n');

// The same file with three rows broken, on lines 6, 9 and 11 (two comment lines, then the header on line 3):
// a date that does not exist, a parent that does not exist, and a level that does not exist.
const broken = [...GOOD_ROWS];
broken[2] = broken[2]!.replace('2025-03-01', '31/02/2025');
broken[5] = broken[5]!.replace(',sở,42,', ',sở,4299,');
broken[7] = broken[7]!.replace(',office,', ',branch,');
const THREE_BAD_ROWS = ['# Sở, ngành of Hà Tĩnh (test data)', '# second note', HEADER, ...broken].join('\n');

describe.each(testDrivers())('importing units on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.close());

  /** Everything the registry holds, to compare before and after. */
  const snapshot = async () => ({
    units: (
      await sql<{ id: number; code: string; [column: string]: unknown }>`select id, code, name_vi, name_en, full_name_vi, type, level, parent_id, region, group_tags,
                       to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to
                  from units order by id`.execute(t.app.db)
    ).rows,
    lineage: (await sql<{ kind: string; [column: string]: unknown }>`select * from unit_lineage order by successor_id, predecessor_id`.execute(t.app.db)).rows,
  });

  it.each([true, false])('reports exactly the three bad rows and stores nothing (dry run: %s)', async (dryRun) => {
    const before = await snapshot();
    const report = await importUnitsCsv(t.app.db, THREE_BAD_ROWS, { dryRun });
    expect(report.errors).toEqual([
      { line: 6, column: 'valid_from', reason: '"31/02/2025" is not a date (YYYY-MM-DD or DD/MM/YYYY)' },
      { line: 9, column: 'parent_code', reason: 'no unit 4299 valid on 2025-07-01' },
      { line: 11, column: 'level', reason: '"branch" is not one of province, district, commune, department, office' },
    ]);
    expect(report).toMatchObject({ dryRun, committed: false, rows: 8, inserted: 0, updated: 0, unchanged: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('reports what a clean file would do in a dry run, and stores nothing', async () => {
    const before = await snapshot();
    const report = await importUnitsCsv(t.app.db, GOOD_FILE, { dryRun: true });
    expect(report).toEqual({ dryRun: true, committed: false, rows: 8, inserted: 8, updated: 0, unchanged: 0, errors: [] });
    expect(await snapshot()).toEqual(before);
  });

  it('imports a clean file, resolving parents and predecessors in their periods', async () => {
    const report = await importUnitsCsv(t.app.db, GOOD_FILE);
    expect(report).toEqual({ dryRun: false, committed: true, rows: 8, inserted: 8, updated: 0, unchanged: 0, errors: [] });

    const headers = await adminHeaders(t.app);
    const get = async (url: string) => (await t.app.inject({ method: 'GET', url, headers })).json();
    const march = await get('/api/units/42-SNNMT/lineage?on=2025-03-01');
    expect(march.unit).toMatchObject({ parentCode: '42', validFrom: '2025-03-01', validTo: '2025-06-30', groupTags: ['kind:department'] });
    expect(march.predecessors.map((l: { unit: { code: string } }) => l.unit.code)).toEqual(['42-SNNPTNT', '42-STNMT']);
    expect(march.successors.map((l: { unit: { validFrom: string } }) => l.unit.validFrom)).toEqual(['2025-07-01']);

    // The parent of each period is the province 42 of that period.
    const oldParent = await t.app.db.selectFrom('units as u').innerJoin('units as p', 'p.id', 'u.parent_id')
      .select(sql<string>`to_char(p.valid_from, 'YYYY-MM-DD')`.as('from')).where('u.code', '=', '42-STNMT').executeTakeFirstOrThrow();
    expect(oldParent.from).toBe('1900-01-01');
    const children = await get('/api/units/42/children');
    expect(children.children.map((u: { code: string }) => u.code)).toEqual(
      expect.arrayContaining(['42-SNNMT', '42-SNV', '42-STC', '42-TTPVHCC']),
    );
    expect((await get('/api/units/42-STC/children')).children.map((u: { fullNameVi: string }) => u.fullNameVi)).toEqual([
      'Chi nhánh khu vực 1, Sở Tài chính',
    ]);
    expect((await get('/api/units?parent=42&level=department')).units).toHaveLength(3);
  });

  it('takes responses for a new unit as soon as its import commits', async () => {
    const sipas2017 = loadDefinitions().find((d) => d.definition.key === 'sipas-2017')!.definition;
    const respond = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/responses',
        payload: { id: randomUUID(), survey: 'sipas-2017', version: 1, unit: '42-XA-MOI', answers: answerAll(sipas2017, 5) },
      });
    expect((await respond()).statusCode).toBe(400); // unknown until imported (and the miss is cached)
    const report = await importUnitsCsv(t.app.db, [HEADER, 'XA-MOI,Xã Mới,,,commune,xã,42,2025-07-01,,,,'.replace('XA-MOI', '42-XA-MOI')].join('\n'));
    expect(report).toMatchObject({ committed: true, inserted: 1, errors: [] });
    expect((await respond()).statusCode).toBe(201);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot();
    const report = await importUnitsCsv(t.app.db, GOOD_FILE);
    expect(report).toEqual({ dryRun: false, committed: true, rows: 8, inserted: 0, updated: 0, unchanged: 8, errors: [] });
    expect(await snapshot()).toEqual(before);
  });

  it('updates only the rows that differ, keeping their ids', async () => {
    const before = await snapshot();
    const edited = GOOD_FILE.replace('Sở Tài chính,,,', 'Sở Tài chính,Department of Finance,,').replace('42-SNNPTNT;42-STNMT,', '42-SNNPTNT;42-STNMT,42-STNMT');
    const report = await importUnitsCsv(t.app.db, edited);
    expect(report).toMatchObject({ inserted: 0, updated: 2, unchanged: 6, errors: [] });
    const after = await snapshot();
    expect(after.units.map((u) => u.id)).toEqual(before.units.map((u) => u.id));
    const finance = after.units.find((u) => u.code === '42-STC');
    expect(finance).toMatchObject({ name_en: 'Department of Finance' });
    // One link changed kind: Tài nguyên và Môi trường now went only partly into the merged department.
    const changed = after.lineage.filter((l, i) => JSON.stringify(l) !== JSON.stringify(before.lineage[i]));
    expect(changed).toEqual([expect.objectContaining({ kind: 'partial' })]);
    expect(after.lineage).toHaveLength(before.lineage.length);
  });

  it('refuses a unit whose code is already used in an overlapping period', async () => {
    const clash = [HEADER, '92,Cần Thơ mới,,,province,thành phố,,2025-01-01,,,,'].join('\n');
    const report = await importUnitsCsv(t.app.db, clash);
    expect(report.errors).toEqual([
      { line: 2, column: 'valid_from', reason: 'period overlaps 92 valid 1900-01-01 to 2025-06-30 (in the registry)' },
      { line: 2, column: 'valid_from', reason: 'period overlaps 92 valid 2025-07-01 to today (in the registry)' },
    ]);
  });
});
