import { describe, expect, it } from 'vitest';
import { signInPage } from '../support/admin-session.ts';
import { collectPageErrors, newDesktopContext, newPhoneContext } from '../support/browser.ts';
import { answerUpToLastScreen } from '../support/fill-questionnaire.ts';
import { useLiveServerAndBrowser } from '../support/live-server.ts';

describe('a citizen answers on a phone and the administrator sees it', () => {
  const t = useLiveServerAndBrowser();

  it('fills the SIPAS 2017 questionnaire at 360×640, submits, and finds the response counted on /admin', async () => {
    const phone = await newPhoneContext(t.browser);
    const page = await phone.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${t.server.url}/s/92`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByRole('heading', { level: 2, name: /Phần 1\// }).waitFor();
    expect(await page.getByText('Cần Thơ').first().isVisible()).toBe(true);

    // Every answer option is a tap target of at least 44 px.
    const optionId = await page.getByRole('radio', { name: 'Không', exact: true }).getAttribute('id');
    const box = await page.locator(`label[for="${optionId}"]`).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);

    const screens = await answerUpToLastScreen(page);
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { level: 1, name: /cảm ơn/i }).waitFor();
    expect(screens).toBe(6); // 7 parts: feedback hidden for a respondent who gave none
    expect(errors).toEqual([]);

    const stored = await t.server.app.db.selectFrom('responses').select(['answers', 'channel']).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers.feedback_given).toBe(false);
    expect(stored[0]!.answers.access_seats).toBe(4);
    await phone.close();

    const desktop = await newDesktopContext(t.browser);
    const admin = await desktop.newPage();
    const adminErrors = collectPageErrors(admin);
    await signInPage(admin, t.server.url);
    await admin.goto(`${t.server.url}/admin`);
    const row = admin.getByRole('row', { name: /Cần Thơ/ });
    await row.waitFor();
    expect(await row.getByRole('cell').last().textContent()).toBe('1');

    await row.getByRole('link', { name: 'Cần Thơ' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Cần Thơ (92)' }).waitFor();
    const table = admin.getByRole('table', { name: 'Tỷ lệ hài lòng theo yếu tố' });
    await table.waitFor();
    // All criteria answered "Hài lòng": every factor answered is 100,00 % satisfied.
    expect(await table.getByRole('row', { name: /Tiếp cận dịch vụ/ }).textContent()).toContain('100,00%');
    expect(adminErrors).toEqual([]);
    await desktop.close();
  });
});
