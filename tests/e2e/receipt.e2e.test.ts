import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dossierTag, mintToken } from '../../server/src/features/tokens/receipt-token.ts';
import { createTokenKey, type CreatedTokenKey } from '../../server/src/features/tokens/token-keys.service.ts';
import { vietnamDate } from '../../server/src/local-date.ts';
import { seriousAxeViolations } from '../support/axe.ts';
import { collectPageErrors, newPhoneContext } from '../support/browser.ts';
import { answerScreen, answerUpToLastScreen } from '../support/fill-questionnaire.ts';
import { useLiveServerAndBrowser } from '../support/live-server.ts';

const USED = 'Phiếu khảo sát này đã được sử dụng';
const INVALID = 'Đường dẫn khảo sát không hợp lệ';
const SHOTS = process.env.E2E_SCREENSHOTS; // a folder to keep screenshots of each page in, when set

async function nextScreen(page: Page): Promise<void> {
  await answerScreen(page);
  const heading = await page.getByRole('heading', { level: 2 }).first().textContent();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).not.toBe(heading);
}

/** The browser reports an expected 4xx answer as a console error; anything else is a bug. */
const realErrors = (errors: string[]) =>
  errors.filter((e) => !/^Failed to load resource: the server responded with a status of (400|409|410)\b/.test(e));

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

describe('a citizen scans the QR code on a dossier receipt, on a phone', () => {
  const t = useLiveServerAndBrowser();
  let key: CreatedTokenKey;
  beforeAll(async () => {
    key = await createTokenKey(t.server.app.db, '92', vietnamDate(new Date()), 'one-stop e2e');
  });

  /** A token as the one-stop system gets it: through the API, with the unit's API key. */
  const mint = async (body: Record<string, unknown>): Promise<string> => {
    const res = await t.server.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { authorization: `Bearer ${key.apiKey}` },
      payload: { dossierRef: `000.00.92.H11-${randomUUID()}`, ...body },
    });
    expect(res.statusCode).toBe(201);
    return (res.json() as { token: string }).token;
  };
  const receiptResponses = () =>
    t.server.app.db
      .selectFrom('responses as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .select(['r.channel', 'u.code', 'r.procedure_code', 'r.from_receipt', 'r.locale'])
      .where('r.from_receipt', '=', true)
      .execute();

  it('opens the questionnaire of the unit and procedure, keeps answers over a reload, takes one response, then says the link is used', async () => {
    const token = await mint({ procedure: '1.001193', channel: 'online' });
    const phone = await newPhoneContext(t.browser);
    const page = await phone.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${t.server.url}/r/${token}`);
    await page.getByRole('heading', { level: 2, name: /Phần 1\// }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.getByText('Thành phố Cần Thơ').isVisible()).toBe(true);
    expect(await page.getByText('Thủ tục đăng ký khai sinh').isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shoot(page, 'receipt-start');

    // Answers are kept per receipt across a reload, as on /s/:unitCode.
    await nextScreen(page);
    await page.reload();
    await page.getByText('Các câu trả lời bạn đã nhập trước đó trên máy này đã được khôi phục.').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(/Phần 2\//);
    expect(await page.evaluate((k) => localStorage.getItem(k) !== null, `sipas.progress.v1:sipas-2017:r:${token}`)).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('sipas.progress.v1:sipas-2017:92'))).toBeNull();
    // The procedure stays in view on later screens too.
    expect(await page.getByText('Thủ tục đăng ký khai sinh').isVisible()).toBe(true);

    await answerUpToLastScreen(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { level: 1, name: /cảm ơn/i }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate((k) => localStorage.getItem(k), `sipas.progress.v1:sipas-2017:r:${token}`)).toBeNull();

    // Stamped from the token: its unit, procedure and channel; no unit or channel was sent by the page.
    expect(await receiptResponses()).toEqual([
      { channel: 'online', code: '92', procedure_code: '1.001193', from_receipt: true, locale: 'vi' },
    ]);

    // A second visit: no questionnaire, a page saying the link was used.
    await page.goto(`${t.server.url}/r/${token}`);
    await page.getByRole('heading', { level: 1, name: USED }).waitFor();
    expect(await page.locator('form').count()).toBe(0);
    expect(await page.getByText('Cần Thơ').isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shoot(page, 'receipt-used');
    expect(errors).toEqual([]);
    await phone.close();
  });

  it('refuses a forged link, and an expired one, with a page in Vietnamese and in English', async () => {
    const token = await mint({});
    // One character changed in the middle of the payload: the signature no longer matches.
    const i = 30;
    const forged = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    const phone = await newPhoneContext(t.browser);
    const page = await phone.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${t.server.url}/r/${forged}`);
    await page.getByRole('heading', { level: 1, name: INVALID }).waitFor();
    expect(await page.locator('form').count()).toBe(0);
    expect(await page.getByText('Vui lòng quét lại mã QR trên giấy tiếp nhận hồ sơ').isVisible()).toBe(true);
    expect(await page.title()).toBe(INVALID);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shoot(page, 'receipt-forged');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'This survey link is not valid' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shoot(page, 'receipt-forged-en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    // Not a token at all: refused the same way.
    await page.goto(`${t.server.url}/r/not-a-token`);
    await page.getByRole('heading', { level: 1, name: INVALID }).waitFor();

    // Genuine but issued 40 days ago for 30 days.
    const issuedOn = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const expired = mintToken(key.secret, key.keyId, {
      unit: '92',
      procedure: null,
      channel: 'counter',
      issuedOn,
      validDays: 30,
      dossierTag: dossierTag(key.secret, 'old dossier'),
      nonce: 'AAECAwQF',
    });
    await page.goto(`${t.server.url}/r/${expired}`);
    await page.getByRole('heading', { level: 1, name: 'Đường dẫn khảo sát đã hết hạn' }).waitFor();
    expect(await page.locator('form').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(realErrors(errors)).toEqual([]);
    await phone.close();
  });

  it('says the link is used when the dossier answered elsewhere while this phone was answering', async () => {
    const token = await mint({ channel: 'counter' });
    const phone = await newPhoneContext(t.browser);
    const page = await phone.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${t.server.url}/r/${token}`);
    await page.getByRole('heading', { level: 2, name: /Phần 1\// }).waitFor();
    // No procedure on this receipt: no procedure line.
    expect(await page.getByText('Thủ tục', { exact: true }).count()).toBe(0);
    await answerUpToLastScreen(page);

    // Meanwhile the same dossier answers from another device.
    const definition = await t.server.app.inject({ method: 'GET', url: '/api/surveys/sipas-2017' });
    const { key: survey, version } = definition.json() as { key: string; version: number };
    const answers = await page.evaluate(
      (k) => (JSON.parse(localStorage.getItem(k) ?? '{}') as { answers: Record<string, unknown> }).answers,
      `sipas.progress.v1:sipas-2017:r:${token}`,
    );
    const other = await t.server.app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: { id: randomUUID(), token, survey, version, answers },
    });
    expect(other.statusCode).toBe(201);

    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    const heading = page.getByRole('heading', { level: 1, name: USED });
    await heading.waitFor();
    // Focus moves to the news, as it does to the thank-you.
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.evaluate((k) => localStorage.getItem(k), `sipas.progress.v1:sipas-2017:r:${token}`)).toBeNull();
    expect((await receiptResponses()).filter((r) => r.channel === 'counter')).toHaveLength(1);
    expect(realErrors(errors)).toEqual([]);
    await phone.close();
  });
});
