import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnitValidOn } from '../../server/src/features/units/units.queries.ts';
import { adminHeaders } from '../support/admin-session.ts';
import { createTestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';
import { writeResponses } from './rankings.scenario.ts';

// Rankings across the 2025 mergers, on the seeded registry: the 34 provinces of 1 July 2025 were made from
// the 63 (every one of them, even Hà Tĩnh, which kept its borders, is a new unit with a lineage), so a
// ranking of a period before or around that day reads each new province's earlier days from its
// predecessors, as the results API does, and compares the same 34 units in both periods.
// Every respondent answers every criterion at one level, so a share is good ÷ (good + bad).

describe.each(testDrivers())('rankings across the 2025 mergers on %s PostgreSQL', (driver) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;

  const get = async (url: string) => app.inject({ method: 'GET', url, headers: await adminHeaders(app) });
  const unitId = async (code: string, date: string) => (await findUnitValidOn(app.db, code, date))!.id;

  beforeAll(async () => {
    ({ app, close } = await createTestApp(driver));
    const before = '2025-06-30';
    const after = '2025-07-01';
    await writeResponses(app.db, [
      // Q2, before the merger: the new Cần Thơ's predecessors (old Cần Thơ, Hậu Giang, Sóc Trăng): 38 of 40.
      [await unitId('92', before), '2025-05-05', 20, 0],
      [await unitId('93', before), '2025-05-06', 10, 0],
      [await unitId('94', before), '2025-06-30', 8, 2],
      // The old Hà Tĩnh: 36 of 40.
      [await unitId('42', before), '2025-04-01', 36, 4],
      // Q3, the new provinces themselves: Cần Thơ 32 of 40, Hà Tĩnh 33 of 40.
      [await unitId('92', after), '2025-07-01', 32, 8],
      [await unitId('42', after), '2025-09-30', 33, 7],
      // Communes: the old Bình Thủy (Q1) was split, counting toward both the new Bình Thủy and the new Cái Khế.
      [await unitId('31178', before), '2025-03-01', 5, 0],
      [await unitId('31120', after), '2025-10-05', 3, 0],
    ]);
  });
  afterAll(async () => close());

  type Entry = {
    unit: { code: string };
    share: number;
    respondents: number;
    rank: number;
    of: number;
    previousRank: number | null;
    rankChange: number | null;
    pointChange: number | null;
    derived: boolean;
    previousDerived: boolean;
  };
  const summary = (entries: Entry[]) =>
    entries.map((e) => [e.unit.code, Number(e.share.toFixed(2)), e.respondents, e.rank, e.previousRank, e.rankChange, e.pointChange, e.derived, e.previousDerived]);

  it('ranks the 34 provinces of 2025-Q3 against their Q2 figures re-aggregated from the 63, flagged derived', async () => {
    const res = await get('/api/rankings?survey=sipas-2017&level=province&period=2025-Q3');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.universe.units).toBe(34);
    // The same 34 units in both periods, so ranks compare (before, Q2 ranked the 63 old provinces: no changes).
    expect(body.comparable).toEqual({ ranks: true, shares: true });
    // Q3: Hà Tĩnh 82.5, Cần Thơ 80. Q2 (derived): Cần Thơ 95, Hà Tĩnh 90.
    expect(summary(body.ranked)).toEqual([
      ['42', 82.5, 40, 1, 2, 1, -7.5, false, true],
      ['92', 80, 40, 2, 1, -1, -15, false, true],
    ]);
    // The other 32 have no responses: listed apart.
    expect(body.unranked).toHaveLength(32);
    expect(body.fingerprint).toMatch(/ n:80 ids:/);
  });

  it('reads a year that straddles the merger from the predecessors before 1 July, flagged derived', async () => {
    const body = (await get('/api/rankings?survey=sipas-2017&level=province&period=2025')).json();
    // 2024 had no responses at all: nothing derived there, no previous ranks.
    // Cần Thơ: 38 + 32 + 5 (old Bình Thủy, Q1) + 3 (new Cái Khế, Q4) of 88; Hà Tĩnh: 36 + 33 of 80.
    expect(summary(body.ranked)).toEqual([
      ['92', Number(((100 * 78) / 88).toFixed(2)), 88, 1, null, null, null, true, false],
      ['42', 86.25, 80, 2, null, null, null, true, false],
    ]);
    expect(body.fingerprint).toMatch(/ n:168 ids:/);
    // The same figure as the results API's for the unit.
    const results = (await get('/api/results?survey=sipas-2017&unit=92&period=2025')).json();
    expect(results.derived).toBe(true);
    expect(body.ranked[0].share).toBeCloseTo(results.overall.share, 9);
    expect(body.ranked[0].respondents).toBe(results.respondents);
  });

  it('gives a merged unit its position with the rank change against its derived past', async () => {
    const body = (await get('/api/rankings/position?survey=sipas-2017&unit=92&period=2025-Q3')).json();
    expect(body.position).toMatchObject({ rank: 2, of: 2, previousRank: 1, previousOf: 2, rankChange: -1, previousDerived: true });
    expect(body.summary.vi).toBe('xếp hạng 2/2, giảm 1 bậc');
    expect(body.derived).toBe(false);
    expect(body.fingerprint).toMatch(/ n:40 ids:/);
  });

  it('counts a split predecessor toward each successor, and once in the fingerprint', async () => {
    const body = (await get('/api/rankings?survey=sipas-2017&parent=92&period=2025')).json();
    const entries = [...body.ranked, ...body.unranked] as Entry[];
    const byCode = new Map(entries.map((e) => [e.unit.code, e]));
    expect(byCode.get('31120')).toMatchObject({ respondents: 8, derived: true });
    expect(byCode.get('31168')).toMatchObject({ respondents: 5, derived: true });
    // The old Bình Thủy's 5 responses count for both communes but are 5 responses: 5 + 3 in all.
    expect(body.fingerprint).toMatch(/ n:8 ids:/);
  });

  it('writes the analysis and the scores export from the same derived figures', async () => {
    const analysis = (await get('/api/reports/analysis?survey=sipas-2017&unit=92&period=2025-Q3&locale=vi')).json();
    expect(analysis.tables.overall).toMatchObject({ share: 80, previousShare: 95, pointChange: -15 });
    expect(analysis.paragraphs[0]).toContain('xếp hạng 2/2, giảm 1 bậc so với quý II/2025');
    expect(analysis.paragraphs.at(-1)).toContain('được tính lại từ phiếu khảo sát của các đơn vị trước sắp xếp');

    const csv = (await get('/api/exports/scores.csv?survey=sipas-2017&unit=92&period=2025')).body;
    const respondentsOf = (code: string) => {
      const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
      const row = csv.split('\r\n').find((line) => line.startsWith(`${code},`))!.split(',');
      return Number(row[header.indexOf('respondents')]);
    };
    expect(respondentsOf('92')).toBe(88);
    expect(respondentsOf('31120')).toBe(8);
  });
});
