import { randomUUID } from 'node:crypto';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { Answers, SurveyDefinition } from '@sipas/survey-definitions/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildTallies, verifyTallies } from '../../server/src/features/aggregates/aggregates.service.ts';
import { responseIdsDigest, scoringSpecHash } from '../../server/src/features/results/fingerprint.ts';
import { findUnitValidOn } from '../../server/src/features/units/units.queries.ts';
import { scoreUnit, sumRespondentShares, type UnitScore } from '../../server/src/scoring/unit-score.ts';
import { adminHeaders } from '../support/admin-session.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

const definition: SurveyDefinition = (await loadDefinitions()).find(
  (d) => d.definition.key === 'sipas-2017' && d.definition.version === 1,
)!.definition;
const spec = definition.scoring;
const firstCriterion = spec.components[0]!.criteria[0]!;

/** Units of the Cần Thơ 2025 merger, by the code and a date they were valid on. */
const UNITS = {
  oldCanTho: ['92', '2025-01-01'],
  hauGiang: ['93', '2025-01-01'],
  socTrang: ['94', '2025-01-01'],
  ninhKieuDistrict: ['916', '2025-01-01'],
  oldCaiKhe: ['31117', '2025-01-01'],
  oldBinhThuy: ['31178', '2025-01-01'],
  newCanTho: ['92', '2025-07-01'],
  newCaiKhe: ['31120', '2025-07-01'],
  newBinhThuy: ['31168', '2025-07-01'],
  haTinh: ['42', '2025-07-01'],
} as const;
type UnitName = keyof typeof UNITS;

interface Stored {
  id: string;
  unit: UnitName;
  date: string;
  answers: Answers;
}

// Levels vary so shares differ between periods; one "not applicable" per response checks it is not counted.
const SCENARIO: Array<[UnitName, string, 1 | 2 | 3 | 4 | 5]> = [
  ['oldCanTho', '2024-05-10', 5],
  ['hauGiang', '2024-11-02', 2],
  ['ninhKieuDistrict', '2025-02-03', 4],
  ['oldCaiKhe', '2025-03-15', 5],
  ['hauGiang', '2025-03-20', 3],
  ['socTrang', '2025-01-31', 2],
  ['oldBinhThuy', '2025-03-01', 4],
  ['oldCanTho', '2025-05-05', 1],
  ['newCanTho', '2025-08-01', 5],
  ['newCanTho', '2025-09-30', 4],
  ['newCaiKhe', '2025-08-15', 2],
  ['haTinh', '2025-08-01', 5],
];

/** The raw answers of the responses, scored directly: what the tallies must reproduce. */
function recompute(responses: readonly Stored[]): UnitScore {
  const criteria = [...new Set(spec.components.flatMap((c) => c.criteria))];
  const tallies = new Map(criteria.map((id) => [id, { satisfied: 0, valid: 0 }]));
  const shares: number[] = [];
  for (const { answers } of responses) {
    let satisfied = 0;
    let valid = 0;
    for (const id of criteria) {
      const value = answers[id];
      if (typeof value !== 'number') continue;
      const tally = tallies.get(id)!;
      tally.valid++;
      valid++;
      if (spec.satisfiedLevels.includes(value)) {
        tally.satisfied++;
        satisfied++;
      }
    }
    if (valid > 0) shares.push((100 * satisfied) / valid);
  }
  return scoreUnit(spec, { criteria: tallies, respondents: shares.length, respondentShares: sumRespondentShares(shares) });
}

