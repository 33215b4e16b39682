import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUnitRegistry } from '../../server/src/features/units/units.seed.ts';
import { adminHeaders, type TestAccount } from '../support/admin-session.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

interface Detail {
  code: string;
  nameVi: string;
  level: string;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  groupTags: string[];
}
interface Link {
  kind: 'full' | 'partial';
  unit: Detail;
}

describe.each(testDrivers())('the unit registry on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: await adminHeaders(t.app) });
    return { status: res.statusCode, body: res.json() };
  };
  const codes = (units: Array<{ code: string }>) => units.map((u) => u.code);
  const links = (list: Link[]) => list.map((l) => `${l.unit.code} ${l.unit.validFrom} ${l.kind}`);

  it('lists units only to a signed-in user, each seeing the units they may read', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
    const listAs = async (account: TestAccount, url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: await adminHeaders(t.app, account) });
      expect(res.statusCode).toBe(200);
      return codes(res.json().units);
    };
    // A province manager starts at the province, a commune viewer at the commune, never at the neighbours.
    expect(await listAs({ role: 'unit-manager', unitCode: '92' }, '/api/units')).toEqual(['92']);
    expect(await listAs({ role: 'viewer', unitCode: '31120' }, '/api/units')).toEqual(['31120']);
    expect(await listAs({ role: 'viewer', unitCode: '31120' }, '/api/units?level=province')).toEqual([]);
    expect(await listAs({ role: 'viewer', unitCode: '31120' }, '/api/units?parent=92')).toEqual(['31120']);
    expect((await listAs({ role: 'unit-manager', unitCode: '92' }, '/api/units?parent=92')).length).toBeGreaterThan(1);
  });

  it('lists the 34 provinces today and the 63 on 30/06/2025, in the same shape as before', async () => {
    const today = await get('/api/units');
    expect(today.status).toBe(200);
    expect(today.body.units).toHaveLength(34);
    expect(today.body.units[0]).toEqual({
      code: '01',
      nameVi: 'Hà Nội',
      nameEn: 'Ha Noi',
      fullNameVi: 'Thành phố Hà Nội',
      type: 'thành phố trực thuộc trung ương',
      responseCount: 0,
    });
    const before = await get('/api/units?on=2025-06-30');
    expect(before.body.units).toHaveLength(63);
    expect(codes(before.body.units)).toEqual(expect.arrayContaining(['10', '15', '93', '94']));
    expect((await get('/api/units?on=2025-07-01')).body.units).toHaveLength(34);
  });

  it('holds the Cần Thơ and Hà Tĩnh hierarchies before and after the reform', async () => {
    // Counted in units-sample.csv: Cần Thơ 9 districts before, 103 communes after; Hà Tĩnh 12 and 69.
    expect((await get('/api/units?parent=92&on=2025-06-30')).body.units).toHaveLength(9);
    expect((await get('/api/units?parent=42&on=2025-06-30')).body.units).toHaveLength(12);
    expect((await get('/api/units?parent=92')).body.units).toHaveLength(103);
    expect((await get('/api/units?parent=42&level=commune')).body.units).toHaveLength(69);
    expect((await get('/api/units?level=district')).body.units).toEqual([]);
    expect((await get('/api/units?level=district&on=2025-01-01')).body.units).toHaveLength(21);

    const ninhKieu = await get('/api/units/916/children');
    expect(ninhKieu.status).toBe(200);
    expect(ninhKieu.body.unit).toMatchObject({ code: '916', nameVi: 'Ninh Kiều', level: 'district', parentCode: '92', validTo: '2025-06-30' });
    // A unit no longer in use is read on its last day: the 8 wards of Quận Ninh Kiều.
    expect(ninhKieu.body.on).toBe('2025-06-30');
    expect(codes(ninhKieu.body.children)).toEqual(['31117', '31120', '31123', '31135', '31144', '31147', '31149', '31150']);
  });

  it('keeps reused codes apart by period: 31120 is An Hòa before and Cái Khế after', async () => {
    const before = await get('/api/units/31120/children?on=2025-06-30');
    const after = await get('/api/units/31120/children');
    expect(before.body.unit).toMatchObject({ fullNameVi: 'Phường An Hòa', parentCode: '916', validFrom: '1900-01-01' });
    expect(after.body.unit).toMatchObject({ fullNameVi: 'Phường Cái Khế', parentCode: '92', validFrom: '2025-07-01', validTo: null });
    expect((await get('/api/units/31120')).body.fullNameVi).toBe('Phường Cái Khế');
  });

  it('links new Cần Thơ (92) to old Cần Thơ, Hậu Giang (93) and Sóc Trăng (94)', async () => {
    const res = await get('/api/units/92/lineage');
    expect(res.status).toBe(200);
    expect(res.body.unit).toMatchObject({ code: '92', validFrom: '2025-07-01', groupTags: ['region:Đồng bằng sông Cửu Long'] });
    expect(links(res.body.predecessors)).toEqual(['92 1900-01-01 full', '93 1900-01-01 full', '94 1900-01-01 full']);
    expect(res.body.successors).toEqual([]);
  });

  it('links Lào Cai (15) to old Lào Cai (10) and Yên Bái (15), both ways', async () => {
    const laoCai = await get('/api/units/15/lineage');
    expect(links(laoCai.body.predecessors)).toEqual(['10 1900-01-01 full', '15 1900-01-01 full']);
    expect(laoCai.body.predecessors[1].unit).toMatchObject({ nameVi: 'Yên Bái', validTo: '2025-06-30' });

    const yenBai = await get('/api/units/15/lineage?on=2025-06-30');
    expect(yenBai.body.unit.nameVi).toBe('Yên Bái');
    expect(links(yenBai.body.successors)).toEqual(['15 2025-07-01 full']);
    // A code no longer in use (old Lào Cai 10) is found without a date.
    const oldLaoCai = await get('/api/units/10/lineage');
    expect(links(oldLaoCai.body.successors)).toEqual(['15 2025-07-01 full']);
  });

  it('links communes, with partial links where a commune was split', async () => {
    const caiKhe = await get('/api/units/31120/lineage');
    expect(links(caiKhe.body.predecessors)).toEqual(['31117 1900-01-01 full', '31120 1900-01-01 full', '31178 1900-01-01 partial']);
    // Bùi Hữu Nghĩa (31178) was split between Cái Khế and Bình Thủy.
    const buiHuuNghia = await get('/api/units/31178/lineage');
    expect(links(buiHuuNghia.body.successors)).toEqual(['31120 2025-07-01 partial', '31168 2025-07-01 partial']);
  });

  it('filters by group tag', async () => {
    const res = await get(`/api/units?on=2025-06-30&group=${encodeURIComponent('subregion:Bắc Trung Bộ')}`);
    // Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị, Huế.
    expect(codes(res.body.units)).toEqual(['38', '40', '42', '44', '45', '46']);
  });

  it.each([
    ['/api/units?on=2025-02-29', 'on'],
    ['/api/units?level=ward', 'level'],
    ['/api/units?parent=9%202', 'parent'],
    ['/api/units?parent=916', 'parent'],
    ['/api/units?sort=name', ''],
    ['/api/units/92/lineage?on=yesterday', 'on'],
    ['/api/units/9%3B2/children', 'code'],
  ])('answers %s with 400 naming the field', async (url, path) => {
    const res = await get(url);
    expect(res.status).toBe(400);
    expect(res.body.issues.length).toBeGreaterThan(0);
    if (path) expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it.each([
    ['/api/units/999/lineage', 'Unknown unit 999'],
    ['/api/units/93/children?on=2025-07-01', 'No unit 93 valid on 2025-07-01'],
  ])('answers %s with 404', async (url, message) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe(message);
  });

  it('skips the seed when the same files were seeded, and a forced re-seed changes nothing', async () => {
    expect(await seedUnitRegistry(t.app.db)).toBeNull();
    await t.app.db.deleteFrom('app_settings').where('key', '=', 'unit_registry_seed').execute();
    const report = await seedUnitRegistry(t.app.db);
    expect(report).toMatchObject({ committed: true, inserted: 0, updated: 0, errors: [] });
    expect(report!.unchanged).toBe(report!.rows);
  });
});
