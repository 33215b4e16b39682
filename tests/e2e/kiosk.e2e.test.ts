import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDevice, listDevices, revokeDevice } from '../../server/src/features/devices/devices.service.ts';
import { loadSurveyCatalog } from '../../server/src/features/surveys/surveys.service.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { collectPageErrors } from '../support/browser.ts';
import { answerAndSubmit } from '../support/fill-questionnaire.ts';
import { useLiveServerAndBrowser } from '../support/live-server.ts';

const WELCOME = 'Đánh giá sự hài lòng về sự phục vụ hành chính';

/** A portrait tablet at the counter. */
function newTabletContext(browser: import('playwright-core').Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 800, height: 1280 },
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
}

/** Failed requests while offline are expected console noise; anything else is a bug. */
const realErrors = (errors: string[]) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch/.test(e));

describe('a kiosk at the counter', () => {
  const t = useLiveServerAndBrowser();
  const enrol = async (unitCode: string, idleSeconds: number) =>
    createDevice(t.server.app.db, await loadSurveyCatalog(t.server.app.db), { unitCode, name: 'Quầy 1', idleSeconds }, new Date());
  const kioskRows = (unitCode: string) =>
    t.server.app.db
      .selectFrom('responses as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .select(['r.id', 'r.channel'])
      .where('u.code', '=', unitCode)
      .execute();

  it('takes five responses offline, stores exactly five once the network returns, and resets to a clean welcome screen', async () => {
    const issued = await enrol('92', 3);
    const tablet = await newTabletContext(t.browser);
    const page = await tablet.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${t.server.url}${issued.path}`);

    const welcome = page.getByRole('heading', { level: 1, name: WELCOME });
    await welcome.waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/kiosk'); // the one-time code left the address bar
    expect(await page.getByText('Thành phố Cần Thơ').isVisible()).toBe(true);
    expect(await page.getByRole('banner').count()).toBe(0); // no site header leading away from the survey
    expect(await seriousAxeViolations(page)).toEqual([]);
    const historyLength = await page.evaluate(() => history.length);
    const status = page.locator('.kiosk-status');

    await tablet.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false); // the 'online' event will start delivery
    for (let respondent = 1; respondent <= 5; respondent++) {
      await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).click();
      await answerAndSubmit(page);
      // Thanked at once, though offline: the response is safe in IndexedDB.
      await page.getByRole('heading', { level: 1, name: /cảm ơn/i }).waitFor({ timeout: 2_000 });
      await welcome.waitFor(); // back after the thank-you delay (the idle time, 3 s, here)
      await expect.poll(() => status.textContent()).toContain(`Chờ gửi: ${respondent}`);
    }
    expect(await status.textContent()).toContain('Mất kết nối');
    expect(await kioskRows('92')).toEqual([]);

    await tablet.setOffline(false);
    await expect.poll(async () => (await kioskRows('92')).length, { timeout: 20_000 }).toBe(5);
    expect((await kioskRows('92')).map((r) => r.channel)).toEqual(Array(5).fill('kiosk'));
    await expect.poll(() => status.textContent()).toContain('Chờ gửi: 0');
    // The heartbeat told the server: last contact and an empty queue.
    await expect
      .poll(async () => (await listDevices(t.server.app.db)).find((d) => d.id === issued.device.id)?.queueDepth, { timeout: 10_000 })
      .toBe(0);
    expect((await listDevices(t.server.app.db)).find((d) => d.id === issued.device.id)?.lastContactAt).toBeInstanceOf(Date);

    // A sixth respondent chooses English and walks away mid-way: warned, then the screen is cleared for the next one.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('button', { name: 'Start the survey' }).click();
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('radio', { name: 'Very satisfied' }).first().check();
    expect(await page.locator('input:checked').count()).toBe(1);
    await page.getByRole('alertdialog', { name: 'Are you still there?' }).waitFor();
    await welcome.waitFor();

    expect(await page.locator('input:checked').count()).toBe(0);
    expect(await page.locator('fieldset').count()).toBe(0);
    expect(await welcome.evaluate((heading) => document.activeElement === heading)).toBe(true);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('sipas.progress')))).toEqual([]);
    expect((await kioskRows('92')).length).toBe(5);
    expect(realErrors(errors)).toEqual([]);
    await tablet.close();
  });

  it('starts again offline after a reload (service worker and IndexedDB) and delivers what it took', async () => {
    const issued = await enrol('42', 60);
    const tablet = await newTabletContext(t.browser);
    const page = await tablet.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${t.server.url}${issued.path}`);
    const welcome = page.getByRole('heading', { level: 1, name: WELCOME });
    await welcome.waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await tablet.setOffline(true);
    await page.reload();
    await welcome.waitFor();
    expect(await page.getByText('Tỉnh Hà Tĩnh').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).click();
    await answerAndSubmit(page);
    await page.getByRole('heading', { level: 1, name: /cảm ơn/i }).waitFor({ timeout: 2_000 });
    expect(await kioskRows('42')).toEqual([]);

    await tablet.setOffline(false);
    await expect.poll(async () => (await kioskRows('42')).length, { timeout: 20_000 }).toBe(1);
    expect(realErrors(errors)).toEqual([]);
    await tablet.close();
  });

  it('tells staff when the device was revoked, and keeps the responses it holds', async () => {
    const issued = await enrol('01', 60);
    const tablet = await newTabletContext(t.browser);
    const page = await tablet.newPage();
    await page.goto(`${t.server.url}${issued.path}`);
    await page.getByRole('heading', { level: 1, name: WELCOME }).waitFor();
    await tablet.setOffline(true);
    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).click();
    await answerAndSubmit(page);
    await page.getByRole('heading', { level: 1, name: /cảm ơn/i }).waitFor({ timeout: 2_000 });

    // Revoked while offline: its first delivery attempt back online gets 401.
    await revokeDevice(t.server.app.db, issued.device.id, new Date());
    await tablet.setOffline(false);
    const notEnrolled = page.getByRole('heading', { level: 1, name: 'Thiết bị chưa được đăng ký / bị thu hồi' });
    await notEnrolled.waitFor({ timeout: 20_000 });
    await page.getByText('1 phiếu chưa gửi vẫn được giữ trên máy').waitFor();
    expect(await kioskRows('01')).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.reload();
    await notEnrolled.waitFor();
    // The spent code typed again is refused.
    await page.getByRole('textbox', { name: 'Mã đăng ký' }).fill(issued.code);
    await page.getByRole('button', { name: 'Đăng ký thiết bị' }).click();
    await page.getByText('Mã đăng ký không hợp lệ hoặc đã hết hạn.').waitFor();
    expect(await kioskRows('01')).toEqual([]);
    await tablet.close();
  });
});
