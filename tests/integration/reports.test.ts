import { randomUUID } from 'node:crypto';
import { allQuestions, type Answers } from '@sipas/survey-definitions/schema';
import type { FastifyInstance } from 'fastify';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBatch } from '../../server/src/features/responses/response-writer.ts';
import { formatShare } from '../../server/src/scoring/rank-text.ts';
import { adminHeaders } from '../support/admin-session.ts';
import { answerAll } from '../support/answers.ts';
import { createTestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';
import { sipas2017 } from './rankings.scenario.ts';

// A seeded scenario with known scores this year and last, among the 34 provinces (from 01/07/2025).
// Kinds of respondent: A answers 5 to every criterion, B answers 2, C answers 2 to the procedure criteria only.
//   2025 (second half): Cần Thơ 36 A + 4 B = 90 %; Vĩnh Long 34 A + 6 B = 85 %; Hà Nội 32 A + 8 B = 80 %.
//   2026: Hà Nội 39 A + 1 B = 97,5 %; Vĩnh Long 38 A + 2 B = 95 %; Cần Thơ 34 A + 2 B + 4 C (20 A on the city
//   itself, the rest on its first commune, in May): components 95 % except procedure 34/40 = 85 %, overall
//   (4 × 95 + 85) / 5 = 93 %; Huế 10 A, below the minimum of 30.
// So Cần Thơ falls from 1/3 to 3/3 ("giảm 2 bậc") while its index rises 3 points, and within the Mekong
// Delta region (Cần Thơ, Vĩnh Long) it is 2/2.

const procedureCriteria = sipas2017.scoring.components.find((c) => c.id === 'procedure')!.criteria;
const A = answerAll(sipas2017, 5, { feedback_given: true });
const B = answerAll(sipas2017, 2, { feedback_given: true });
const C = answerAll(sipas2017, 5, { feedback_given: true, ...Object.fromEntries(procedureCriteria.map((id) => [id, 2])) });
const criterionText = new Map(allQuestions(sipas2017).map(({ question }) => [question.id, question.text]));

describe.each(testDrivers())('analysis report and score exports on %s PostgreSQL', (driver) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let firstCommune = '';

  const get = async (url: string) => app.inject({ method: 'GET', url, headers: await adminHeaders(app) });

  async function write(unitId: number, localDate: string, groups: Array<[Answers, number]>) {
    const batch = groups.flatMap(([answers, count]) =>
      Array.from({ length: count }, () => ({
        response: {
          id: randomUUID(),
          surveyKey: sipas2017.key,
          surveyVersion: sipas2017.version,
          unitId,
          channel: 'web',
          locale: 'vi',
          localDate,
          answers,
          contentHash: randomUUID(),
        },
      })),
    );
    const outcomes = await writeBatch(app.db, batch);
    expect(outcomes.every((o) => o.kind === 'inserted')).toBe(true);
  }

  beforeAll(async () => {
    ({ app, close } = await createTestApp(driver));
    const current = async (code: string) =>
      (await app.db.selectFrom('units').select('id').where('code', '=', code).where('valid_to', 'is', null).where('level', '=', 'province').executeTakeFirstOrThrow()).id;
    const [canTho, vinhLong, haNoi, hue] = await Promise.all(['92', '86', '01', '46'].map(current));
    const commune = await app.db.selectFrom('units').select(['id', 'code']).where('parent_id', '=', canTho!).where('valid_to', 'is', null).orderBy('code').executeTakeFirstOrThrow();
    firstCommune = commune.code;

    await write(canTho!, '2025-07-01', [[A, 36], [B, 4]]);
    await write(vinhLong!, '2025-09-15', [[A, 34], [B, 6]]);
    await write(haNoi!, '2025-12-31', [[A, 32], [B, 8]]);
    await write(haNoi!, '2026-09-01', [[A, 39], [B, 1]]);
    await write(vinhLong!, '2026-10-20', [[A, 38], [B, 2]]);
    await write(canTho!, '2026-05-04', [[A, 20]]);
    await write(commune.id, '2026-05-28', [[A, 14], [B, 2], [C, 4]]);
    await write(hue!, '2026-11-11', [[A, 10]]);
  });
  afterAll(async () => close());

  it('writes the headline with the exact rank and point changes, in Vietnamese', async () => {
    const res = await get('/api/reports/analysis?survey=sipas-2017&unit=92&period=2026');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const interval = body.tables.overall.interval;
    expect(body.paragraphs).toEqual([
      'Năm 2026, Chỉ số SIPAS của Thành phố Cần Thơ đạt 93,00%, xếp hạng 3/3, giảm 2 bậc so với năm 2025; yếu tố Thủ tục hành chính giảm 5,00 điểm, yếu tố Tiếp cận dịch vụ tăng 5,00 điểm. ' +
        'So với năm 2025 (90,00%), chỉ số tăng 3,00 điểm. Đơn vị xếp thứ 2/2 trong vùng Đồng bằng sông Cửu Long.',
      'Các yếu tố thành phần: Tiếp cận dịch vụ 95,00% (tăng 5,00 điểm); Thủ tục hành chính 85,00% (giảm 5,00 điểm); Sự phục vụ của công chức 95,00% (tăng 5,00 điểm); ' +
        'Kết quả giải quyết thủ tục hành chính 95,00% (tăng 5,00 điểm); Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị 95,00% (tăng 5,00 điểm).',
      `Các tiêu chí có tỷ lệ hài lòng thấp nhất: ${procedureCriteria
        .slice(0, 3)
        .map((id) => `“${criterionText.get(id)!.vi}” 85,00%`)
        .join('; ')}.`,
      `Kết quả dựa trên 40 phiếu khảo sát, trong đó 40 phiếu có câu trả lời hợp lệ cho các tiêu chí; khoảng tin cậy 95% của chỉ số từ ${formatShare(interval.low, 'vi')} đến ${formatShare(interval.high, 'vi')}.`,
    ]);
    expect(body.fingerprint).toMatch(/^sipas-2017@1 spec:[0-9a-f]{12} n:40 ids:[0-9a-f]{15}$/);
    expect(interval.low).toBeLessThan(93);
    expect(interval.high).toBeGreaterThan(93);
    expect(body.tables.position).toEqual({
      rank: 3,
      of: 3,
      previousRank: 1,
      previousOf: 3,
      rankChange: -2,
      pointChange: 3,
      groupRanks: [{ group: 'region:Đồng bằng sông Cửu Long', rank: 2, of: 2 }],
    });
    expect(body.tables.overall).toMatchObject({ share: 93, previousShare: 90, pointChange: 3, n: 40, respondents: 40, belowMinimum: false, minimumSample: 30 });
    expect(body.tables.components.map((c: { id: string; share: number; previousShare: number; pointChange: number; n: number }) => [c.id, c.share, c.previousShare, c.pointChange, c.n])).toEqual([
      ['access', 95, 90, 5, 160],
      ['procedure', 85, 90, -5, 200],
      ['staff', 95, 90, 5, 240],
      ['result', 95, 90, 5, 120],
      ['feedback', 95, 90, 5, 160],
    ]);
    expect(body.tables.criteria).toHaveLength(22);
    expect(body.tables.criteria[4]).toMatchObject({ id: procedureCriteria[0], componentId: 'procedure', share: 85, previousShare: 90, pointChange: -5, n: 40 });
  });

  it('writes the same report in English', async () => {
    const body = (await get('/api/reports/analysis?survey=sipas-2017&unit=92&period=2026&locale=en')).json();
    expect(body.locale).toBe('en');
    expect(body.paragraphs[0]).toBe(
      'In 2026, the SIPAS index of Can Tho was 93.00%, ranked 3/3, down 2 places compared with 2025; Administrative procedure down 5.00 points, Access to the service up 5.00 points. ' +
        'Compared with 2025 (90.00%), the index is up 3.00 points. It ranks 2/2 in the Đồng bằng sông Cửu Long region.',
    );
  });

  it('names a quarter and reports a rise of 2 places for Hà Nội', async () => {
    const quarter = (await get('/api/reports/analysis?survey=sipas-2017&unit=92&period=2026-Q2')).json();
    expect(quarter.paragraphs[0]).toBe(
      'Quý II/2026, Chỉ số SIPAS của Thành phố Cần Thơ đạt 93,00%, xếp hạng 1/1. Đơn vị xếp thứ 1/1 trong vùng Đồng bằng sông Cửu Long.',
    );
    const haNoi = (await get('/api/reports/analysis?survey=sipas-2017&unit=01&period=2026')).json();
    expect(haNoi.paragraphs[0]).toBe(
      'Năm 2026, Chỉ số SIPAS của Thành phố Hà Nội đạt 97,50%, xếp hạng 1/3, tăng 2 bậc so với năm 2025; yếu tố Tiếp cận dịch vụ tăng 17,50 điểm. ' +
        'So với năm 2025 (80,00%), chỉ số tăng 17,50 điểm. Đơn vị xếp thứ 1/1 trong vùng Đồng bằng sông Hồng.',
    );
  });

  it('says a unit below the minimum sample is not ranked, and why', async () => {
    const body = (await get('/api/reports/analysis?survey=sipas-2017&unit=46&period=2026')).json();
    expect(body.paragraphs[0]).toBe('Năm 2026, Chỉ số SIPAS của Thành phố Huế đạt 100,00%, chưa được xếp hạng vì số người trả lời (10) thấp hơn mức tối thiểu 30.');
    expect(body.paragraphs.at(-1)).toMatch(/Lưu ý: số người trả lời \(10\) thấp hơn mức tối thiểu 30 để xếp hạng; kết quả chỉ có giá trị tham khảo\.$/);
    expect(body.tables).toMatchObject({ position: null, unrankedReason: 'below-minimum' });
  });

  it('exports the scores of a unit and of each unit below it', async () => {
    const res = await get('/api/exports/scores.csv?survey=sipas-2017&unit=92&period=2026');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="scores-sipas-2017-92-2026.csv"');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    // Codes are text (leading zeros); every other cell is read as a number or boolean where it looks like one.
    const parsed = Papa.parse<Record<string, string | number | boolean | null>>(res.body.slice(1), {
      header: true,
      dynamicTyping: (field) => field !== 'unit_code' && field !== 'parent_code',
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const criteria = sipas2017.scoring.components.flatMap((c) => c.criteria);
    expect(parsed.meta.fields).toEqual([
      'unit_code', 'unit_name', 'unit_level', 'parent_code', 'respondents',
      'overall_share_percent', 'overall_n', 'overall_interval_low', 'overall_interval_high', 'below_minimum',
      ...sipas2017.scoring.components.flatMap((c) => [`${c.id}_share_percent`, `${c.id}_n`]),
      ...criteria.flatMap((id) => [`${id}_share_percent`, `${id}_n`]),
    ]);
    const [city, commune] = parsed.data;
    expect(city).toMatchObject({
      unit_code: '92', unit_name: 'Thành phố Cần Thơ', unit_level: 'province', parent_code: '', respondents: 40,
      overall_share_percent: 93, overall_n: 40, below_minimum: false, access_share_percent: 95, access_n: 160, procedure_share_percent: 85, procedure_n: 200,
      [`${procedureCriteria[0]}_share_percent`]: 85, [`${procedureCriteria[0]}_n`]: 40,
    });
    // The commune alone: 14 A + 2 B + 4 C -> access 18/20 = 90 %, procedure 14/20 = 70 %, overall (4 × 90 + 70) / 5 = 86 %.
    expect(commune).toMatchObject({
      unit_code: firstCommune, unit_level: 'commune', parent_code: '92', respondents: 20,
      overall_share_percent: 86, overall_n: 20, below_minimum: true, access_share_percent: 90, procedure_share_percent: 70,
    });
    expect(typeof city!.overall_interval_low).toBe('number');
    const others = parsed.data.slice(2);
    expect(others.length).toBeGreaterThan(10);
    expect(others.every((row) => row.respondents === 0 && row.overall_share_percent === null && row.parent_code === '92')).toBe(true);
  });

  it.each([
    ['/api/reports/analysis?survey=sipas-2017&unit=92&period=2026&locale=fr', 'locale'],
    ['/api/reports/analysis?survey=sipas-2017&period=2026', 'unit'],
    ['/api/exports/scores.csv?survey=sipas-2017&unit=92&from=2026-01-01', 'to'],
  ])('refuses %s with 400 naming %s', async (url, field) => {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(field);
  });
});
