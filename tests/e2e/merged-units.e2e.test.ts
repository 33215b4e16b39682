import { randomUUID } from 'node:crypto';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { Answers } from '@sipas/survey-definitions/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBatch } from '../../server/src/features/responses/response-writer.ts';
import { signInPage } from '../support/admin-session.ts';
import { answerAll } from '../support/answers.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { collectPageErrors, newDesktopContext } from '../support/browser.ts';
import { useLiveServerAndBrowser } from '../support/live-server.ts';

const sipas2017 = loadDefinitions().find((d) => d.definition.key === 'sipas-2017')!.definition;

// Two communes of Cần Thơ formed on 1 July 2025, each from an older commune. In 2025-Q2 the first one's
// predecessor had 100 % and the second one's 75 %; in Q3 the communes themselves had 75 % and 100 %. The
// Q3 ranking compares them with their Q2 figures re-computed from their predecessors: marked "*", explained.
describe('a ranking across the 2025 mergers on the dashboard', () => {
  const t = useLiveServerAndBrowser({ demoData: 'off' });
  const successors: Array<{ code: string; nameVi: string }> = [];

  beforeAll(async () => {
    const db = t.server.app.db;
    const canTho = await db.selectFrom('units').select('id').where('code', '=', '92').where('valid_from', '=', '2025-07-01').executeTakeFirstOrThrow();
    // The first two new communes with a predecessor of their own (one each, not shared).
    const pairs = await db
      .selectFrom('unit_lineage as l')
      .innerJoin('units as s', 's.id', 'l.successor_id')
      .select(['s.id as successorId', 's.code', 's.name_vi as nameVi', 'l.predecessor_id as predecessorId'])
      .where('s.parent_id', '=', canTho.id)
      .orderBy('s.code')
      .orderBy('l.predecessor_id')
      .execute();
    const [first, second] = pairs.filter((pair, i) => pairs.findIndex((p) => p.code === pair.code) === i).slice(0, 2);
    successors.push(first!, second!);
    const rows = (unitId: number, answers: Answers, count: number, localDate: string) =>
      Array.from({ length: count }, () => ({
        response: { id: randomUUID(), surveyKey: sipas2017.key, surveyVersion: sipas2017.version, unitId, channel: 'web', locale: 'vi', localDate, answers, contentHash: randomUUID() },
      }));
    const [good, bad] = [answerAll(sipas2017, 5), answerAll(sipas2017, 2)];
    const outcomes = await writeBatch(db, [
      ...rows(first!.predecessorId, good, 40, '2025-05-10'),
      ...rows(second!.predecessorId, good, 30, '2025-05-10'),
      ...rows(second!.predecessorId, bad, 10, '2025-05-10'),
      ...rows(first!.successorId, good, 30, '2025-08-10'),
      ...rows(first!.successorId, bad, 10, '2025-08-10'),
      ...rows(second!.successorId, good, 40, '2025-08-10'),
    ]);
    expect(outcomes.every((o) => o.kind === 'inserted')).toBe(true);
  });

  it('marks the rank and point changes against re-computed figures, and says why', async () => {
    const context = await newDesktopContext(t.browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInPage(page, t.server.url);
    await page.goto(`${t.server.url}/admin/units/92?period=2025-Q3`);
    await page.getByRole('heading', { level: 1, name: 'Cần Thơ (92)' }).waitFor();

    const ranking = page.getByRole('table', { name: /^Xếp hạng 2 đơn vị trực thuộc/ });
    await ranking.waitFor();
    const rows = ranking.locator('tbody tr');
    const [risen, fallen] = [await rows.nth(0).textContent(), await rows.nth(1).textContent()];
    expect(risen).toContain(successors[1]!.nameVi);
    expect(risen).toContain('▲ tăng 1 bậc*');
    expect(fallen).toContain(successors[0]!.nameVi);
    expect(fallen).toContain('▼ giảm 1 bậc*');
    expect(fallen).toContain('▼ giảm 25,00 điểm*');
    await page.getByText('* Số liệu tính lại từ các đơn vị trước sắp xếp (năm 2025)').waitFor();
    // The province's own place: Q2 read from the old Cần Thơ, Hậu Giang and Sóc Trăng.
    await page.getByText('Số liệu kỳ trước tính lại từ các đơn vị trước sắp xếp (năm 2025).').waitFor();

    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
