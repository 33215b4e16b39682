import { randomUUID } from 'node:crypto';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBatch } from '../../server/src/features/responses/response-writer.ts';
import { vietnamDate } from '../../server/src/local-date.ts';
import { adminHeaders, signInPage } from '../support/admin-session.ts';
import { answerAll } from '../support/answers.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { collectPageErrors, newDesktopContext } from '../support/browser.ts';
import { useLiveServerAndBrowser } from '../support/live-server.ts';

const sipas2017 = loadDefinitions().find((d) => d.definition.key === 'sipas-2017')!.definition;

// Demo data for six provinces, plus 40 respondents of Hà Tĩnh this year (all "Hài lòng"), so that at least
// two provinces are ranked whatever day of the year the test runs.
describe('the analysis report page', () => {
  const t = useLiveServerAndBrowser({ demoData: 'on' });
  const year = vietnamDate(new Date()).slice(0, 4);
  const path = `/admin/units/92/report?period=${year}`;

  beforeAll(async () => {
    const db = t.server.app.db;
    const haTinh = await db.selectFrom('units').select('id').where('code', '=', '42').where('level', '=', 'province').where('valid_to', 'is', null).executeTakeFirstOrThrow();
    const answers = answerAll(sipas2017, 4);
    const outcomes = await writeBatch(
      db,
      Array.from({ length: 40 }, () => ({
        response: { id: randomUUID(), surveyKey: sipas2017.key, surveyVersion: sipas2017.version, unitId: haTinh.id, channel: 'kiosk', locale: 'vi', localDate: vietnamDate(new Date()), answers, contentHash: randomUUID() },
      })),
    );
    expect(outcomes.every((o) => o.kind === 'inserted')).toBe(true);
  });

  const report = async (locale: 'vi' | 'en') => {
    const res = await t.server.app.inject({
      method: 'GET',
      url: `/api/reports/analysis?survey=sipas-2017&unit=92&period=${year}&locale=${locale}`,
      headers: await adminHeaders(t.server.app),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { paragraphs: string[] };
  };

  async function openReport(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const context = await newDesktopContext(t.browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInPage(page, t.server.url);
    await page.goto(`${t.server.url}${path}`);
    await page.locator('.report__paragraph').first().waitFor();
    return { page, errors, close: () => context.close() };
  }

  it('shows the generated Vietnamese text and its tables, axe-clean and without console errors', async () => {
    const { paragraphs } = await report('vi');
    expect(paragraphs[0]).toMatch(new RegExp(`^Năm ${year}, Chỉ số SIPAS của Thành phố Cần Thơ đạt \\d+,\\d{2}%`));
    const { page, errors, close } = await openReport();
    expect(await page.locator('.report__paragraph').allTextContents()).toEqual(paragraphs);
    for (const caption of ['Bảng 1. Chỉ số hài lòng chung và xếp hạng', 'Bảng 2. Chỉ số theo yếu tố', 'Bảng 3. Tỷ lệ hài lòng theo tiêu chí']) {
      expect(await page.getByRole('table', { name: caption }).isVisible()).toBe(true);
    }
    expect(await page.getByRole('button', { name: 'In báo cáo (A4)' }).isVisible()).toBe(true);
    const scores = page.getByRole('link', { name: 'Điểm theo yếu tố và tiêu chí' });
    expect(await scores.getAttribute('href')).toBe(`/api/exports/scores.csv?survey=sipas-2017&unit=92&period=${year}`);
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('prints on A4 with no navigation or controls, each table on a new page', async () => {
    const { page, close } = await openReport();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report__paragraph').first().isVisible()).toBe(true);
    for (const hidden of ['.site-header', '.admin-nav', '.report .admin-controls', '.print-button', '.report__exports', '.back-link', '.site-footer', '.admin-account']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    expect(await page.locator('.report__table').first().evaluate((element) => getComputedStyle(element).breakBefore)).toBe('page');
    // The report is laid out on a named page whose @page rule sets A4.
    expect(await page.locator('.report').evaluate((element) => getComputedStyle(element).page)).toBe('report');
    const pageSizes = await page.evaluate(() =>
      [...document.styleSheets].flatMap((sheet) =>
        [...sheet.cssRules].filter((rule): rule is CSSPageRule => rule instanceof CSSPageRule).map((rule) => `${rule.selectorText} ${rule.style.getPropertyValue('size').toLowerCase()}`),
      ),
    );
    expect(pageSizes).toContain('report a4');
    await close();
  });

  it('switches to English: the page asks the API for locale=en and shows its text', async () => {
    const { paragraphs } = await report('en');
    const { page, errors, close } = await openReport();
    const request = page.waitForRequest((r) => r.url().includes('/api/reports/analysis') && r.url().includes('locale=en'));
    await page.getByRole('button', { name: 'English' }).click();
    await request;
    await page.getByText(paragraphs[0]!).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Satisfaction index analysis');
    expect(errors).toEqual([]);
    await close();
  });
});