describe.each(testDrivers())('GET /api/results on %s PostgreSQL', (driver) => {
  let t: TestApp;
  let headers: Record<string, string>;
  const ids = new Map<UnitName, number>();
  const stored: Stored[] = [];

  const insert = async (unit: UnitName, date: string, level: 1 | 2 | 3 | 4 | 5) => {
    const response: Stored = { id: randomUUID(), unit, date, answers: answerAll(definition, level, { [firstCriterion]: 'na' }) };
    await t.app.db
      .insertInto('responses')
      .values({
        id: response.id,
        survey_key: definition.key,
        survey_version: definition.version,
        unit_id: ids.get(unit)!,
        channel: 'web',
        locale: 'vi',
        local_date: date,
        answers: JSON.stringify(response.answers),
        content_hash: 'test',
      })
      .execute();
    stored.push(response);
  };
  const among = (units: readonly UnitName[], from: string, to: string) =>
    stored.filter((r) => units.includes(r.unit) && r.date >= from && r.date <= to);
  const get = async (query: string) => t.app.inject({ method: 'GET', url: `/api/results${query}`, headers });

  beforeAll(async () => {
    t = await createTestApp(driver);
    headers = await adminHeaders(t.app);
    // The survey version is recorded when the first response arrives through the API.
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: { survey: 'sipas-2017', version: 1, unit: '01', answers: answerAll(definition, 3) },
    });
    expect(first.statusCode).toBe(201);
    for (const [name, [code, date]] of Object.entries(UNITS)) {
      ids.set(name as UnitName, (await findUnitValidOn(t.app.db, code, date))!.id);
    }
    for (const [unit, date, level] of SCENARIO) await insert(unit, date, level);
  });
  afterAll(async () => t.close());

  it('equals a recomputation from the raw responses of the subtree and the predecessors', async () => {
    const res = await get('?survey=sipas-2017&version=1&unit=92&period=2025');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const counted = among(['newCanTho', 'newCaiKhe', 'oldCanTho', 'ninhKieuDistrict', 'oldCaiKhe', 'oldBinhThuy', 'hauGiang', 'socTrang'], '2025-01-01', '2025-12-31');
    expect(counted).toHaveLength(9);
    const expected = recompute(counted);

    expect(body.survey).toMatchObject({ key: 'sipas-2017', version: 1 });
    expect(body.unit).toMatchObject({ id: ids.get('newCanTho'), code: '92', nameVi: 'Cần Thơ', level: 'province', validFrom: '2025-07-01' });
    expect(body.period).toEqual({ label: '2025', from: '2025-01-01', to: '2025-12-31' });
    expect(body.respondents).toBe(9);
    expect(body.overall.share).toBeCloseTo(expected.overall.share!, 9);
    expect(body.overall.interval.low).toBeCloseTo(expected.overall.interval!.low, 9);
    expect(body.overall.n).toBe(expected.overall.respondents);
    expect(body.overall.belowMinimum).toBe(true); // 9 < 30
    body.components.forEach((component: { id: string; share: number; n: number; criteria: Array<{ id: string; satisfied: number; n: number }> }, i: number) => {
      const want = expected.components[i]!;
      expect(component.id).toBe(want.id);
      expect(component.share).toBeCloseTo(want.share!, 9);
      expect(component.n).toBe(want.validAnswers);
      expect(component.criteria.map((c) => [c.id, c.satisfied, c.n])).toEqual(want.criteria.map((c) => [c.id, c.satisfied, c.valid]));
    });
    // "Not applicable" is never valid: the first criterion has no valid answer at all.
    expect(body.components[0].criteria[0]).toMatchObject({ id: firstCriterion, n: 0, share: null, interval: null });
  });

  it('flags the part before the merger as derived from the predecessors', async () => {
    const body = (await get('?survey=sipas-2017&unit=92&period=2025')).json();
    expect(body.derived).toBe(true);
    expect(body.derivation).toMatchObject({ from: '2025-01-01', to: '2025-06-30', partial: false });
    expect(body.derivation.predecessors.map((p: { code: string; kind: string }) => `${p.code}:${p.kind}`)).toEqual(['92:full', '93:full', '94:full']);

    // A period after the merger reads the successor alone.
    const q3 = (await get('?survey=sipas-2017&unit=92&period=2025-Q3')).json();
    expect(q3).toMatchObject({ derived: false, derivation: null, respondents: 3 });
    // A period before it resolves the code to the unit valid then: old Cần Thơ, without Hậu Giang and Sóc Trăng.
    const q1 = (await get('?survey=sipas-2017&unit=92&period=2025-Q1')).json();
    expect(q1.unit).toMatchObject({ id: ids.get('oldCanTho'), validTo: '2025-06-30' });
    expect(q1).toMatchObject({ derived: false, respondents: among(['ninhKieuDistrict', 'oldCaiKhe', 'oldBinhThuy'], '2025-01-01', '2025-03-31').length });
    // A code that ended during the period: the unit that had it then.
    const hauGiang = (await get('?survey=sipas-2017&unit=93&period=2025')).json();
    expect(hauGiang.unit).toMatchObject({ id: ids.get('hauGiang'), validTo: '2025-06-30' });
    expect(hauGiang.respondents).toBe(among(['hauGiang'], '2025-01-01', '2025-12-31').length);
    expect((await get('?survey=sipas-2017&unit=93&period=2026')).statusCode).toBe(404);
  });

  it('counts a split predecessor whole toward each successor that names it, flagged partial', async () => {
    const caiKhe = (await get('?survey=sipas-2017&unit=31120&period=2025')).json();
    const binhThuy = (await get('?survey=sipas-2017&unit=31168&period=2025')).json();
    expect(caiKhe.derivation.partial).toBe(true);
    expect(caiKhe.derivation.predecessors.find((p: { code: string }) => p.code === '31178').kind).toBe('partial');
    // Cái Khế: its own response, the old Cái Khế (full) and the old Bình Thủy (partial).
    expect(caiKhe.respondents).toBe(among(['newCaiKhe', 'oldCaiKhe', 'oldBinhThuy'], '2025-01-01', '2025-12-31').length);
    expect(caiKhe.respondents).toBe(3);
    expect(binhThuy.respondents).toBe(1);
    expect(binhThuy.derived).toBe(true);
  });

  it('sums the subtree by default, and only the unit itself with subtree=false', async () => {
    const withSubtree = (await get('?survey=sipas-2017&unit=92&period=2025-Q3')).json();
    const alone = (await get('?survey=sipas-2017&unit=92&period=2025-Q3&subtree=false')).json();
    expect(withSubtree.respondents).toBe(among(['newCanTho', 'newCaiKhe'], '2025-07-01', '2025-09-30').length);
    expect(alone.respondents).toBe(among(['newCanTho'], '2025-07-01', '2025-09-30').length);
    expect(alone.subtree).toBe(false);
    expect(alone.overall.share).toBeCloseTo(recompute(among(['newCanTho'], '2025-07-01', '2025-09-30')).overall.share!, 9);
  });

  it('compares with the previous period of the same length', async () => {
    const body = (await get('?survey=sipas-2017&unit=92&period=2025-Q3')).json();
    expect(body.previousPeriod).toEqual({ label: '2025-Q2', from: '2025-04-01', to: '2025-06-30' });
    // Q2 is before the merger: old Cần Thơ's response of May, derived.
    const q2 = recompute(among(['oldCanTho'], '2025-04-01', '2025-06-30'));
    expect(body.previous).toMatchObject({ respondents: 1, derived: true });
    expect(body.previous.overall.share).toBeCloseTo(q2.overall.share!, 9);
    expect(body.overall.change).toBeCloseTo(body.overall.share - q2.overall.share!, 9);
    body.components.forEach((c: { share: number | null; change: number | null }, i: number) => {
      const before = q2.components[i]!.share;
      if (c.share === null || before === null) expect(c.change).toBeNull();
      else expect(c.change).toBeCloseTo(c.share - before, 9);
    });

    expect((await get('?survey=sipas-2017&unit=92&period=2025')).json().previousPeriod.label).toBe('2024');
    expect((await get('?survey=sipas-2017&unit=92&period=2025-06')).json().previousPeriod).toEqual({ label: '2025-05', from: '2025-05-01', to: '2025-05-31' });
    expect((await get('?survey=sipas-2017&unit=92&period=2025-01')).json().previousPeriod.label).toBe('2024-12');
    const range = (await get('?survey=sipas-2017&unit=92&from=2025-03-01&to=2025-03-10')).json();
    expect(range.period.label).toBe('2025-03-01..2025-03-10');
    expect(range.previousPeriod).toEqual({ label: '2025-02-19..2025-02-28', from: '2025-02-19', to: '2025-02-28' });

    // A previous period without responses: no comparison.
    const y2024 = (await get('?survey=sipas-2017&unit=42&period=2025-Q3')).json();
    expect(y2024.previous).toBeNull();
    expect(y2024.overall.change).toBeNull();
  });

  it('defaults to the current year in Vietnam', async () => {
    const body = (await get('?survey=sipas-2017&unit=01')).json();
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date());
    expect(body.period).toEqual({ label: year, from: `${year}-01-01`, to: `${year}-12-31` });
    expect(body.respondents).toBe(1); // the response posted through the API today
  });

  it('fingerprints the responses: the digest of their raw ids, changed by a new response', async () => {
    const before = (await get('?survey=sipas-2017&unit=92&period=2025-Q3')).json().fingerprint;
    const ids = among(['newCanTho', 'newCaiKhe'], '2025-07-01', '2025-09-30').map((r) => r.id);
    expect(before).toMatchObject({
      survey: 'sipas-2017@1',
      scoringSpecSha256: scoringSpecHash(spec),
      responses: ids.length,
      responsesDigest: responseIdsDigest(ids),
    });
    expect(before.scoringSpecSha256).toMatch(/^[0-9a-f]{64}$/);

    await insert('newCaiKhe', '2025-09-01', 3);
    const after = (await get('?survey=sipas-2017&unit=92&period=2025-Q3')).json().fingerprint;
    const idsAfter = among(['newCanTho', 'newCaiKhe'], '2025-07-01', '2025-09-30').map((r) => r.id);
    expect(after.responses).toBe(before.responses + 1);
    expect(after.responsesDigest).not.toBe(before.responsesDigest);
    expect(after.responsesDigest).toBe(responseIdsDigest(idsAfter));

    // Deleting it restores the digest; the stored digests equal a recomputation from raw responses.
    await t.app.db.deleteFrom('responses').where('id', '=', stored.pop()!.id).execute();
    expect((await get('?survey=sipas-2017&unit=92&period=2025-Q3')).json().fingerprint.responsesDigest).toBe(before.responsesDigest);
    expect((await verifyTallies(t.app.db)).total).toBe(0);
  });

  it('finds a wrong stored digest when verifying the tallies, and a rebuild restores it', async () => {
    await t.app.db.updateTable('response_tallies').set({ id_digest: '12345' }).where('unit_id', '=', ids.get('haTinh')!).where('grain', '=', 'year').execute();
    const report = await verifyTallies(t.app.db);
    expect(report.total).toBe(1);
    expect(report.differences[0]).toMatchObject({ unitCode: '42', grain: 'year' });
    await rebuildTallies(t.app.db);
    expect((await verifyTallies(t.app.db)).total).toBe(0);
    const haTinh = (await get('?survey=sipas-2017&unit=42&period=2025')).json().fingerprint;
    expect(haTinh.responsesDigest).toBe(responseIdsDigest(among(['haTinh'], '2025-01-01', '2025-12-31').map((r) => r.id)));
  });

  it.each([
    ['?survey=sipas-2017&unit=92&period=2025-Q5', 400, 'period'],
    ['?survey=sipas-2017&unit=92&period=2025-13', 400, 'period'],
    ['?survey=sipas-2017&unit=92&period=2025&from=2025-01-01&to=2025-02-01', 400, 'period'],
    ['?survey=sipas-2017&unit=92&from=2025-01-01', 400, 'to'],
    ['?survey=sipas-2017&unit=92&from=2025-03-01&to=2025-02-01', 400, 'to'],
    ['?survey=sipas-2017&unit=92&from=2025-02-30&to=2025-03-01', 400, 'from'],
    ['?survey=sipas-2017&unit=92&subtree=maybe', 400, 'subtree'],
    ['?unit=92', 400, 'survey'],
    ['?survey=sipas-2017&unit=92&version=abc', 400, 'version'],
    ['?survey=sipas-2017&unit=999', 404, 'Unknown unit 999'],
    ['?survey=nope&unit=92', 404, 'Unknown survey nope'],
    ['/trend?survey=sipas-2017&unit=92&bucket=week', 400, 'bucket'],
    ['/trend?survey=sipas-2017&unit=92&from=2000-01-01&to=2025-12-31', 400, 'bucket'],
  ])('%s -> %i naming %s', async (query, status, words) => {
    const res = await get(query);
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toContain(words);
  });
});

