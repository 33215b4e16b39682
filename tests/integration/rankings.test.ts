import type { FastifyInstance } from 'fastify';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders } from '../support/admin-session.ts';
import { createTestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';
import { COMMUNE_CODES, FORMULA_NAME, insertScenarioUnits, writeScenarioResponses, type ScenarioUnits } from './rankings.scenario.ts';

describe.each(testDrivers())('rankings on %s PostgreSQL', (driver) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let units: ScenarioUnits;

  const get = async (url: string) => app.inject({ method: 'GET', url, headers: await adminHeaders(app) });

  beforeAll(async () => {
    ({ app, close } = await createTestApp(driver));
    units = await insertScenarioUnits(app.db);
    await writeScenarioResponses(app.db, units);
  });
  afterAll(async () => close());

  it('ranks the communes of a province with ties, changes against the previous year and group ranks', async () => {
    const res = await get('/api/rankings?survey=sipas-2017&parent=T9&period=2026');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.period).toEqual({ label: '2026', from: '2026-01-01', to: '2026-12-31' });
    expect(body.previousPeriod).toEqual({ label: '2025', from: '2025-01-01', to: '2025-12-31' });
    // The responses of the six communes' subtrees in 2026: 20 + 20 + 40 + 40 + 40 + 10.
    expect(body.fingerprint).toMatch(/^sipas-2017@1 spec:[0-9a-f]{12} n:170 ids:[0-9a-f]{15}$/);
    expect(body.minimumSample).toBe(30);
    expect(body.comparable).toEqual({ ranks: true, shares: true });
    expect(body.universe).toMatchObject({ description: { vi: 'Các đơn vị trực thuộc Tỉnh Thử Nghiệm' }, units: 6, parent: { code: 'T9' } });
    // 90, 85, 85, 80 -> 1, 2, 2, 4; 2025: 80, 85, 90, 95 -> 4, 3, 2, 1.
    expect(
      body.ranked.map((r: { unit: { code: string }; share: number; rank: number; of: number; previousRank: number; rankChange: number; pointChange: number; n: number }) => [
        r.unit.code,
        Number(r.share.toFixed(2)),
        r.n,
        r.rank,
        r.of,
        r.previousRank,
        r.rankChange,
        r.pointChange,
      ]),
    ).toEqual([
      [COMMUNE_CODES.c1, 90, 40, 1, 4, 4, 3, 10],
      [COMMUNE_CODES.c2, 85, 40, 2, 4, 3, 1, 0],
      [COMMUNE_CODES.c3, 85, 40, 2, 4, 2, 0, -5],
      [COMMUNE_CODES.c4, 80, 40, 4, 4, 1, -3, -15],
    ]);
    expect(body.ranked.map((r: { groupRanks: unknown }) => r.groupRanks)).toEqual([
      [{ group: 'region:Bắc', rank: 1, of: 2 }],
      [{ group: 'region:Bắc', rank: 2, of: 2 }],
      [{ group: 'region:Nam', rank: 1, of: 2 }],
      [{ group: 'region:Nam', rank: 2, of: 2 }],
    ]);
    expect(body.ranked[0].interval.low).toBeLessThan(90);
    expect(body.ranked[0].interval.high).toBeGreaterThan(90);
  });

  it('lists units below the minimum sample or without answers apart, unranked', async () => {
    const body = (await get('/api/rankings?survey=sipas-2017&parent=T9&period=2026')).json();
    expect(body.unranked.map((u: { unit: { code: string }; reason: string; respondents: number; share: number | null }) => [u.unit.code, u.reason, u.respondents, u.share])).toEqual([
      [COMMUNE_CODES.c5, 'below-minimum', 10, 100],
      [COMMUNE_CODES.c6, 'no-score', 0, null],
    ]);
  });

  it('ranks all units of a level, each on its whole subtree, and restricts by type', async () => {
    const body = (await get('/api/rankings?survey=sipas-2017&level=province&period=2026')).json();
    expect(body.universe.description.vi).toBe('Tất cả đơn vị cấp tỉnh');
    expect(body.ranked).toHaveLength(1);
    expect(body.ranked[0]).toMatchObject({ unit: { code: 'T9' }, rank: 1, of: 1, respondents: 170, n: 170 });
    expect(body.unranked.every((u: { reason: string }) => u.reason === 'no-score')).toBe(true);
    expect(body.universe.units).toBe(body.unranked.length + 1);

    const offices = (await get('/api/rankings?survey=sipas-2017&parent=T9&level=commune&type=ph%C6%B0%E1%BB%9Dng&period=2026')).json();
    expect(offices.universe.units).toBe(0);
    expect(offices.ranked).toEqual([]);
  });

  it('reads a quarter and a date range, each against the period before it', async () => {
    const quarter = (await get('/api/rankings?survey=sipas-2017&parent=T9&period=2026-Q1')).json();
    expect(quarter.previousPeriod).toEqual({ label: '2025-Q4', from: '2025-10-01', to: '2025-12-31' });
    // Q1 2026: c1 has 20 respondents (below 30), c4 40 at 80 %; Q4 2025: c4 40 at 95 %.
    expect(quarter.ranked.map((r: { unit: { code: string }; rank: number; pointChange: number }) => [r.unit.code, r.rank, r.pointChange])).toEqual([[COMMUNE_CODES.c4, 1, -15]]);
    const range = (await get('/api/rankings?survey=sipas-2017&parent=T9&from=2026-05-01&to=2026-06-30')).json();
    expect(range.period).toEqual({ label: '2026-05-01..2026-06-30', from: '2026-05-01', to: '2026-06-30' });
    // 61 days, and the 61 days before.
    expect(range.previousPeriod).toEqual({ label: '2026-03-01..2026-04-30', from: '2026-03-01', to: '2026-04-30' });
    expect(range.ranked.map((r: { unit: { code: string } }) => r.unit.code)).toEqual([COMMUNE_CODES.c2]);
  });

  it('gives one unit its place among its peers and within its group, without the peers’ figures', async () => {
    const res = await get(`/api/rankings/position?survey=sipas-2017&unit=${COMMUNE_CODES.c3}&period=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.unit.code).toBe(COMMUNE_CODES.c3);
    expect(Number(body.share.toFixed(2))).toBe(85);
    expect(body.position).toEqual({
      rank: 2,
      of: 4,
      previousRank: 2,
      previousOf: 4,
      rankChange: 0,
      pointChange: -5,
      previousDerived: false,
      groupRanks: [{ group: 'region:Nam', rank: 1, of: 2 }],
    });
    expect(body.unrankedReason).toBeNull();
    expect(body.summary).toEqual({ vi: 'xếp hạng 2/4, giữ nguyên thứ hạng', en: 'ranked 2/4, rank unchanged' });
    // Its own responses only: the universe's count would tell how many its peers have.
    expect(body.fingerprint).toMatch(/ n:40 ids:/);
    for (const other of [COMMUNE_CODES.c1, COMMUNE_CODES.c2, COMMUNE_CODES.c4, COMMUNE_CODES.c5]) expect(res.body).not.toContain(other);
    expect(body).not.toHaveProperty('ranked');
    expect(body).not.toHaveProperty('unranked');

    const below = (await get(`/api/rankings/position?survey=sipas-2017&unit=${COMMUNE_CODES.c5}&period=2026`)).json();
    expect(below).toMatchObject({ position: null, unrankedReason: 'below-minimum', respondents: 10, summary: null });
    const first = (await get(`/api/rankings/position?survey=sipas-2017&unit=${COMMUNE_CODES.c1}&period=2026`)).json();
    expect(first.summary).toEqual({ vi: 'xếp hạng 1/4, tăng 3 bậc', en: 'ranked 1/4, up 3 places' });
  });

  it('exports the ranking as CSV that Excel opens: BOM, numbers as numbers, formulas neutralised', async () => {
    const res = await get('/api/exports/rankings.csv?survey=sipas-2017&parent=T9&period=2026');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="rankings-sipas-2017-T9-2026.csv"');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string | number | null>>(res.body.slice(1), { header: true, dynamicTyping: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([
      'rank', 'of', 'unit_code', 'unit_name', 'unit_type', 'share_percent', 'n', 'respondents', 'interval_low', 'interval_high',
      'previous_rank', 'previous_of', 'rank_change', 'point_change', 'group_ranks', 'status',
    ]);
    expect(parsed.data.map((row) => [row.unit_code, row.rank, row.share_percent, row.rank_change, row.point_change, row.group_ranks, row.status])).toEqual([
      [COMMUNE_CODES.c1, 1, 90, 3, 10, 'region:Bắc 1/2', 'ranked'],
      [COMMUNE_CODES.c2, 2, 85, 1, 0, 'region:Bắc 2/2', 'ranked'],
      [COMMUNE_CODES.c3, 2, 85, 0, -5, 'region:Nam 1/2', 'ranked'],
      [COMMUNE_CODES.c4, 4, 80, -3, -15, 'region:Nam 2/2', 'ranked'],
      [COMMUNE_CODES.c5, null, 100, null, null, null, 'below-minimum'],
      [COMMUNE_CODES.c6, null, null, null, null, null, 'no-score'],
    ]);
    expect(parsed.data.at(-1)!.unit_name).toBe(`'${FORMULA_NAME}`);
    expect(res.body).toContain(`"'=HYPERLINK(""http://x.invalid"",""c6"")"`);
  });

  it('lets a commune viewer see its own place and report, and nothing of its neighbours (403)', async () => {
    const viewer = await adminHeaders(app, { role: 'viewer', unitCode: COMMUNE_CODES.c3 });
    const as = (url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });
    expect((await as(`/api/rankings/position?survey=sipas-2017&unit=${COMMUNE_CODES.c3}&period=2026`, viewer)).statusCode).toBe(200);
    expect((await as(`/api/reports/analysis?survey=sipas-2017&unit=${COMMUNE_CODES.c3}&period=2026`, viewer)).statusCode).toBe(200);
    for (const url of [
      `/api/rankings/position?survey=sipas-2017&unit=${COMMUNE_CODES.c1}&period=2026`,
      `/api/reports/analysis?survey=sipas-2017&unit=${COMMUNE_CODES.c1}&period=2026`,
      '/api/rankings?survey=sipas-2017&parent=T9&period=2026',
      '/api/rankings?survey=sipas-2017&level=commune&period=2026',
      '/api/exports/rankings.csv?survey=sipas-2017&parent=T9&period=2026',
      '/api/exports/scores.csv?survey=sipas-2017&unit=T9&period=2026',
    ]) {
      expect((await as(url, viewer)).statusCode, url).toBe(403);
    }
    expect((await as('/api/rankings?survey=sipas-2017&parent=T9&period=2026', {})).statusCode).toBe(401);
    const provinceViewer = await adminHeaders(app, { role: 'viewer', unitCode: 'T9' });
    expect((await as('/api/rankings?survey=sipas-2017&parent=T9&period=2026', provinceViewer)).statusCode).toBe(200);
    expect((await as('/api/exports/scores.csv?survey=sipas-2017&unit=T9&period=2026', provinceViewer)).statusCode).toBe(200);
  });

  it.each([
    ['/api/rankings?survey=sipas-2017&parent=T9&period=2026-13', 'period'],
    ['/api/rankings?survey=sipas-2017&period=2026', 'parent'],
    ['/api/rankings?survey=sipas-2017&parent=T9&from=2026-01-01', 'to'],
    ['/api/rankings?survey=sipas-2017&parent=T9&from=2026-02-01&to=2026-01-01', 'to'],
    ['/api/rankings?survey=sipas-2017&parent=T9&period=2026&from=2026-01-01', 'period'],
    ['/api/rankings?survey=sipas-2017&level=county&period=2026', 'level'],
    ['/api/rankings/position?survey=sipas-2017&period=2026', 'unit'],
    ['/api/exports/rankings.csv?survey=sipas-2017&parent=T9&period=26', 'period'],
  ])('refuses %s with 400 naming %s', async (url, field) => {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(field);
  });

  it.each([
    ['/api/rankings?survey=nope&parent=T9&period=2026'],
    ['/api/rankings?survey=sipas-2017&parent=ZZ&period=2026'],
    ['/api/rankings/position?survey=sipas-2017&unit=ZZ&period=2026'],
  ])('answers 404 for %s', async (url) => {
    expect((await get(url)).statusCode).toBe(404);
  });
});
