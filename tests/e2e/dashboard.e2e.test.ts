import { randomUUID } from 'node:crypto';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { Answers } from '@sipas/survey-definitions/schema';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBatch } from '../../server/src/features/responses/response-writer.ts';
import { vietnamDate } from '../../server/src/local-date.ts';
import { describeRankChange, formatRank, formatShare } from '../../server/src/scoring/rank-text.ts';
import { adminHeaders, signInPage } from '../support/admin-session.ts';
import { answerAll } from '../support/answers.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { collectPageErrors, newDesktopContext } from '../support/browser.ts';
import { useLiveServerAndBrowser } from '../support/live-server.ts';

const sipas2017 = loadDefinitions().find((d) => d.definition.key === 'sipas-2017')!.definition;
const SCRIPT_COMMENT = '<script>window.__injected = true</script> Thủ tục còn chậm';

// The demo data (six provinces, a year up to today) plus three communes of Cần Thơ. This year the first has
// 40 respondents all "Rất hài lòng" (100 %), the second 30 of them and 10 "Không hài lòng" (75 %), the third
// only 5 (below the minimum of 30: listed apart, not ranked); one respondent of the first wrote a <script>.
// Last year the first two were the other way round, so the first rose 1 place and 25 points.
describe('the unit dashboard', () => {
  const t = useLiveServerAndBrowser({ demoData: 'on' });
  const year = vietnamDate(new Date()).slice(0, 4);
  const communes: Array<{ id: number; code: string; nameVi: string }> = [];

  beforeAll(async () => {
    const db = t.server.app.db;
    const canTho = await db.selectFrom('units').select('id').where('code', '=', '92').where('level', '=', 'province').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    communes.push(
      ...(await db.selectFrom('units').select(['id', 'code', 'name_vi as nameVi']).where('parent_id', '=', canTho.id).where('valid_to', 'is', null).orderBy('code').limit(3).execute()),
    );
    const today = vietnamDate(new Date());
    const lastYear = `${Number(year) - 1}-12-15`;
    const rows = (unitId: number, answers: Answers, count: number, localDate = today) =>
      Array.from({ length: count }, () => ({
        response: { id: randomUUID(), surveyKey: sipas2017.key, surveyVersion: sipas2017.version, unitId, channel: 'web', locale: 'vi', localDate, answers, contentHash: randomUUID() },
      }));
    const [first, second, third] = communes;
    const outcomes = await writeBatch(db, [
      ...rows(first!.id, answerAll(sipas2017, 5), 39),
      ...rows(first!.id, answerAll(sipas2017, 5, { comment: SCRIPT_COMMENT }), 1),
      ...rows(second!.id, answerAll(sipas2017, 5), 30),
      ...rows(second!.id, answerAll(sipas2017, 2), 10),
      ...rows(third!.id, answerAll(sipas2017, 5), 5),
      ...rows(first!.id, answerAll(sipas2017, 5), 30, lastYear),
      ...rows(first!.id, answerAll(sipas2017, 2), 10, lastYear),
      ...rows(second!.id, answerAll(sipas2017, 5), 40, lastYear),
    ]);
    expect(outcomes.every((o) => o.kind === 'inserted')).toBe(true);
  });

  async function openDashboard(width = 1280, height = 900): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const context = await newDesktopContext(t.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    const errors = collectPageErrors(page);
    await signInPage(page, t.server.url);
    await page.goto(`${t.server.url}/admin/units/92?period=${year}`);
    await page.getByRole('heading', { level: 1, name: 'Cần Thơ (92)' }).waitFor();
    return { page, errors, close: () => context.close() };
  }

  const api = async (url: string) => {
    const res = await t.server.app.inject({ method: 'GET', url, headers: await adminHeaders(t.server.app) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('shows the overall index, the components, the rank and the ranked sub-units, axe-clean and without console errors', async () => {
    const results = await api(`/api/results?survey=sipas-2017&unit=92&period=${year}`);
    const position = await api(`/api/rankings/position?survey=sipas-2017&unit=92&period=${year}`);
    const { page, errors, close } = await openDashboard();

    expect(await page.getByTestId('overall-share').textContent()).toBe(formatShare(results.overall.share, 'vi'));
    const components = page.getByRole('table', { name: 'Tỷ lệ hài lòng theo yếu tố' });
    for (const component of results.components) {
      const row = components.getByRole('row', { name: new RegExp(component.label.vi) });
      expect(await row.textContent()).toContain(formatShare(component.share, 'vi'));
    }
    // The demo provinces are ranked among today's provinces ("3/6"); last year's demo data may be too small to rank.
    expect(position.position).not.toBeNull();
    expect(await page.getByTestId('rank').textContent()).toBe(formatRank(position.position.rank, position.position.of));
    const rankStat = page.locator('.stat', { has: page.getByTestId('rank') });
    const change = position.position.rankChange;
    expect(await rankStat.textContent()).toContain(change === null ? 'Kỳ trước chưa được xếp hạng.' : describeRankChange(change, 'vi'));

    const ranking = page.getByRole('table', { name: /^Xếp hạng 2 đơn vị trực thuộc/ });
    await ranking.waitFor();
    const rows = ranking.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain(communes[0]!.nameVi);
    expect(await rows.nth(0).textContent()).toContain('1/2');
    expect(await rows.nth(0).textContent()).toContain('100,00%');
    expect(await rows.nth(0).textContent()).toContain('▲ tăng 1 bậc');
    expect(await rows.nth(0).textContent()).toContain('▲ tăng 25,00 điểm');
    expect(await rows.nth(1).textContent()).toContain(communes[1]!.nameVi);
    expect(await rows.nth(1).textContent()).toContain('75,00%');
    expect(await rows.nth(1).textContent()).toContain('▼ giảm 1 bậc');
    expect(await rows.nth(1).textContent()).toContain('▼ giảm 25,00 điểm');
    // The small sample is listed apart and flagged in words.
    const unranked = page.getByRole('table', { name: /^Chưa xếp hạng/ });
    expect(await unranked.getByRole('row', { name: new RegExp(communes[2]!.nameVi) }).textContent()).toContain('Cỡ mẫu nhỏ');

    await page.getByRole('heading', { name: 'Diễn biến theo thời gian' }).waitFor();
    await page.locator('.chart').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('sorts the sub-unit ranking by share both ways, then by rank change', async () => {
    const { page, close } = await openDashboard();
    const ranking = page.getByRole('table', { name: /^Xếp hạng 2 đơn vị trực thuộc/ });
    const firstRow = () => ranking.locator('tbody tr').first().textContent();
    const shareHeader = ranking.getByRole('columnheader', { name: /Tỷ lệ hài lòng/ });

    await shareHeader.getByRole('button').click();
    expect(await shareHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await firstRow()).toContain(communes[0]!.nameVi);
    await shareHeader.getByRole('button').click();
    expect(await shareHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await firstRow()).toContain(communes[1]!.nameVi);

    const rankChangeHeader = ranking.getByRole('columnheader', { name: /Thay đổi thứ hạng/ });
    await rankChangeHeader.getByRole('button').click();
    expect(await rankChangeHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await shareHeader.getAttribute('aria-sort')).toBe('none');
    expect(await firstRow()).toContain(communes[0]!.nameVi);
    await close();
  });

  it('shows a comment containing <script> as text, never running it, and finds it by search and sub-unit', async () => {
    const { page, close } = await openDashboard();
    const comments = page.getByRole('region', { name: 'Ý kiến của người dân' });
    await page.getByRole('searchbox', { name: 'Tìm trong ý kiến' }).fill('script');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const comment = page.locator('.comment__text', { hasText: '<script>window.__injected = true</script>' });
    await comment.waitFor();
    expect(await comment.textContent()).toBe(SCRIPT_COMMENT);
    expect(await page.evaluate(() => 'injected' in window || '__injected' in window)).toBe(false);
    expect(await page.locator('.comments script').count()).toBe(0);

    // Filtering by the other commune leaves nothing.
    await page.getByRole('combobox', { name: 'Đơn vị' }).selectOption(communes[1]!.code);
    await comments.getByText('Không có ý kiến nào phù hợp.').waitFor();
    await close();
  });

  /** What the signed-in browser gets from the results API and the three exports of a unit. */
  const statusesOf = async (page: Page, code: string) =>
    Promise.all(
      [
        `/api/results?survey=sipas-2017&unit=${code}&period=${year}`,
        `/api/exports/scores.csv?survey=sipas-2017&unit=${code}&period=${year}`,
        `/api/exports/responses.csv?survey=sipas-2017&unit=${code}&from=${year}-01-01&to=${year}-12-31`,
        `/api/comments?survey=sipas-2017&unit=${code}&from=${year}-01-01&to=${year}-12-31`,
      ].map(async (url) => (await page.request.get(`${t.server.url}${url}`)).status()),
    );

  it("keeps a sibling commune's results from a commune viewer in the UI, the API and the exports, not from the province", async () => {
    const context = await newDesktopContext(t.browser);
    const page = await context.newPage();
    await signInPage(page, t.server.url, { role: 'viewer', unitCode: communes[0]!.code });
    await page.goto(`${t.server.url}/admin/units/${communes[1]!.code}?period=${year}`);
    await page.getByRole('heading', { level: 1, name: 'Không có quyền xem đơn vị này' }).waitFor();
    expect(await page.getByText(communes[1]!.nameVi).count()).toBe(0);
    expect(await statusesOf(page, communes[1]!.code)).toEqual([403, 403, 403, 403]);

    await page.goto(`${t.server.url}/admin/units/${communes[0]!.code}?period=${year}`);
    await page.getByRole('heading', { level: 1, name: `${communes[0]!.nameVi} (${communes[0]!.code})` }).waitFor();
    expect(await page.getByTestId('overall-share').textContent()).toBe('100,00%');
    expect(await statusesOf(page, communes[0]!.code)).toEqual([200, 200, 200, 200]);
    await context.close();

    // The province's manager reaches the same commune everywhere.
    const provinceContext = await newDesktopContext(t.browser);
    const provincePage = await provinceContext.newPage();
    await signInPage(provincePage, t.server.url, { role: 'unit-manager', unitCode: '92' });
    await provincePage.goto(`${t.server.url}/admin/units/${communes[1]!.code}?period=${year}`);
    await provincePage.getByRole('heading', { level: 1, name: `${communes[1]!.nameVi} (${communes[1]!.code})` }).waitFor();
    expect(await provincePage.getByTestId('overall-share').textContent()).toBe('75,00%');
    expect(await statusesOf(provincePage, communes[1]!.code)).toEqual([200, 200, 200, 200]);
    await provinceContext.close();
  });

  it('fits a 768 px tablet: no page-wide horizontal scroll, still axe-clean', async () => {
    const { page, errors, close } = await openDashboard(768, 1024);
    await page.locator('.chart').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