describe.each(testDrivers())('GET /api/results/trend on %s PostgreSQL', (driver) => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(driver);
    headers = await adminHeaders(t.app);
    await t.app.inject({ method: 'POST', url: '/api/responses', payload: { survey: 'sipas-2017', version: 1, unit: '01', answers: answerAll(definition, 3) } });
    const unitOn = async (code: string, date: string) => (await findUnitValidOn(t.app.db, code, date))!.id;
    const rows: Array<[number, string, 1 | 2 | 3 | 4 | 5]> = [
      [await unitOn('93', '2025-01-01'), '2025-02-10', 5],
      [await unitOn('94', '2025-01-01'), '2025-05-10', 2],
      [await unitOn('92', '2025-01-01'), '2025-06-30', 4],
      [await unitOn('92', '2025-07-01'), '2025-07-01', 5],
      [await unitOn('92', '2025-07-01'), '2025-11-11', 1],
    ];
    await t.app.db
      .insertInto('responses')
      .values(
        rows.map(([unitId, date, level]) => ({
          id: randomUUID(),
          survey_key: 'sipas-2017',
          survey_version: 1,
          unit_id: unitId,
          channel: 'web',
          locale: 'vi',
          local_date: date,
          answers: JSON.stringify(answerAll(definition, level)),
          content_hash: 'test',
        })),
      )
      .execute();
  });
  afterAll(async () => t.close());

  it('gives each bucket its scores, derived before the merger, and adds up to the period result', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/results/trend?survey=sipas-2017&version=1&unit=92&from=2025-01-01&to=2025-12-31&bucket=quarter', headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.series).toHaveLength(1);
    const [series] = body.series;
    expect(series.survey).toMatchObject({ key: 'sipas-2017', version: 1 });
    const points = series.points as Array<{ period: { label: string }; respondents: number; derived: boolean; overall: { share: number | null; n: number }; responsesDigest: string }>;
    expect(points.map((p) => [p.period.label, p.respondents, p.derived])).toEqual([
      ['2025-Q1', 1, true],
      ['2025-Q2', 2, true],
      ['2025-Q3', 1, false],
      ['2025-Q4', 1, false],
    ]);
    expect(points[0]!.overall.share).toBe(100); // every criterion at 5
    expect(points[3]!.overall.share).toBe(0); // every criterion at 1

    const year = (await t.app.inject({ method: 'GET', url: '/api/results?survey=sipas-2017&version=1&unit=92&period=2025', headers })).json();
    expect(year.respondents).toBe(points.reduce((sum, p) => sum + p.respondents, 0));
    expect(series.fingerprint.responsesDigest).toBe(year.fingerprint.responsesDigest);
    expect(series.derivation).toEqual(year.derivation);

    // Year buckets: 2025 straddles the merger, so it is derived.
    const yearly = (await t.app.inject({ method: 'GET', url: '/api/results/trend?survey=sipas-2017&unit=92&from=2024-06-01&to=2025-12-31&bucket=year', headers })).json();
    expect(yearly.series[0].points.map((p: { period: object; respondents: number; derived: boolean }) => [p.period, p.respondents, p.derived])).toEqual([
      [{ label: '2024', from: '2024-06-01', to: '2024-12-31' }, 0, true],
      [{ label: '2025', from: '2025-01-01', to: '2025-12-31' }, 5, true],
    ]);
    expect(yearly.series[0].points[0].overall).toMatchObject({ share: null, n: 0, belowMinimum: true });
  });

  it('splits by month by default', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/results/trend?survey=sipas-2017&unit=92&period=2025-Q3', headers });
    expect(res.statusCode).toBe(200);
    const points = res.json().series[0].points;
    expect(points.map((p: { period: { label: string }; respondents: number }) => [p.period.label, p.respondents])).toEqual([
      ['2025-07', 1],
      ['2025-08', 0],
      ['2025-09', 0],
    ]);
  });
});
